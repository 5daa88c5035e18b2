CREATE TABLE "duo_report_status_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"report_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duo_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"report_type" text NOT NULL,
	"repeat_of" text,
	"repeat_number" integer DEFAULT 0 NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"days_absent" integer NOT NULL,
	"hours_absent" numeric NOT NULL,
	"all_lessons_missed" boolean NOT NULL,
	"fields" jsonb NOT NULL,
	"closing_reason" text,
	"closing_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"as_of" date NOT NULL,
	"mode" text NOT NULL,
	"mode_run" text,
	"profile" text NOT NULL,
	"actor" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"units_evaluated" integer DEFAULT 0 NOT NULL,
	"persons_evaluated" integer DEFAULT 0 NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sick_notable_observations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"recorded_on" date NOT NULL,
	"end_date" date,
	"note" text NOT NULL,
	"recorded_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signal_input_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"pupil_id" text,
	"school_id" text
);
--> statement-breakpoint
CREATE TABLE "signal_states" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"code" text NOT NULL,
	"status" text NOT NULL,
	"raised_on" date NOT NULL,
	"last_held_on" date NOT NULL,
	"resolved_on" date,
	"evidence" jsonb NOT NULL,
	"attributes" jsonb NOT NULL,
	"handled_kind" text,
	"handled_case_id" text,
	"handled_reason" text,
	"handled_by" text,
	"handled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "signal_transitions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"state_id" bigint NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on_date" date NOT NULL,
	"reason" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"run_id" bigint
);
--> statement-breakpoint
ALTER TABLE "duo_report_status_history" ADD CONSTRAINT "duo_report_status_history_report_id_duo_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."duo_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signal_transitions" ADD CONSTRAINT "signal_transitions_state_id_signal_states_id_fk" FOREIGN KEY ("state_id") REFERENCES "public"."signal_states"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duo_report_status_report_idx" ON "duo_report_status_history" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duo_reports_period_key" ON "duo_reports" USING btree ("pupil_id","school_id","start_date","end_date");--> statement-breakpoint
CREATE INDEX "duo_reports_status_idx" ON "duo_reports" USING btree ("status");--> statement-breakpoint
CREATE INDEX "sick_notable_unit_idx" ON "sick_notable_observations" USING btree ("school_id","pupil_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_states_live_key" ON "signal_states" USING btree ("pupil_id","school_id","code") WHERE status <> 'resolved';--> statement-breakpoint
CREATE INDEX "signal_states_school_status_idx" ON "signal_states" USING btree ("school_id","status");--> statement-breakpoint
CREATE INDEX "signal_states_pupil_idx" ON "signal_states" USING btree ("pupil_id");--> statement-breakpoint
CREATE INDEX "signal_transitions_state_idx" ON "signal_transitions" USING btree ("state_id");