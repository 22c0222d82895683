-- DropIndex
DROP INDEX "bank_statements_bank_account_id_file_sha256_key";

-- CreateIndex
CREATE UNIQUE INDEX "bank_statements_file_sha256_key" ON "bank_statements"("file_sha256");

-- CreateIndex
CREATE INDEX "bank_statements_bank_account_id_idx" ON "bank_statements"("bank_account_id");
