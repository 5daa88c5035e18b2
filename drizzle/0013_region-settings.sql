CREATE TABLE "region_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"municipalities" jsonb NOT NULL,
	"holiday_region" text NOT NULL,
	"school_year" text NOT NULL,
	"clock_mode" text NOT NULL,
	"signal_profile" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text NOT NULL,
	CONSTRAINT "region_settings_one_row" CHECK ("region_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "arrangements" ADD COLUMN "ended_on" date;--> statement-breakpoint
ALTER TABLE "breakthrough_team_members" ADD COLUMN "ended_on" date;--> statement-breakpoint
-- The region's settings decide which signals hold (the profile): a change raises the region's
-- data version, so cached signals and monitor figures are made again (0008).
CREATE TRIGGER region_settings_data_version AFTER INSERT OR UPDATE OR DELETE ON region_settings FOR EACH STATEMENT EXECUTE FUNCTION bump_region_data_version();
