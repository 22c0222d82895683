-- A client's idempotency key used to be global (manual:<key>), so one reseller could see or
-- pre-empt another's payment through it. Keys are now the recording operator's own
-- (manual:<operator id>:<key>), and earlier payments move to that form, so a client retrying
-- across the upgrade still finds its payment instead of recording it twice.
UPDATE "payments"
   SET "external_key" = 'manual:' || "operator_id" || ':' || substr("external_key", 8)
 WHERE "source" = 'manual' AND "operator_id" IS NOT NULL AND "external_key" LIKE 'manual:%';
