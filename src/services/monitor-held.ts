// The incremental monitor (issue 19): the signals that hold at a past date D, read from what the
// daily job stored instead of evaluating the whole region again. The run that evaluated D kept
// which signals held (signal_held_spans); an incremental run is by construction a full
// evaluation (signal-state.ts), so that set is the region's signals at D on the data of that
// moment. Inputs changed since are known from the claimed change log (signal_change_log) and the
// changes not yet claimed: only those pupils are evaluated again. The result is what a full
// evaluation at D on today's data gives (proven on the demo, monitor-held.test.ts).
import type { SqlClient } from "../db/connect.ts";
import { regionSignalProfile } from "../db/repositories/region-settings.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { MonitorSignal } from "../domain/monitor/aggregate.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import { compareSignals } from "../domain/signals/signal.ts";
import { isSignalCode } from "../domain/signals/types.ts";
import { evaluateSignalsAt } from "./signals.ts";

/** More changed pupils than this share of the stored signals' pupils: a full evaluation is cheaper. */
const MAX_CHANGED_SHARE = 0.25;
const MIN_CHANGED_LIMIT = 2000;

export type HeldSignals =
  | { served: true; signals: MonitorSignal[]; runId: number; reevaluated: number }
  | { served: false; reason: string };

/**
 * The signals holding at `asOf` from the stored runs, or why they cannot be read (no run at that
 * date with its signals recorded, another profile, calendars or whole tables changed since).
 */
export async function heldSignalsAt(
  sql: SqlClient,
  asOf: IsoDate,
  explicitProfile?: SignalProfile,
): Promise<HeldSignals> {
  const [run] = await sql.query<{ id: string; profile: string }>(
    `select id, profile from evaluation_runs
     where as_of = $1::date and finished_at is not null and held_recorded
     order by id desc limit 1`,
    [asOf],
  );
  if (!run) return { served: false, reason: "no run evaluated this date" };
  const profile = explicitProfile ?? (await regionSignalProfile(sql));
  if (run.profile !== profile.name)
    return { served: false, reason: "evaluated with another profile" };
  // What changed after that run: claimed by later runs, or still waiting for the next one. An
  // attendance row dated after D does not count at D (signal-inputs.ts reads date <= D).
  const changes = await sql.query<{ kind: string; pupil_id: string | null }>(
    `select distinct kind, pupil_id from (
       select kind, pupil_id, on_date from signal_change_log where run_id > $1
       union all select kind, pupil_id, on_date from signal_input_changes) c
     where on_date is null or on_date <= $2::date`,
    [run.id, asOf],
  );
  const changed = new Set<string>();
  for (const c of changes) {
    if (c.kind === "all" || c.pupil_id === null) {
      return { served: false, reason: "calendars or whole tables changed since" };
    }
    changed.add(c.pupil_id);
  }
  const stored = await sql.query<{
    pupil_id: string;
    school_id: string;
    code: string;
    legal: boolean;
  }>(
    `select pupil_id, school_id, code, legal from signal_held_spans
     where from_run <= $1 and (to_run is null or to_run >= $1)`,
    [run.id],
  );
  if (changed.size > Math.max(MIN_CHANGED_LIMIT, stored.length * MAX_CHANGED_SHARE)) {
    return { served: false, reason: "too many pupils changed since" };
  }
  const signals: MonitorSignal[] = [];
  for (const r of stored) {
    if (changed.has(r.pupil_id) || !isSignalCode(r.code)) continue;
    signals.push({
      pupilId: r.pupil_id,
      schoolId: r.school_id,
      code: r.code,
      attributes: r.code === "LONG_TERM_ABSENT" ? { legal: r.legal } : {},
    });
  }
  if (changed.size > 0) {
    signals.push(...(await evaluateSignalsAt(sql, { asOf, pupilIds: [...changed], profile })));
  }
  signals.sort(compareSignals);
  return { served: true, signals, runId: Number(run.id), reevaluated: changed.size };
}
