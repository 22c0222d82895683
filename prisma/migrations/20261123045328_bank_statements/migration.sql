-- CreateEnum
CREATE TYPE "StatementFormat" AS ENUM ('camt053', 'mt940', 'gpc', 'csv');

-- CreateEnum
CREATE TYPE "StatementStatus" AS ENUM ('staged', 'reconciled');

-- CreateEnum
CREATE TYPE "BankLineState" AS ENUM ('pending', 'matched', 'exception', 'assigned', 'ignored', 'refund_pending');

-- AlterTable
ALTER TABLE "payments" ADD COLUMN     "statement_id" INTEGER;

-- CreateTable
CREATE TABLE "bank_accounts" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "account_key" TEXT NOT NULL,
    "account" TEXT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "csv_mapping" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bank_accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_statements" (
    "id" SERIAL NOT NULL,
    "bank_account_id" INTEGER NOT NULL,
    "format" "StatementFormat" NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "bank_statement_ref" TEXT,
    "from_date" DATE,
    "to_date" DATE,
    "status" "StatementStatus" NOT NULL DEFAULT 'staged',
    "line_count" INTEGER NOT NULL,
    "imported_count" INTEGER NOT NULL,
    "already_known" INTEGER NOT NULL,
    "imported_by" TEXT NOT NULL,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "reconciled_at" TIMESTAMPTZ(3),
    "summary" JSONB,

    CONSTRAINT "bank_statements_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bank_transactions" (
    "id" SERIAL NOT NULL,
    "statement_id" INTEGER NOT NULL,
    "line_no" INTEGER NOT NULL,
    "identity" TEXT NOT NULL,
    "booking_date" DATE NOT NULL,
    "amount_minor" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "variable_symbol" TEXT,
    "specific_symbol" TEXT,
    "constant_symbol" TEXT,
    "counter_account" TEXT,
    "counter_name" TEXT,
    "message" TEXT,
    "bank_reference" TEXT,
    "state" "BankLineState" NOT NULL DEFAULT 'pending',
    "match_kind" TEXT,
    "matched_by" TEXT,
    "exception_reason" TEXT,
    "candidate_customer_ids" INTEGER[] DEFAULT ARRAY[]::INTEGER[],
    "detail" TEXT,
    "customer_id" INTEGER,
    "payment_id" INTEGER,
    "resolved_by_id" INTEGER,
    "resolved_at" TIMESTAMPTZ(3),
    "resolution_note" TEXT,

    CONSTRAINT "bank_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "known_counter_accounts" (
    "account_key" TEXT NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "created_by_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "known_counter_accounts_pkey" PRIMARY KEY ("account_key","customer_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "bank_accounts_account_key_key" ON "bank_accounts"("account_key");

-- CreateIndex
CREATE UNIQUE INDEX "bank_statements_bank_account_id_file_sha256_key" ON "bank_statements"("bank_account_id", "file_sha256");

-- CreateIndex
CREATE UNIQUE INDEX "bank_transactions_identity_key" ON "bank_transactions"("identity");

-- CreateIndex
CREATE UNIQUE INDEX "bank_transactions_payment_id_key" ON "bank_transactions"("payment_id");

-- CreateIndex
CREATE INDEX "bank_transactions_statement_id_state_idx" ON "bank_transactions"("statement_id", "state");

-- CreateIndex
CREATE UNIQUE INDEX "bank_transactions_statement_id_line_no_key" ON "bank_transactions"("statement_id", "line_no");

-- CreateIndex
CREATE INDEX "known_counter_accounts_customer_id_idx" ON "known_counter_accounts"("customer_id");

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "bank_statements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_statements" ADD CONSTRAINT "bank_statements_bank_account_id_fkey" FOREIGN KEY ("bank_account_id") REFERENCES "bank_accounts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_statement_id_fkey" FOREIGN KEY ("statement_id") REFERENCES "bank_statements"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bank_transactions" ADD CONSTRAINT "bank_transactions_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE SET NULL ON UPDATE CASCADE;
