CREATE TABLE "mas_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"route" text,
	"outcome" text,
	"organisation" text,
	"note" text,
	"case_id" text,
	"duo_report_id" text,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "verwijsindex_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	"reported_on" date NOT NULL,
	"reported_by" text NOT NULL,
	"organisation" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "mas_steps_pupil_idx" ON "mas_steps" USING btree ("pupil_id","date");--> statement-breakpoint
CREATE INDEX "verwijsindex_reports_case_idx" ON "verwijsindex_reports" USING btree ("case_id");
--> statement-breakpoint
-- domain.md §7: the leerplichttelling counts Halt referrals and official reports from these rows,
-- so they are append-only like the other records of what happened (0004), and every change
-- raises the region's data version so the monitor's cached figures are recomputed (0008).
CREATE TRIGGER mas_steps_append_only BEFORE UPDATE OR DELETE ON mas_steps
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER mas_steps_data_version AFTER INSERT OR UPDATE OR DELETE ON mas_steps
  FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version();
--> statement-breakpoint
-- What was reported to the reference index stays as it was recorded (like the MAS steps above).
CREATE TRIGGER verwijsindex_reports_append_only BEFORE UPDATE OR DELETE ON verwijsindex_reports
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
