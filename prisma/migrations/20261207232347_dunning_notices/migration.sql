-- CreateTable
CREATE TABLE "dunning_notices" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "invoice_id" INTEGER NOT NULL,
    "template" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "dunning_notices_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "dunning_notices_customer_id_idx" ON "dunning_notices"("customer_id");

-- CreateIndex
CREATE UNIQUE INDEX "dunning_notices_invoice_id_template_channel_key" ON "dunning_notices"("invoice_id", "template", "channel");

-- Notices sent before this release count: the earliest of each (invoice, template, channel).
INSERT INTO "dunning_notices" ("customer_id", "invoice_id", "template", "channel", "state", "dedupe_key", "created_at")
SELECT DISTINCT ON ("invoice_id", "template", "channel") "customer_id", "invoice_id", "template", "channel", "state", "dedupe_key", "created_at"
  FROM "notification_log"
 WHERE "invoice_id" IS NOT NULL AND "dedupe_key" NOT LIKE 'invoice:%'
 ORDER BY "invoice_id", "template", "channel", "created_at", "id";
