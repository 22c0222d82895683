-- CreateTable
CREATE TABLE "customer_dunning" (
    "customer_id" INTEGER NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "overdue_minor" BIGINT NOT NULL DEFAULT 0,
    "network" TEXT NOT NULL DEFAULT 'none',
    "next_action" TEXT,
    "next_action_at" TIMESTAMPTZ(3),
    "last_event" TEXT,
    "promise_to_pay_until" TIMESTAMPTZ(3),
    "paused_until" TIMESTAMPTZ(3),
    "reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "customer_dunning_pkey" PRIMARY KEY ("customer_id")
);

-- CreateIndex
CREATE INDEX "customer_dunning_state_idx" ON "customer_dunning"("state");
