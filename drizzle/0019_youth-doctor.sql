CREATE TABLE "medical_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"referral_id" text NOT NULL,
	"pupil_id" text NOT NULL,
	"text" text NOT NULL,
	"written_on" date NOT NULL,
	"written_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "youth_doctor_feedback" (
	"referral_id" text PRIMARY KEY NOT NULL,
	"load_capacity" text NOT NULL,
	"advice" text NOT NULL,
	"given_on" date NOT NULL,
	"given_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "youth_doctor_referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"school_id" text NOT NULL,
	"question" text NOT NULL,
	"consent_on" date NOT NULL,
	"referred_on" date NOT NULL,
	"referred_by" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "medical_notes" ADD CONSTRAINT "medical_notes_referral_id_youth_doctor_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."youth_doctor_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "medical_notes" ADD CONSTRAINT "medical_notes_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_doctor_feedback" ADD CONSTRAINT "youth_doctor_feedback_referral_id_youth_doctor_referrals_id_fk" FOREIGN KEY ("referral_id") REFERENCES "public"."youth_doctor_referrals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_doctor_referrals" ADD CONSTRAINT "youth_doctor_referrals_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "youth_doctor_referrals" ADD CONSTRAINT "youth_doctor_referrals_school_id_schools_school_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "medical_notes_referral_idx" ON "medical_notes" USING btree ("referral_id");--> statement-breakpoint
CREATE INDEX "youth_doctor_referrals_pupil_idx" ON "youth_doctor_referrals" USING btree ("pupil_id");--> statement-breakpoint
CREATE INDEX "youth_doctor_referrals_school_idx" ON "youth_doctor_referrals" USING btree ("school_id");--> statement-breakpoint
-- What the school asked, what the youth doctor answered and noted stays as it was recorded, like
-- the other records of what happened (0004); only the retention procedure removes rows (0014).
CREATE TRIGGER youth_doctor_referrals_append_only BEFORE UPDATE OR DELETE ON youth_doctor_referrals
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER youth_doctor_feedback_append_only BEFORE UPDATE OR DELETE ON youth_doctor_feedback
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
--> statement-breakpoint
CREATE TRIGGER medical_notes_append_only BEFORE UPDATE OR DELETE ON medical_notes
  FOR EACH ROW EXECUTE FUNCTION refuse_change_of_append_only();
