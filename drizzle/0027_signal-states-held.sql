-- Issue 19: a signal state that keeps holding is no longer rewritten by every daily run. `held`
-- says it held at the latest finished evaluation run, whose date is then its last held date
-- (services/signal-state-store.ts lastHeldOnSql). Existing rows were written in full by every run
-- before: false keeps their stored date as it is.
ALTER TABLE "signal_states" ADD COLUMN "held" boolean DEFAULT false NOT NULL;
