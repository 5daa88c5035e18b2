CREATE TABLE "signal_change_log" (
	"run_id" bigint NOT NULL,
	"kind" text NOT NULL,
	"pupil_id" text,
	"school_id" text,
	"on_date" date
);
--> statement-breakpoint
CREATE TABLE "signal_held_spans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"code" text NOT NULL,
	"legal" boolean DEFAULT false NOT NULL,
	"from_run" bigint NOT NULL,
	"to_run" bigint NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluation_runs" ADD COLUMN "held_recorded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "signal_input_changes" ADD COLUMN "on_date" date;--> statement-breakpoint
CREATE INDEX "signal_change_log_run_idx" ON "signal_change_log" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "signal_held_spans_to_run_idx" ON "signal_held_spans" USING btree ("to_run");--> statement-breakpoint
CREATE INDEX "signal_held_spans_from_run_idx" ON "signal_held_spans" USING btree ("from_run");
--> statement-breakpoint
-- Issue 19: an attendance change records the row's date too (TG_ARGV[3], the date column), so the
-- incremental monitor at a past D re-evaluates only pupils whose records at or before D changed.
CREATE OR REPLACE FUNCTION capture_signal_input_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change_kind text := TG_ARGV[0];
  pupil_col text := TG_ARGV[1];
  school_col text := TG_ARGV[2];
  date_col text := CASE WHEN TG_NARGS > 3 THEN TG_ARGV[3] ELSE '' END;
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
      EXECUTE format('INSERT INTO signal_input_changes (kind, pupil_id, school_id, on_date) SELECT DISTINCT %L, %I, %s, %s FROM %I',
        change_kind, pupil_col,
        CASE WHEN school_col = '' THEN 'NULL::text' ELSE quote_ident(school_col) END,
        CASE WHEN date_col = '' THEN 'NULL::date' ELSE quote_ident(date_col) END, source);
    END IF;
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DROP TRIGGER attendance_signal_ins ON attendance;
--> statement-breakpoint
DROP TRIGGER attendance_signal_upd ON attendance;
--> statement-breakpoint
DROP TRIGGER attendance_signal_del ON attendance;
--> statement-breakpoint
CREATE TRIGGER attendance_signal_ins AFTER INSERT ON attendance REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id', 'date');
--> statement-breakpoint
CREATE TRIGGER attendance_signal_upd AFTER UPDATE ON attendance REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id', 'date');
--> statement-breakpoint
CREATE TRIGGER attendance_signal_del AFTER DELETE ON attendance REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id', 'date');
--> statement-breakpoint
-- The monitor finds the run that evaluated a date.
CREATE INDEX evaluation_runs_as_of_idx ON evaluation_runs (as_of);
