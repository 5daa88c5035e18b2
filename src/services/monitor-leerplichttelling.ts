// The annual leerplichttelling (art. 25 Leerplichtwet) and the municipal annual report figures
// (domain.md §7) from the register, for src/domain/monitor/leerplichttelling.ts.
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { MonitorRow } from "../domain/monitor/aggregate.ts";
import {
  leerplichttelling,
  schoolYearOf,
  TELLING_NOTES,
  type TellingInput,
} from "../domain/monitor/leerplichttelling.ts";
import { cachedSnapshot } from "./monitor-cache.ts";

export interface TellingReport {
  schoolYear: string;
  referenceDate: IsoDate;
  rows: MonitorRow[];
  notes: typeof TELLING_NOTES;
}

async function tellingInput(sql: SqlClient, reference: IsoDate): Promise<TellingInput> {
  const snapshot = await cachedSnapshot(sql, reference);
  const persons = new Map<string, TellingInput["persons"][number]>();
  for (const p of await sql.query<{
    id: string;
    municipality: string;
    birth_date: string;
    q: string | null;
  }>(
    `select person_id as id, municipality, birth_date::text, null::text as q, 0 as rank from population
     union all
     select pupil_id, municipality, birth_date::text, start_qualification_date::text, 1 from pupils
     order by rank`,
  )) {
    // pupils.csv (rank 1) is the school's current record and wins over the register extract
    persons.set(p.id, {
      id: p.id,
      municipality: p.municipality,
      birthDate: p.birth_date,
      startQualificationDate: p.q,
    });
  }
  const enrolments = (
    await sql.query<{ pupil_id: string; start_date: string; end_date: string | null }>(
      "select pupil_id, start_date::text, end_date::text from enrolments",
    )
  ).map((e) => ({ pupilId: e.pupil_id, startDate: e.start_date, endDate: e.end_date }));
  const exemptions = (
    await sql.query<{
      pupil_id: string;
      kind: string;
      start_date: string;
      end_date: string | null;
    }>("select pupil_id, kind, start_date::text, end_date::text from exemptions")
  ).map((x) => ({
    pupilId: x.pupil_id,
    kind: x.kind,
    startDate: x.start_date,
    endDate: x.end_date,
  }));
  const reports = (
    await sql.query<{ pupil_id: string; report_type: string; start_date: string; status: string }>(
      "select pupil_id, report_type, start_date::text, status from duo_reports",
    )
  ).map((r) => ({
    pupilId: r.pupil_id,
    type: r.report_type,
    startDate: r.start_date,
    status: r.status,
  }));
  const referrals = (
    await sql.query<{ pupil_id: string; route: string; referred_at: string }>(
      `select c.pupil_id, r.route, r.referred_at::text
       from prosecutor_referrals r join cases c on c.id = r.case_id`,
    )
  ).map((r) => ({ pupilId: r.pupil_id, route: r.route, referredAt: r.referred_at }));
  const masSteps = (
    await sql.query<{ pupil_id: string; kind: string; route: string | null; date: string }>(
      `select pupil_id, kind, route, date::text from mas_steps
       where kind in ('halt_referral', 'official_report')`,
    )
  ).map((s) => ({ pupilId: s.pupil_id, kind: s.kind, route: s.route, date: s.date }));
  return {
    persons: [...persons.values()],
    enrolments,
    exemptions,
    reports,
    referrals,
    masSteps,
    signals: snapshot.signals
      .filter((s) => s.code === "ABSOLUTE" || s.code === "LONG_TERM_ABSENT")
      .map((s) => ({ pupilId: s.pupilId, code: s.code, legal: s.attributes.legal === true })),
    cases: snapshot.cases.cases,
  };
}

/** The school year starting 1 August `startYear`, counted up to its end or to `today`. */
export async function leerplichttellingReport(
  sql: SqlClient,
  startYear: number,
  today: IsoDate,
  suppress: boolean,
): Promise<TellingReport> {
  const year = schoolYearOf(startYear);
  const [reference = year.to] = [year.to, today].sort();
  const input = await tellingInput(sql, reference);
  return {
    schoolYear: `${startYear}-${startYear + 1}`,
    referenceDate: reference,
    rows: leerplichttelling(input, year, reference, suppress),
    notes: TELLING_NOTES,
  };
}
