-- CreateTable
CREATE TABLE "dunning_policies" (
    "version" SERIAL NOT NULL,
    "document" JSONB NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dunning_policies_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "notification_log" (
    "id" SERIAL NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "invoice_id" INTEGER,
    "state" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "recipient" TEXT,
    "status" TEXT NOT NULL,
    "transport" TEXT,
    "provider_id" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "network_actions" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "subscription_id" INTEGER,
    "state" "NetworkState" NOT NULL,
    "adapter" TEXT NOT NULL,
    "result" TEXT NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "network_actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "notification_log_dedupe_key_key" ON "notification_log"("dedupe_key");

-- CreateIndex
CREATE INDEX "notification_log_customer_id_idx" ON "notification_log"("customer_id");

-- CreateIndex
CREATE INDEX "network_actions_customer_id_idx" ON "network_actions"("customer_id");
