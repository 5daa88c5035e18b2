CREATE TABLE "leave_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"reason" text NOT NULL,
	"school_days" integer NOT NULL,
	"decider" text NOT NULL,
	"status" text NOT NULL,
	"requested_by_kind" text NOT NULL,
	"requested_by" text NOT NULL,
	"requested_on" date NOT NULL,
	"decided_by" text,
	"decided_on" date,
	"decision_reason" text,
	"rule_violations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"objection_route" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "leave_requests_unit_idx" ON "leave_requests" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE INDEX "leave_requests_status_idx" ON "leave_requests" USING btree ("status");
--> statement-breakpoint
-- A decided leave request re-reads the pupil's absence at that school (src/domain/leave/absence.ts):
-- the incremental signal evaluation must evaluate the unit again, as after an attendance change.
CREATE TRIGGER leave_requests_signal_ins AFTER INSERT ON leave_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id');
--> statement-breakpoint
CREATE TRIGGER leave_requests_signal_upd AFTER UPDATE ON leave_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id');
--> statement-breakpoint
CREATE TRIGGER leave_requests_signal_del AFTER DELETE ON leave_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION capture_signal_input_changes('attendance', 'pupil_id', 'school_id');
