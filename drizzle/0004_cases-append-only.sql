-- domain.md §5/§6: consent records, the frictiebudget ledger and a case's transition history
-- are append-only (a withdrawal, a reversal, a new transition is a new row), so the database
-- itself refuses to change or remove their rows, whoever asks.
CREATE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consent_records_append_only BEFORE UPDATE OR DELETE ON consent_records
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER budget_ledger_append_only BEFORE UPDATE OR DELETE ON budget_ledger
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER case_transitions_append_only BEFORE UPDATE OR DELETE ON case_transitions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
