-- DropIndex
DROP INDEX "outbox_delivered_at_id_idx";

-- DropIndex
DROP INDEX "bank_transactions_statement_id_state_idx";

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "held_for" TEXT,
ADD COLUMN     "lane" SMALLINT NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "payments_statement_id_idx" ON "payments"("statement_id");

-- CreateIndex
CREATE INDEX "outbox_delivered_at_lane_id_idx" ON "outbox"("delivered_at", "lane", "id");

-- CreateIndex
CREATE INDEX "outbox_held_for_idx" ON "outbox"("held_for");

-- CreateIndex
CREATE INDEX "bank_transactions_statement_id_state_line_no_idx" ON "bank_transactions"("statement_id", "state", "line_no");
