-- An older release let one file be imported for two accounts, booking its lines twice: name them and stop before changing anything.
DO E'DECLARE d record\073 BEGIN SELECT a.id AS a, b.id AS b INTO d FROM bank_statements a JOIN bank_statements b ON b.file_sha256 = a.file_sha256 AND b.id > a.id LIMIT 1\073 IF FOUND THEN RAISE EXCEPTION \'statements % and % are one file imported for two bank accounts, so its lines may be booked twice. Reverse the payments of one of them and delete it, then upgrade.\', d.a, d.b\073 END IF\073 END';

-- DropIndex
DROP INDEX "bank_statements_bank_account_id_file_sha256_key";


-- CreateIndex
CREATE UNIQUE INDEX "bank_statements_file_sha256_key" ON "bank_statements"("file_sha256");

-- CreateIndex
CREATE INDEX "bank_statements_bank_account_id_idx" ON "bank_statements"("bank_account_id");
