CREATE TABLE "import_mappings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"school_id" text,
	"encoding" text DEFAULT 'utf-8' NOT NULL,
	"columns" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fixed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
ALTER TABLE "import_log" ADD COLUMN "mapping" text;--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_name_idx" ON "import_mappings" USING btree (lower("name"));