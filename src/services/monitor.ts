// The monitor of domain.md §7 / interfaces.md "Monitor rows" over the database at a date.

import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  aggregateMonitor,
  type MonitorFact,
  type MonitorGrouping,
  type MonitorRow,
  signalFacts,
} from "../domain/monitor/aggregate.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import { evaluateSignalsAt } from "./signals.ts";

export interface MonitorQuery {
  asOf: IsoDate;
  by: MonitorGrouping;
  suppress: boolean;
  profile?: SignalProfile;
}

export async function monitorAt(sql: SqlClient, query: MonitorQuery): Promise<MonitorRow[]> {
  const signals = await evaluateSignalsAt(sql, { asOf: query.asOf, profile: query.profile });
  const facts: MonitorFact[] = signalFacts(signals);
  const exemptions = await sql.query<{ pupil_id: string; kind: string }>(
    `select distinct pupil_id, kind from exemptions
     where start_date <= $1::date and (end_date is null or end_date >= $1::date)`,
    [query.asOf],
  );
  for (const x of exemptions) {
    facts.push({ personId: x.pupil_id, schoolId: "", measure: `exemptions:${x.kind}` });
    // The broad thuiszitter definition counts persons with an active art. 5 sub a exemption.
    if (x.kind === "5a")
      facts.push({ personId: x.pupil_id, schoolId: "", measure: "thuiszitters_breed" });
  }
  const residence = new Map<string, string>();
  for (const r of await sql.query<{ id: string; municipality: string }>(
    `select person_id as id, municipality from population
     union all select pupil_id as id, municipality from pupils`,
  )) {
    // pupils.csv is the school's current record; it wins over the register extract
    residence.set(r.id, r.municipality);
  }
  const partnership = new Map<string, string>();
  for (const s of await sql.query<{ school_id: string; partnership: string }>(
    "select school_id, partnership from schools",
  )) {
    partnership.set(s.school_id, s.partnership);
  }
  return aggregateMonitor(
    facts,
    query.by,
    {
      municipalityOf: (id) => residence.get(id) ?? "",
      partnershipOf: (school) => partnership.get(school) ?? "",
    },
    query.suppress,
  );
}
