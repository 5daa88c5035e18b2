CREATE TABLE "attendance" (
	"pupil_id" text NOT NULL,
	"date" date NOT NULL,
	"period" text NOT NULL,
	"school_id" text NOT NULL,
	"minutes" integer NOT NULL,
	"reason" text NOT NULL,
	"note" text,
	"import_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_pupil_id_date_period_pk" PRIMARY KEY("pupil_id","date","period")
);
--> statement-breakpoint
CREATE TABLE "attendance_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"date" date NOT NULL,
	"period" text NOT NULL,
	"old_school_id" text,
	"old_minutes" integer,
	"old_reason" text,
	"old_note" text,
	"new_school_id" text NOT NULL,
	"new_minutes" integer NOT NULL,
	"new_reason" text NOT NULL,
	"new_note" text,
	"import_id" integer,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"scope" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "closures_scope_start_date_pk" PRIMARY KEY("scope","start_date")
);
--> statement-breakpoint
CREATE TABLE "enrolments" (
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"grade" text,
	CONSTRAINT "enrolments_pupil_id_school_id_start_date_pk" PRIMARY KEY("pupil_id","school_id","start_date")
);
--> statement-breakpoint
CREATE TABLE "exemptions" (
	"pupil_id" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"advice_partnership" boolean DEFAULT false NOT NULL,
	"advice_doctor" boolean DEFAULT false NOT NULL,
	"decided_by" text,
	CONSTRAINT "exemptions_pupil_id_kind_start_date_pk" PRIMARY KEY("pupil_id","kind","start_date")
);
--> statement-breakpoint
CREATE TABLE "import_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"checksum" text NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"outcome" text NOT NULL,
	"rows_total" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"actor" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "population" (
	"person_id" text PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"municipality" text NOT NULL,
	"registered_from" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pupil_contacts" (
	"pupil_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text,
	"email" text,
	"phone" text,
	CONSTRAINT "pupil_contacts_pupil_id_position_pk" PRIMARY KEY("pupil_id","position")
);
--> statement-breakpoint
CREATE TABLE "pupils" (
	"pupil_id" text PRIMARY KEY NOT NULL,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"municipality" text NOT NULL,
	"start_qualification_date" date
);
--> statement-breakpoint
CREATE TABLE "schools" (
	"school_id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"sector" text NOT NULL,
	"municipality" text NOT NULL,
	"partnership" text NOT NULL,
	"holiday_region" text NOT NULL,
	"minutes_mon" integer NOT NULL,
	"minutes_tue" integer NOT NULL,
	"minutes_wed" integer NOT NULL,
	"minutes_thu" integer NOT NULL,
	"minutes_fri" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolments" ADD CONSTRAINT "enrolments_school_id_schools_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_contacts" ADD CONSTRAINT "pupil_contacts_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attendance_school_date_idx" ON "attendance" USING btree ("school_id","date");--> statement-breakpoint
CREATE INDEX "attendance_date_idx" ON "attendance" USING btree ("date");--> statement-breakpoint
CREATE INDEX "attendance_history_key_idx" ON "attendance_history" USING btree ("pupil_id","date","period");--> statement-breakpoint
CREATE INDEX "enrolments_school_idx" ON "enrolments" USING btree ("school_id");--> statement-breakpoint
CREATE INDEX "population_municipality_idx" ON "population" USING btree ("municipality");--> statement-breakpoint
CREATE INDEX "pupils_municipality_idx" ON "pupils" USING btree ("municipality");