-- AlterTable
ALTER TABLE "invoices" ADD COLUMN     "signalled_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "invoices_billing_run_id_signalled_at_idx" ON "invoices"("billing_run_id", "signalled_at");
