-- DropIndex
DROP INDEX "outbox_delivered_at_lane_id_idx";

-- AlterTable
ALTER TABLE "outbox" ADD COLUMN     "retry_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "outbox_lane_id_idx" ON "outbox"("lane", "id") WHERE (delivered_at IS NULL);

-- CreateIndex
CREATE INDEX "outbox_workflow_id_idx" ON "outbox"("workflow_id") WHERE (delivered_at IS NULL AND retry_at IS NOT NULL);
