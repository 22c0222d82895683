-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateIndex
CREATE INDEX "customers_name_idx" ON "customers" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "customers_username_idx" ON "customers" USING GIN ("username" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "payments_reference_idx" ON "payments" USING GIN ("reference" gin_trgm_ops);
