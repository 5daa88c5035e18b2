CREATE TABLE "arbitrations" (
	"case_id" text PRIMARY KEY NOT NULL,
	"started_at" date NOT NULL,
	"chair_person_id" text NOT NULL,
	"parents_representative" text NOT NULL,
	"own_partnership_member" text NOT NULL,
	"neighbouring_partnership_member" text NOT NULL,
	"ruling_text" text,
	"ruling_recorded_at" date,
	"parents_accept" boolean
);
--> statement-breakpoint
CREATE TABLE "arrangement_placements" (
	"arrangement_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "arrangement_placements_arrangement_id_pupil_id_start_date_pk" PRIMARY KEY("arrangement_id","pupil_id","start_date")
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"id" text PRIMARY KEY NOT NULL,
	"provider_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "breakthrough_agenda" (
	"team_id" text NOT NULL,
	"case_id" text NOT NULL,
	"added_on" date NOT NULL,
	"meeting_date" date,
	"reason" text NOT NULL,
	CONSTRAINT "breakthrough_agenda_team_id_case_id_added_on_pk" PRIMARY KEY("team_id","case_id","added_on")
);
--> statement-breakpoint
CREATE TABLE "breakthrough_team_members" (
	"team_id" text NOT NULL,
	"seq" integer NOT NULL,
	"discipline" text NOT NULL,
	"name" text NOT NULL,
	"organisation" text NOT NULL,
	"user_id" text,
	CONSTRAINT "breakthrough_team_members_team_id_seq_pk" PRIMARY KEY("team_id","seq")
);
--> statement-breakpoint
CREATE TABLE "breakthrough_teams" (
	"id" text PRIMARY KEY NOT NULL,
	"municipality" text NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"budget_id" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"party_kind" text,
	"party_id" text,
	"case_id" text,
	"amount_cents" integer,
	"purpose" text,
	"commitment_id" text,
	"shares" jsonb,
	"reverses_id" text,
	"reason" text,
	"recorded_at" date NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_documents" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"visibility" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"person_id" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "case_participants" (
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"person_id" text NOT NULL,
	"role" text NOT NULL,
	"organisation" text NOT NULL,
	"since" date NOT NULL,
	"until" date,
	CONSTRAINT "case_participants_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"command" text NOT NULL,
	"from_phase" text NOT NULL,
	"to_phase" text NOT NULL,
	"at" date NOT NULL,
	"by_kind" text NOT NULL,
	"by_person_id" text,
	"by_role" text,
	"by_job" text,
	"reason" text NOT NULL,
	"basis" text NOT NULL,
	CONSTRAINT "case_transitions_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"phase" text NOT NULL,
	"owner_person_id" text NOT NULL,
	"owner_role" text NOT NULL,
	"owner_organisation" text NOT NULL,
	"opened_at" date NOT NULL,
	"opening_kind" text NOT NULL,
	"opening_reason" text,
	"opening_signal_ids" jsonb,
	"absence_start_date" date NOT NULL,
	"absence_started_sick" boolean DEFAULT false NOT NULL,
	"clock_mode" text NOT NULL,
	"breakthrough_check_requested_at" date,
	"breakthrough_check_decision" jsonb,
	"offer_started_on" date,
	"three_month_breach_marked_at" date,
	"closed_outcome" text,
	"closed_at" date,
	"closed_duration_days" integer,
	"closed_guarantee_held" boolean,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"pupil_id" text NOT NULL,
	"case_id" text,
	"purpose" text NOT NULL,
	"subject" text,
	"decision" text NOT NULL,
	"giver_kind" text NOT NULL,
	"giver_person_id" text,
	"at" date NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exemption_decisions" (
	"pupil_id" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"decision_maker" text NOT NULL,
	"advice_partnership_by" text,
	"advice_partnership_on" date,
	"advice_doctor_by" text,
	"advice_doctor_on" date,
	CONSTRAINT "exemption_decisions_pupil_id_kind_start_date_pk" PRIMARY KEY("pupil_id","kind","start_date")
);
--> statement-breakpoint
CREATE TABLE "ladder_steps" (
	"case_id" text NOT NULL,
	"seq" integer NOT NULL,
	"situation" text NOT NULL,
	"mode" text NOT NULL,
	"at" date NOT NULL,
	"by_person_id" text,
	"by_role" text,
	"reason" text NOT NULL,
	CONSTRAINT "ladder_steps_case_id_seq_pk" PRIMARY KEY("case_id","seq")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"participant_ids" jsonb NOT NULL,
	"decisions" jsonb NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"description" text NOT NULL,
	"owner_person_id" text NOT NULL,
	"owner_organisation" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text NOT NULL,
	"meeting_id" text,
	"decision_id" text
);
--> statement-breakpoint
CREATE TABLE "plan_goals" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"domain" text NOT NULL,
	"text" text NOT NULL,
	"measure" text NOT NULL,
	"set_on" date NOT NULL,
	"target_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "prosecutor_referrals" (
	"case_id" text PRIMARY KEY NOT NULL,
	"route" text NOT NULL,
	"referred_at" date NOT NULL,
	"referred_by" text NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stagnation_flags" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"cause" text NOT NULL,
	"note" text NOT NULL,
	"flagged_at" date NOT NULL,
	"by_person_id" text,
	"by_role" text,
	"resolved_at" date
);
--> statement-breakpoint
CREATE TABLE "variawet_records" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"hours_per_week" integer NOT NULL,
	"approved" boolean,
	"approved_by" text,
	"approved_on" date,
	"case_id" text
);
--> statement-breakpoint
CREATE TABLE "waiting_list_entries" (
	"arrangement_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	"since" date NOT NULL,
	"left_on" date,
	"case_id" text,
	"stagnation_flag_id" text,
	CONSTRAINT "waiting_list_entries_arrangement_id_pupil_id_since_pk" PRIMARY KEY("arrangement_id","pupil_id","since")
);
--> statement-breakpoint
ALTER TABLE "arbitrations" ADD CONSTRAINT "arbitrations_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_placements" ADD CONSTRAINT "arrangement_placements_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_agenda" ADD CONSTRAINT "breakthrough_agenda_team_id_breakthrough_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."breakthrough_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_agenda" ADD CONSTRAINT "breakthrough_agenda_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "breakthrough_team_members" ADD CONSTRAINT "breakthrough_team_members_team_id_breakthrough_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."breakthrough_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_ledger" ADD CONSTRAINT "budget_ledger_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_documents" ADD CONSTRAINT "case_documents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_participants" ADD CONSTRAINT "case_participants_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_school_id_schools_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ladder_steps" ADD CONSTRAINT "ladder_steps_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_actions" ADD CONSTRAINT "plan_actions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_goals" ADD CONSTRAINT "plan_goals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prosecutor_referrals" ADD CONSTRAINT "prosecutor_referrals_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stagnation_flags" ADD CONSTRAINT "stagnation_flags_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "variawet_records" ADD CONSTRAINT "variawet_records_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waiting_list_entries" ADD CONSTRAINT "waiting_list_entries_stagnation_flag_id_stagnation_flags_id_fk" FOREIGN KEY ("stagnation_flag_id") REFERENCES "public"."stagnation_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "budget_ledger_budget_idx" ON "budget_ledger" USING btree ("budget_id","year");--> statement-breakpoint
CREATE INDEX "budget_ledger_case_idx" ON "budget_ledger" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_ledger_reverses_idx" ON "budget_ledger" USING btree ("reverses_id");--> statement-breakpoint
CREATE INDEX "case_documents_case_idx" ON "case_documents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_participants_person_idx" ON "case_participants" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "cases_pupil_idx" ON "cases" USING btree ("pupil_id");--> statement-breakpoint
CREATE INDEX "cases_school_idx" ON "cases" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "cases_phase_idx" ON "cases" USING btree ("phase");--> statement-breakpoint
CREATE INDEX "consent_records_pupil_idx" ON "consent_records" USING btree ("pupil_id","seq");--> statement-breakpoint
CREATE INDEX "meetings_case_idx" ON "meetings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_actions_case_idx" ON "plan_actions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "plan_goals_case_idx" ON "plan_goals" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "stagnation_flags_case_idx" ON "stagnation_flags" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "variawet_records_pupil_idx" ON "variawet_records" USING btree ("pupil_id");