-- CreateTable
CREATE TABLE "statement_batches" (
    "statement_id" INTEGER NOT NULL,
    "run_id" TEXT NOT NULL,
    "after_line_no" INTEGER NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "statement_batches_pkey" PRIMARY KEY ("statement_id","run_id","after_line_no")
);

-- AddForeignKey
ALTER TABLE "statement_batches" ADD CONSTRAINT "statement_batches_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "bank_statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
