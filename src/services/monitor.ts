// The monitor of domain.md §7 / interfaces.md "Monitor rows" over the database at a date:
// signals, thuiszitters (Inspectie and broad), exemptions by kind and the case measures
// (src/domain/monitor/case-measures.ts), grouped by school, partnership or residence.

import { setImmediate } from "node:timers/promises";
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  aggregateMonitor,
  type MonitorFact,
  type MonitorGrouping,
  type MonitorLookups,
  type MonitorRow,
  type MonitorSignal,
  signalFacts,
} from "../domain/monitor/aggregate.ts";
import { type CaseMonitorInput, caseFacts, type Period } from "../domain/monitor/case-measures.ts";
import { schoolYearStart } from "../domain/monitor/quarters.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import type { Signal } from "../domain/signals/types.ts";
import { loadCaseMonitorInput } from "./monitor-cases.ts";
import { heldSignalsAt } from "./monitor-held.ts";
import { evaluateSignalsAt } from "./signals.ts";

export interface MonitorQuery {
  asOf: IsoDate;
  by: MonitorGrouping;
  suppress: boolean;
  /** Flows (outcomes, budget, cases opened) count from here to the date; default 1 August. */
  periodFrom?: IsoDate;
  profile?: SignalProfile;
}

/**
 * What the monitor counts at a date, before grouping: the signal and exemption facts (the
 * expensive part: every signal is evaluated) and the case records for the case measures.
 */
export interface MonitorSnapshot {
  asOf: IsoDate;
  facts: MonitorFact[];
  cases: CaseMonitorInput;
  lookups: MonitorLookups;
  /** The signals that hold at the date (for the services built on the monitor). */
  signals: MonitorSignal[];
  /** `held`: read from the daily runs' stored signals (monitor-held.ts); `live`: evaluated. */
  source: "held" | "live";
}

export async function monitorLookups(sql: SqlClient): Promise<MonitorLookups> {
  const residence = new Map<string, string>();
  // pupils.csv is the school's current record; it wins over the register extract, whose rows are
  // read only for persons who are not pupils (one row per person: at 2.5 M pupils the map took
  // 4.9 M sets for 2.5 M persons, 3.4 s of the monitor's 6.3 s).
  for (const r of await sql.query<{ id: string; municipality: string }>(
    `select pupil_id as id, municipality from pupils
     union all select p.person_id, p.municipality from population p
     where not exists (select 1 from pupils pu where pu.pupil_id = p.person_id)`,
  )) {
    residence.set(r.id, r.municipality);
  }
  const partnership = new Map<string, string>();
  for (const s of await sql.query<{ school_id: string; partnership: string }>(
    "select school_id, partnership from schools",
  )) {
    partnership.set(s.school_id, s.partnership);
  }
  return {
    municipalityOf: (id) => residence.get(id) ?? "",
    partnershipOf: (school) => partnership.get(school) ?? "",
  };
}

export async function exemptionFacts(sql: SqlClient, asOf: IsoDate): Promise<MonitorFact[]> {
  const facts: MonitorFact[] = [];
  const exemptions = await sql.query<{ pupil_id: string; kind: string }>(
    `select distinct pupil_id, kind from exemptions
     where start_date <= $1::date and (end_date is null or end_date >= $1::date)`,
    [asOf],
  );
  for (const x of exemptions) {
    facts.push({ personId: x.pupil_id, schoolId: "", measure: `exemptions:${x.kind}` });
    // The broad thuiszitter definition counts persons with an active art. 5 sub a exemption.
    if (x.kind === "5a")
      facts.push({ personId: x.pupil_id, schoolId: "", measure: "thuiszitters_breed" });
  }
  return facts;
}

/**
 * The signals at the date come from the daily runs' stored signals when a run evaluated that
 * date (monitor-held.ts: the same set, in a fraction of the time), else every signal of the
 * region is evaluated. `live` forces the evaluation (the comparison test, the benchmark).
 */
export async function monitorSnapshot(
  sql: SqlClient,
  asOf: IsoDate,
  options: {
    profile?: SignalProfile;
    live?: boolean;
    /** The residence and partnership lookups, when the caller keeps them (monitor-cache.ts). */
    lookups?: () => Promise<MonitorLookups>;
    /** The region's signals at `asOf` (with the region's profile), e.g. from a cache. */
    signals?: () => Promise<Signal[]>;
  } = {},
): Promise<MonitorSnapshot> {
  const held = options.live ? null : await heldSignalsAt(sql, asOf, options.profile);
  const signals: MonitorSignal[] = held?.served
    ? held.signals
    : options.signals && !options.profile
      ? await options.signals()
      : await evaluateSignalsAt(sql, {
          asOf,
          ...(options.profile ? { profile: options.profile } : {}),
        });
  // Each step reads a whole table: a turn of the event loop between them (services/signals.ts).
  await setImmediate();
  const facts = [...signalFacts(signals), ...(await exemptionFacts(sql, asOf))];
  await setImmediate();
  const cases = await loadCaseMonitorInput(sql);
  await setImmediate();
  // The same for every date: read once per data version by the cache (every pupil and person).
  const lookups = await (options.lookups ?? (() => monitorLookups(sql)))();
  return { asOf, facts, cases, lookups, signals, source: held?.served ? "held" : "live" };
}

/** Every fact at the snapshot's date; flows count from `periodFrom` (default 1 August). */
export function snapshotFacts(snapshot: MonitorSnapshot, periodFrom?: IsoDate): MonitorFact[] {
  const period: Period = {
    from: periodFrom ?? schoolYearStart(snapshot.asOf),
    to: snapshot.asOf,
  };
  return [...snapshot.facts, ...caseFacts(snapshot.cases, snapshot.asOf, period)];
}

export function monitorRows(
  snapshot: MonitorSnapshot,
  by: MonitorGrouping,
  suppress: boolean,
  periodFrom?: IsoDate,
): MonitorRow[] {
  return aggregateMonitor(snapshotFacts(snapshot, periodFrom), by, snapshot.lookups, suppress);
}

export async function monitorAt(sql: SqlClient, query: MonitorQuery): Promise<MonitorRow[]> {
  const snapshot = await monitorSnapshot(
    sql,
    query.asOf,
    query.profile ? { profile: query.profile } : {},
  );
  return monitorRows(snapshot, query.by, query.suppress, query.periodFrom);
}
