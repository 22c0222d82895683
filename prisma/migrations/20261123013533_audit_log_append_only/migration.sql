-- The audit trail is append-only: who changed money and why must never be rewritten.
-- Prisma's wasm engine splits scripts on every semicolon, even inside $$ bodies,
-- so the PL/pgSQL statement terminator is written as the octal escape \073.
CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION \'audit_log is append-only (% rejected)\', TG_OP\073 END';

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change();

CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change();
