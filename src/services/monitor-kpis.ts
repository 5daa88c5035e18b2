// The KPIs of domain.md §5 per quarter (§7) over the stored cases: every case's deadlines
// (src/domain/cases/deadlines.ts) at the quarter's end, counted by src/domain/monitor/kpis.ts.
import type { Orm, SqlClient } from "../db/connect.ts";
import { loadAllCases } from "../db/repositories/cases.ts";
import { loadCaseEvents } from "../db/repositories/cases-events.ts";
import { loadSchoolCalendars } from "../db/repositories/cases-pupil.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { caseDeadlines } from "../domain/cases/deadlines.ts";
import type { Case } from "../domain/cases/model.ts";
import type { Plan, PlanGoal } from "../domain/cases/plan.ts";
import type { MonitorGrouping } from "../domain/monitor/aggregate.ts";
import { type KpiResult, quarterKpis } from "../domain/monitor/kpis.ts";
import { quarterRange } from "../domain/monitor/quarters.ts";
import { monitorLookups } from "./monitor.ts";

export interface GroupKpis {
  group: string;
  kpis: KpiResult[];
}

export interface QuarterKpis {
  quarter: string;
  evaluatedAt: IsoDate;
  groups: GroupKpis[];
  /** The cases behind the figures, for the policy check of who may see which. */
  cases: Map<string, Case>;
}

async function firstGoals(sql: SqlClient): Promise<Map<string, PlanGoal[]>> {
  const goals = new Map<string, PlanGoal[]>();
  for (const g of await sql.query<{
    id: string;
    case_id: string;
    domain: string;
    text: string;
    measure: string;
    set_on: string;
    target_date: string;
  }>(
    "select id, case_id, domain, text, measure, set_on::text, target_date::text from plan_goals",
  )) {
    const list = goals.get(g.case_id) ?? [];
    list.push({
      id: g.id,
      domain: g.domain as PlanGoal["domain"],
      text: g.text,
      measure: g.measure,
      setOn: g.set_on,
      targetDate: g.target_date,
    });
    goals.set(g.case_id, list);
  }
  return goals;
}

export async function kpisOfQuarter(
  db: { sql: SqlClient; orm: Orm },
  quarter: string,
  today: IsoDate,
  by: MonitorGrouping | null,
): Promise<QuarterKpis> {
  const range = quarterRange(quarter);
  const [evaluatedAt = today] = [range.to, today].sort();
  const all = (await loadAllCases(db.orm)).filter((c) => c.openedAt <= evaluatedAt);
  const events = await loadCaseEvents(
    db.orm,
    all.map((c) => c.id),
  );
  const eventsOf = new Map<string, typeof events>();
  for (const e of events) eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e]);
  const goals = await firstGoals(db.sql);
  const calendars = await loadSchoolCalendars(
    db.orm,
    all.map((c) => c.schoolId),
  );
  const lookups = by === null || by === "school" ? null : await monitorLookups(db.sql);
  const byGroup = new Map<string, Parameters<typeof quarterKpis>[0][number][]>();
  for (const c of all) {
    const calendar = calendars.get(c.schoolId);
    if (!calendar) continue;
    const plan: Plan = { caseId: c.id, goals: goals.get(c.id) ?? [], actions: [], meetings: [] };
    const deadlines = caseDeadlines(c, calendar, evaluatedAt, {
      events: eventsOf.get(c.id) ?? [],
      plan,
    });
    const group =
      by === null
        ? ""
        : by === "school"
          ? c.schoolId
          : by === "partnership"
            ? (lookups?.partnershipOf(c.schoolId) ?? "")
            : (lookups?.municipalityOf(c.pupilId) ?? "");
    const list = byGroup.get(group) ?? [];
    list.push({
      caseId: c.id,
      pupilId: c.pupilId,
      schoolId: c.schoolId,
      ...(c.closing && c.closing.closedAt <= evaluatedAt ? { closedAt: c.closing.closedAt } : {}),
      deadlines,
    });
    byGroup.set(group, list);
  }
  const groups = [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, cases]) => ({ group, kpis: quarterKpis(cases, range, evaluatedAt) }));
  if (groups.length === 0) groups.push({ group: "", kpis: quarterKpis([], range, evaluatedAt) });
  return { quarter, evaluatedAt, groups, cases: new Map(all.map((c) => [c.id, c])) };
}
