ALTER TABLE "duo_reports" ADD COLUMN "reported_on" date;--> statement-breakpoint
ALTER TABLE "duo_reports" ADD COLUMN "duo_reference" text;