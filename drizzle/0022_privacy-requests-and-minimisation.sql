CREATE TABLE "monitor_quarter_figures" (
	"quarter" text NOT NULL,
	"grouping" text NOT NULL,
	"group" text NOT NULL,
	"measure" text NOT NULL,
	"count" integer NOT NULL,
	"suppressed" boolean NOT NULL,
	CONSTRAINT "monitor_quarter_figures_quarter_grouping_group_measure_pk" PRIMARY KEY("quarter","grouping","group","measure")
);
--> statement-breakpoint
CREATE TABLE "monitor_quarter_freezes" (
	"quarter" text PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_request_steps" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_id" bigint NOT NULL,
	"step" text NOT NULL,
	"note" text,
	"by_user" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"pupil_id" text,
	"requester" text NOT NULL,
	"received_on" date NOT NULL,
	"due_on" date NOT NULL,
	"status" text NOT NULL,
	"outcome" text,
	"closed_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "purpose" text;--> statement-breakpoint
ALTER TABLE "population" ADD COLUMN "bsn_hash" text;--> statement-breakpoint
ALTER TABLE "pupils" ADD COLUMN "bsn_hash" text;--> statement-breakpoint
ALTER TABLE "subject_request_steps" ADD CONSTRAINT "subject_request_steps_request_id_subject_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."subject_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_request_steps_request_idx" ON "subject_request_steps" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "subject_requests_pupil_idx" ON "subject_requests" USING btree ("pupil_id");--> statement-breakpoint
CREATE INDEX "population_bsn_hash_idx" ON "population" USING btree ("bsn_hash");--> statement-breakpoint
CREATE INDEX "pupils_bsn_hash_idx" ON "pupils" USING btree ("bsn_hash");--> statement-breakpoint
-- The steps of a data subject's request are the region's proof of its handling: append-only, as
-- the audit trail (the function of drizzle/0014; only retention may change them).
CREATE TRIGGER subject_request_steps_append_only BEFORE UPDATE OR DELETE ON subject_request_steps
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
