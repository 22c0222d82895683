-- Banks write a variable symbol without leading zeros, so 0012345 arrives as 12345, and
-- letters in any case. Postgres keeps that form of each reference, mirroring
-- normalizeSymbol in domain/statements, so statement matching finds customers by an index.
-- schema.prisma cannot express a generated column and declares this one as ignored.
ALTER TABLE "customers" ADD COLUMN "payment_reference_key" TEXT GENERATED ALWAYS AS (
  CASE WHEN btrim("payment_reference") ~ '^[0-9]+$' THEN nullif(ltrim(btrim("payment_reference"), '0'), '')
       ELSE upper(btrim("payment_reference")) END
) STORED;

-- Unique: two customers whose references a bank cannot tell apart, like 0012345 and 12345
-- or abc and ABC, would make every payment of theirs ambiguous.
CREATE UNIQUE INDEX "customers_payment_reference_key_key" ON "customers"("payment_reference_key");
