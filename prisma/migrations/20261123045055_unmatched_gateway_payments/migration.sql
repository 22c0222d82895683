-- CreateTable
CREATE TABLE "unmatched_gateway_payments" (
    "id" SERIAL NOT NULL,
    "external_key" TEXT NOT NULL,
    "gateway" TEXT NOT NULL,
    "transaction_id" TEXT NOT NULL,
    "customer_reference" TEXT NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "paid_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payment_id" INTEGER,
    "assigned_by_id" INTEGER,
    "assigned_at" TIMESTAMPTZ(3),

    CONSTRAINT "unmatched_gateway_payments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "unmatched_gateway_payments_external_key_key" ON "unmatched_gateway_payments"("external_key");

-- CreateIndex
CREATE UNIQUE INDEX "unmatched_gateway_payments_payment_id_key" ON "unmatched_gateway_payments"("payment_id");

-- CreateIndex
CREATE INDEX "unmatched_gateway_payments_payment_id_received_at_idx" ON "unmatched_gateway_payments"("payment_id", "received_at");
