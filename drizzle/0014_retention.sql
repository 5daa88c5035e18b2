CREATE TABLE "retention_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"dry_run" boolean NOT NULL,
	"status" text NOT NULL,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"summary" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "retention_tombstones" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"data_class" text NOT NULL,
	"table_name" text NOT NULL,
	"operation" text NOT NULL,
	"rows" integer NOT NULL,
	"term" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "retention_tombstones" ADD CONSTRAINT "retention_tombstones_run_id_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_tombstones_run_idx" ON "retention_tombstones" USING btree ("run_id");--> statement-breakpoint
-- Retention (domain.md §7, issue 18): append-only tables stay append-only for every normal path.
-- The one exception is the retention procedure (src/services/retention.ts), which sets
-- aanwezig.retention for its own transaction only (set_config(..., true)) and leaves a tombstone
-- in the same transaction; nothing else in the code names that setting (a test checks it).
CREATE OR REPLACE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('aanwezig.retention', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION refuse_change_of_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('aanwezig.retention', true) = 'on' THEN
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$;
--> statement-breakpoint
-- Tombstones are the proof of what retention removed: never changed or removed, not even by it.
CREATE FUNCTION refuse_change_of_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'retention_tombstones is append-only: % is not allowed', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER retention_tombstones_append_only BEFORE UPDATE OR DELETE ON retention_tombstones
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_tombstone();
