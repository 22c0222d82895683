-- CreateIndex
CREATE INDEX "customers_email_idx" ON "customers" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customers_phone_idx" ON "customers" USING GIN ("phone" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customers_payment_reference_idx" ON "customers" USING GIN ("payment_reference" gin_trgm_ops);
