// Reconciliation (domain.md §7) over the database: the register's facts about the persons on
// an uploaded thuiszitter list and about the register's own thuiszitters at the date, for
// src/domain/monitor/reconciliation.ts.
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { isOpenAt, phaseAt } from "../domain/monitor/case-measures.ts";
import {
  type PersonFacts,
  type Reconciliation,
  type ReconciliationScope,
  reconcile,
} from "../domain/monitor/reconciliation.ts";
import { cachedSnapshot } from "./monitor-cache.ts";

export async function personFactsAt(
  sql: SqlClient,
  ids: readonly string[],
  asOf: IsoDate,
): Promise<Map<string, PersonFacts>> {
  const snapshot = await cachedSnapshot(sql, asOf);
  const facts = new Map<string, PersonFacts>();
  const wanted = [...new Set(ids)];
  const entry = (id: string) => facts.get(id);
  for (const r of await sql.query<{ id: string; municipality: string }>(
    `select person_id as id, municipality, 0 as rank from population where person_id = any($1)
     union all select pupil_id as id, municipality, 1 as rank from pupils where pupil_id = any($1)
     order by rank`,
    [wanted],
  )) {
    // pupils.csv (rank 1) wins over the register extract
    facts.set(r.id, {
      id: r.id,
      known: true,
      residence: r.municipality,
      schools: [],
      exemptions: [],
      signals: [],
      longTermAbsentAt: [],
      caseState: null,
    });
  }
  for (const e of await sql.query<{ pupil_id: string; school_id: string }>(
    `select distinct pupil_id, school_id from enrolments where pupil_id = any($1)
     and start_date <= $2::date and (end_date is null or end_date >= $2::date)`,
    [wanted, asOf],
  )) {
    (entry(e.pupil_id)?.schools as string[] | undefined)?.push(e.school_id);
  }
  for (const x of await sql.query<{ pupil_id: string; kind: string }>(
    `select distinct pupil_id, kind from exemptions where pupil_id = any($1)
     and start_date <= $2::date and (end_date is null or end_date >= $2::date)`,
    [wanted, asOf],
  )) {
    (entry(x.pupil_id)?.exemptions as string[] | undefined)?.push(x.kind);
  }
  const wantedSet = new Set(wanted);
  for (const s of snapshot.signals) {
    const f = wantedSet.has(s.pupilId) ? entry(s.pupilId) : undefined;
    if (!f) continue;
    const code =
      s.code === "LONG_TERM_ABSENT" && s.attributes.legal ? "LONG_TERM_ABSENT:legal" : s.code;
    if (!f.signals.includes(code)) (f.signals as string[]).push(code);
    if (s.code === "LONG_TERM_ABSENT") (f.longTermAbsentAt as string[]).push(s.schoolId);
  }
  for (const c of snapshot.cases.cases) {
    const f = wantedSet.has(c.pupilId) ? entry(c.pupilId) : undefined;
    if (!f || phaseAt(c, asOf) === null) continue;
    if (isOpenAt(c, asOf)) f.caseState = "open";
    else if (f.caseState === null) f.caseState = "closed";
  }
  return facts;
}

/** The register's thuiszitters (broad definition) at the date: every candidate id. */
async function registerCandidates(sql: SqlClient, asOf: IsoDate): Promise<string[]> {
  const snapshot = await cachedSnapshot(sql, asOf);
  return [
    ...new Set(
      snapshot.facts.filter((f) => f.measure === "thuiszitters_breed").map((f) => f.personId),
    ),
  ];
}

export async function reconcileList(
  sql: SqlClient,
  list: readonly string[],
  scope: ReconciliationScope,
  asOf: IsoDate,
): Promise<Reconciliation> {
  const snapshot = await cachedSnapshot(sql, asOf);
  const ids = [...list, ...(await registerCandidates(sql, asOf))];
  const facts = await personFactsAt(sql, ids, asOf);
  return reconcile(list, facts, scope, snapshot.lookups);
}
