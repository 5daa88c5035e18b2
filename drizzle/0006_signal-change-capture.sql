-- Incremental signal evaluation (docs/signals.md "Signal state"): every change to an input of the
-- signal rules, by any path (imports, the API, psql), records which (pupil, school) unit or
-- person changed, so the daily run can evaluate exactly those. Statement-level triggers with
-- transition tables cost one INSERT … SELECT DISTINCT per statement, not one per row.
-- Before the first evaluation run, or while an `all` marker waits, nothing is recorded: the
-- next run evaluates everything anyway (so a bulk first load pays nothing).
-- The shared advisory lock makes a run's claim of the changes wait for data transactions that
-- are still in flight, so a run never reads inputs older than the changes it has claimed.
CREATE FUNCTION capture_signal_input_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change_kind text := TG_ARGV[0];
  pupil_col text := TG_ARGV[1];
  school_col text := TG_ARGV[2];
  source text;
BEGIN
  PERFORM pg_advisory_xact_lock_shared(724201);
  IF NOT EXISTS (SELECT 1 FROM evaluation_runs)
     OR EXISTS (SELECT 1 FROM signal_input_changes c WHERE c.kind = 'all') THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'TRUNCATE' THEN
    INSERT INTO signal_input_changes (kind) VALUES ('all');
    RETURN NULL;
  END IF;
  FOREACH source IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY['new_rows']
                                      WHEN 'DELETE' THEN ARRAY['old_rows']
                                      ELSE ARRAY['old_rows', 'new_rows'] END) LOOP
    IF change_kind = 'all' THEN
      EXECUTE format('INSERT INTO signal_input_changes (kind) SELECT ''all'' WHERE EXISTS (SELECT 1 FROM %I)', source);
    ELSE
      EXECUTE format('INSERT INTO signal_input_changes (kind, pupil_id, school_id) SELECT DISTINCT %L, %I, %s FROM %I',
        change_kind, pupil_col,
        CASE WHEN school_col = '' THEN 'NULL::text' ELSE quote_ident(school_col) END, source);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION create_signal_capture_triggers(tbl text, change_kind text, pupil_col text, school_col text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  args text := format('%L, %L, %L', change_kind, pupil_col, school_col);
BEGIN
  EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes(%s)', tbl || '_signal_ins', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes(%s)', tbl || '_signal_upd', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes(%s)', tbl || '_signal_del', tbl, args);
  EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes(%s)', tbl || '_signal_trunc', tbl, args);
END;
$$;
--> statement-breakpoint
SELECT create_signal_capture_triggers('attendance', 'attendance', 'pupil_id', 'school_id');
--> statement-breakpoint
SELECT create_signal_capture_triggers('enrolments', 'enrolment', 'pupil_id', 'school_id');
--> statement-breakpoint
SELECT create_signal_capture_triggers('pupils', 'pupil', 'pupil_id', '');
--> statement-breakpoint
SELECT create_signal_capture_triggers('population', 'population', 'person_id', '');
--> statement-breakpoint
SELECT create_signal_capture_triggers('exemptions', 'exemption', 'pupil_id', '');
--> statement-breakpoint
SELECT create_signal_capture_triggers('sick_notable_observations', 'sick_notable', 'pupil_id', 'school_id');
--> statement-breakpoint
SELECT create_signal_capture_triggers('schools', 'all', '', '');
--> statement-breakpoint
SELECT create_signal_capture_triggers('closures', 'all', '', '');
--> statement-breakpoint
DROP FUNCTION create_signal_capture_triggers(text, text, text, text);
--> statement-breakpoint
-- A state change and a report's status change are history: never changed or removed.
CREATE TRIGGER signal_transitions_append_only BEFORE UPDATE OR DELETE ON signal_transitions
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER duo_report_status_history_append_only BEFORE UPDATE OR DELETE ON duo_report_status_history
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
