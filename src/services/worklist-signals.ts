// The signals worklist (GET /api/signals) of a reach at a date. A municipality's reach is
// thousands of pupils, of whom a few hundred have a signal; evaluating all of them took minutes on
// a loaded server (the soak of 5 December 2026, docs/reliability.md). When the daily job
// evaluated the date (monitor-held.ts: its stored signals, with the pupils changed since
// evaluated again), the pupils that have a signal at the date are known: only the reach's pupils
// among them are evaluated, which gives the same signals as evaluating the whole reach (each
// pupil's signals rest on that pupil's data only; worklist-signals.test.ts on both engines). Without
// a usable run (no run at that date, another profile, calendars changed since) the whole reach is
// evaluated, as before.
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { Signal } from "../domain/signals/types.ts";
import { cachedValue } from "./monitor-cache.ts";
import { heldSignalsAt } from "./monitor-held.ts";
import { evaluateSignalsAt } from "./signals.ts";

/** The pupils (and persons) with a signal at `asOf` per the stored runs, or null if unknown. */
export function pupilsWithSignalsAt(sql: SqlClient, asOf: IsoDate): Promise<Set<string> | null> {
  // Kept until the signals' inputs change, like the worklists that use it; shared by every reach.
  return cachedValue(
    sql,
    `held-pupils|${asOf}`,
    async () => {
      const held = await heldSignalsAt(sql, asOf);
      return held.served ? new Set(held.signals.map((s) => s.pupilId)) : null;
    },
    "signal_inputs",
  );
}

export async function worklistSignalsAt(
  sql: SqlClient,
  query: { asOf: IsoDate; pupilIds: readonly string[]; schoolIds?: readonly string[] },
): Promise<Signal[]> {
  const withSignals = await pupilsWithSignalsAt(sql, query.asOf);
  const pupilIds = withSignals
    ? query.pupilIds.filter((id) => withSignals.has(id))
    : query.pupilIds;
  if (pupilIds.length === 0) return [];
  return evaluateSignalsAt(sql, { ...query, pupilIds });
}
