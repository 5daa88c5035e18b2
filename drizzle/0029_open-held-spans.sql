ALTER TABLE "signal_held_spans" ALTER COLUMN "to_run" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signal_held_spans" ALTER COLUMN "to_date" DROP NOT NULL;--> statement-breakpoint
-- Issue 19: a span is open (to_run and to_date null) while its signal keeps holding, instead of
-- being extended to every run (services/signal-state-store.ts writeHeldSpans). The spans that
-- reached the latest run that recorded its held signals are the ones still open.
UPDATE "signal_held_spans" SET "to_run" = NULL, "to_date" = NULL
WHERE "to_run" = (SELECT max("id") FROM "evaluation_runs"
                  WHERE "finished_at" IS NOT NULL AND "held_recorded");
