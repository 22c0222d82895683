-- CreateTable
CREATE TABLE "dunning_events" (
    "id" BIGSERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "entry_key" TEXT NOT NULL,

    CONSTRAINT "dunning_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dunning_events_customer_id_at_idx" ON "dunning_events"("customer_id", "at");

-- CreateIndex
CREATE UNIQUE INDEX "dunning_events_customer_id_entry_key_key" ON "dunning_events"("customer_id", "entry_key");
