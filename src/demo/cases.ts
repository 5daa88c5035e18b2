// The demo's closed chain (interfaces.md "aanwezig demo": cases at every phase). The cases are
// not inserted as rows: a dated script (case-script.ts) runs the real commands as the demo
// accounts, and the daily job (advanceCases) every Monday, from the first step up to
// DEMO_CASES_AS_OF — so the history, deadlines, consent and audit trail are exactly what the
// application itself writes.
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { loadOpenCases } from "../db/repositories/cases.ts";
import { addDays, type IsoDate, isoWeekday } from "../domain/calendar/dates.ts";
import { buildSchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { dueEscalations } from "../domain/cases/escalations.ts";
import type { Case, CasePhase } from "../domain/cases/model.ts";
import { advanceCases } from "../jobs/cases-daily.ts";
import { writeDemoCatalogue } from "./case-catalogue.ts";
import {
  type DemoCaseName,
  type DemoPupils,
  type DemoStep,
  demoCaseScript,
  pickDemoPupils,
} from "./case-script.ts";
import type { DemoRegion } from "./types.ts";
import { createDemoUsers, type DemoAccountName, type DemoAccounts, demoActor } from "./users.ts";

/** The demo's "today" for its cases: a Monday in the demo school year (tests pin the same). */
export const DEMO_CASES_AS_OF = "2026-03-02";

/** The case tables the demo clears before it replaces the region, children before parents. */
export const CASE_TABLES_IN_CLEAR_ORDER = [
  "handovers",
  "sick_notable_observations",
  "medical_notes",
  "youth_doctor_feedback",
  "youth_doctor_referrals",
  "leave_requests",
  "mas_steps",
  "waiting_list_entries",
  "arrangement_placements",
  "arrangements",
  "variawet_records",
  "exemption_decisions",
  "budget_ledger",
  "prosecutor_referrals",
  "arbitrations",
  "breakthrough_agenda",
  "breakthrough_team_members",
  "breakthrough_teams",
  "case_events",
  "consent_records",
  "case_documents",
  "meetings",
  "plan_actions",
  "plan_goals",
  "ladder_steps",
  "stagnation_flags",
  "case_participants",
  "case_transitions",
  "cases",
] as const;

export interface DemoCasesResult {
  accounts: DemoAccounts;
  pupils: DemoPupils;
  /** Case id per case of the script (school, director, breakthrough, …). */
  cases: Partial<Record<DemoCaseName, string>>;
  /** Cases per phase at the demo date. */
  phases: Partial<Record<CasePhase, number>>;
  /** The pupil whose parent the `ouder` account is. */
  parentPupilId: string;
}

export async function writeDemoCases(
  db: Database,
  region: DemoRegion,
  asOf: IsoDate = DEMO_CASES_AS_OF,
): Promise<DemoCasesResult> {
  const pupils = pickDemoPupils(region, asOf);
  const accounts = await createDemoUsers(db.orm, region, pupils.parentCase);
  const casePupils = new Set(Object.values(pupils.byCase).map((choice) => choice.pupilId));
  await writeDemoCatalogue(db, region, accounts, {
    casePupils,
    yearStart: region.schoolYear.start,
  });
  const actor = (name: DemoAccountName): AccessActor =>
    demoActor(region, accounts, name, pupils.parentCase);
  const cases: Partial<Record<DemoCaseName, Case>> = {};
  const script = demoCaseScript({ db, region, accounts, pupils, actor, cases, asOf });

  // Steps in date order; steps of one date keep the script's order.
  const steps: DemoStep[] = script.steps
    .map((step, order) => ({ step, order }))
    .sort((a, b) =>
      a.step.date === b.step.date ? a.order - b.order : a.step.date < b.step.date ? -1 : 1,
    )
    .map(({ step }) => step);
  // The daily job on every Monday. It writes only what dueEscalations says is due, so a Monday
  // on which nothing is due is skipped (the same data, in a fraction of the time).
  const calendars = new Map(
    region.schools.map((s) => [s.schoolId, buildSchoolCalendar(s, region.closures)]),
  );
  const runJob = async (day: IsoDate) => {
    const open = await loadOpenCases(db.orm);
    const due = open.some((c) => {
      const calendar = calendars.get(c.schoolId);
      return !calendar || dueEscalations(c, calendar, day).length > 0;
    });
    if (due) await advanceCases(db, day);
  };
  let jobDay = firstMonday(steps[0]?.date ?? asOf);
  const runJobsUpTo = async (date: IsoDate) => {
    for (; jobDay <= date; jobDay = addDays(jobDay, 7)) await runJob(jobDay);
  };
  for (const step of steps) {
    if (step.date > asOf) break;
    await runJobsUpTo(step.date);
    await step.run();
  }
  await runJobsUpTo(asOf);
  if (isoWeekday(asOf) !== 1) await runJob(asOf);

  const rows = await db.sql.query<{ phase: CasePhase; n: string }>(
    "select phase, count(*) as n from cases group by phase order by phase",
  );
  return {
    accounts,
    pupils,
    parentPupilId: pupils.parentCase,
    cases: Object.fromEntries(Object.entries(cases).map(([name, c]) => [name, c.id])),
    phases: Object.fromEntries(rows.map((r) => [r.phase, Number(r.n)])),
  };
}

function firstMonday(date: IsoDate): IsoDate {
  let day = date;
  while (isoWeekday(day) !== 1) day = addDays(day, 1);
  return day;
}
