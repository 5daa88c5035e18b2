// The case side of the monitor (domain.md §7): cases with their recorded commands and
// stagnation flags, the waiting lists by provider and the frictiebudget commitments, loaded in
// a handful of set-based queries for src/domain/monitor/case-measures.ts.
import type { SqlClient } from "../db/connect.ts";
import type { CaseMonitorInput, MonitorCase } from "../domain/monitor/case-measures.ts";

export async function loadCaseMonitorInput(sql: SqlClient): Promise<CaseMonitorInput> {
  const rows = await sql.query<{
    id: string;
    pupil_id: string;
    school_id: string;
    opened_at: string;
    absence_start_date: string;
    offer_started_on: string | null;
    closed_at: string | null;
    closed_outcome: string | null;
    closed_guarantee_held: boolean | null;
  }>(
    `select id, pupil_id, school_id, opened_at::text, absence_start_date::text,
            offer_started_on::text, closed_at::text, closed_outcome, closed_guarantee_held
     from cases order by opened_at, id`,
  );
  const cases = new Map<string, MonitorCase & { transitions: { at: string; to: string }[] }>();
  const flags = new Map<string, MonitorCase["stagnation"][number][]>();
  for (const r of rows) {
    const stagnation: MonitorCase["stagnation"][number][] = [];
    flags.set(r.id, stagnation);
    cases.set(r.id, {
      id: r.id,
      pupilId: r.pupil_id,
      schoolId: r.school_id,
      openedAt: r.opened_at,
      absenceStartDate: r.absence_start_date,
      offerStartedOn: r.offer_started_on,
      closedAt: r.closed_at,
      closedOutcome: r.closed_outcome,
      closedGuaranteeHeld: r.closed_guarantee_held,
      transitions: [],
      stagnation,
    });
  }
  for (const t of await sql.query<{ case_id: string; at: string; to_phase: string }>(
    "select case_id, at::text, to_phase from case_transitions order by case_id, seq",
  )) {
    cases.get(t.case_id)?.transitions.push({ at: t.at, to: t.to_phase });
  }
  for (const f of await sql.query<{
    case_id: string;
    cause: string;
    flagged_at: string;
    resolved_at: string | null;
  }>("select case_id, cause, flagged_at::text, resolved_at::text from stagnation_flags")) {
    flags
      .get(f.case_id)
      ?.push({ cause: f.cause, flaggedAt: f.flagged_at, resolvedAt: f.resolved_at });
  }
  const waiting = (
    await sql.query<{
      pupil_id: string;
      provider_id: string;
      since: string;
      left_on: string | null;
    }>(
      `select w.pupil_id, a.provider_id, w.since::text, w.left_on::text
       from waiting_list_entries w join arrangements a on a.id = w.arrangement_id`,
    )
  ).map((w) => ({
    pupilId: w.pupil_id,
    providerId: w.provider_id,
    since: w.since,
    leftOn: w.left_on,
  }));
  const commitments = (
    await sql.query<{
      case_id: string;
      amount_cents: number;
      recorded_at: string;
      reversed_on: string | null;
    }>(
      `select c.case_id, c.amount_cents, c.recorded_at::text,
              (select min(r.recorded_at) from budget_ledger r where r.reverses_id = c.id)::text as reversed_on
       from budget_ledger c where c.kind = 'commitment' and c.case_id is not null`,
    )
  ).map((m) => ({
    caseId: m.case_id,
    amountCents: Number(m.amount_cents),
    recordedAt: m.recorded_at,
    reversedOn: m.reversed_on,
  }));
  return { cases: [...cases.values()], waiting, commitments };
}
