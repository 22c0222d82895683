-- Banks write a variable symbol without leading zeros, so 0012345 arrives as 12345, and
-- letters in any case. Postgres keeps that form of each reference, mirroring
-- normalizeSymbol in domain/statements, so statement matching finds customers by an index.
-- schema.prisma cannot express a generated column and declares this one as ignored.

-- An older release let two customers in whose references read the same at the bank:
-- stop with their ids, before changing anything, rather than with a bare duplicate-key error.
DO E'DECLARE d record\073 BEGIN WITH k AS (SELECT id, payment_reference AS ref, CASE WHEN btrim(payment_reference) ~ \'^[0-9]+$\' THEN nullif(ltrim(btrim(payment_reference), \'0\'), \'\') ELSE upper(btrim(payment_reference)) END AS key FROM customers) SELECT a.id AS a, b.id AS b, a.ref AS ra, b.ref AS rb INTO d FROM k a JOIN k b ON b.key = a.key AND b.id > a.id LIMIT 1\073 IF FOUND THEN RAISE EXCEPTION \'customers % and % have payment references a bank cannot tell apart, % and %. Give one of them another reference, then upgrade.\', d.a, d.b, d.ra, d.rb\073 END IF\073 END';

ALTER TABLE "customers" ADD COLUMN "payment_reference_key" TEXT GENERATED ALWAYS AS (
  CASE WHEN btrim("payment_reference") ~ '^[0-9]+$' THEN nullif(ltrim(btrim("payment_reference"), '0'), '')
       ELSE upper(btrim("payment_reference")) END
) STORED;

-- Unique: two customers whose references a bank cannot tell apart, like 0012345 and 12345
-- or abc and ABC, would make every payment of theirs ambiguous.
CREATE UNIQUE INDEX "customers_payment_reference_key_key" ON "customers"("payment_reference_key");
