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
CREATE INDEX "verwijsindex_reports_case_idx" ON "verwijsindex_reports" USING btree ("case_id");--> statement-breakpoint
-- What was reported to the reference index stays as it was recorded (like 0014's MAS steps).
CREATE TRIGGER verwijsindex_reports_append_only BEFORE UPDATE OR DELETE ON verwijsindex_reports
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
