CREATE TABLE "handovers" (
	"id" text PRIMARY KEY NOT NULL,
	"pupil_id" text NOT NULL,
	"sending_school_id" text NOT NULL,
	"receiving_school_id" text NOT NULL,
	"move_date" date NOT NULL,
	"status" text NOT NULL,
	"what_was_going_on" text NOT NULL,
	"what_helped" text NOT NULL,
	"written_by" text NOT NULL,
	"written_on" date NOT NULL,
	"acknowledged_by" text,
	"acknowledged_on" date,
	"closed_by" text,
	"closed_on" date,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_pupil_id_pupils_pupil_id_fk" FOREIGN KEY ("pupil_id") REFERENCES "public"."pupils"("pupil_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_sending_school_id_schools_school_id_fk" FOREIGN KEY ("sending_school_id") REFERENCES "public"."schools"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handovers" ADD CONSTRAINT "handovers_receiving_school_id_schools_school_id_fk" FOREIGN KEY ("receiving_school_id") REFERENCES "public"."schools"("school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handovers_pupil_receiving_key" ON "handovers" USING btree ("pupil_id","receiving_school_id");--> statement-breakpoint
CREATE INDEX "handovers_sending_idx" ON "handovers" USING btree ("sending_school_id");--> statement-breakpoint
CREATE INDEX "handovers_receiving_idx" ON "handovers" USING btree ("receiving_school_id","status");