// domain.md §7 ("open cases by phase and absence duration, stagnation by cause, outcomes") and
// interfaces.md "Monitor rows" (`cases_open:PHASE`, `cases_open_weeks:BUCKET`): the monitor's
// facts about cases at a date. Readings (docs/monitoring.md):
//   - a case exists from its opening date; its phase at D is the `to` of the last recorded
//     command dated ≤ D (SCHOOL before any); open at D when that phase is not CLOSED;
//   - absence duration at D counts calendar time from the case's absence start date:
//     `lt4w` D < start + 28 days; `4w_3m` up to and including start + 3 calendar months;
//     `3m_6m` up to and including start + 6 months; `gt6m` after that (the 3-month line is the
//     guarantee's due date: on it the child is not yet at home *longer* than 3 months);
//   - stagnation: flags open at D (flagged ≤ D, not resolved by D) of cases open at D, by cause;
//     by provider: waiting-list entries active at D (since ≤ D, left after D or not at all) of
//     pupils with a case open at D, by the arrangement's provider;
//   - flows (outcomes, guarantee at closing, budget spent, cases opened) count within a period
//     [from, D]: the school year up to D for the monitor at a date, the quarter for the trend.
import { addDays, type IsoDate } from "../calendar/dates.ts";
import { type CasePhase, STAGNATION_CAUSES } from "../cases/model.ts";
import { addCalendarMonths } from "../cases/months.ts";
import type { MonitorFact } from "./aggregate.ts";

export interface MonitorCase {
  id: string;
  pupilId: string;
  schoolId: string;
  openedAt: IsoDate;
  absenceStartDate: IsoDate;
  offerStartedOn: IsoDate | null;
  closedAt: IsoDate | null;
  closedOutcome: string | null;
  closedGuaranteeHeld: boolean | null;
  /** The recorded commands in order (date, phase after it). */
  transitions: readonly { at: IsoDate; to: string }[];
  stagnation: readonly { cause: string; flaggedAt: IsoDate; resolvedAt: IsoDate | null }[];
}

export interface MonitorWaitingEntry {
  pupilId: string;
  providerId: string;
  since: IsoDate;
  leftOn: IsoDate | null;
}

/** A frictiebudget commitment to a case; `reversedOn` when a reversal was recorded. */
export interface MonitorCommitment {
  caseId: string;
  amountCents: number;
  recordedAt: IsoDate;
  reversedOn: IsoDate | null;
}

export interface CaseMonitorInput {
  cases: readonly MonitorCase[];
  waiting: readonly MonitorWaitingEntry[];
  commitments: readonly MonitorCommitment[];
}

export const DURATION_BUCKETS = ["lt4w", "4w_3m", "3m_6m", "gt6m"] as const;
export type DurationBucket = (typeof DURATION_BUCKETS)[number];

export function durationBucket(absenceStart: IsoDate, asOf: IsoDate): DurationBucket {
  if (asOf < addDays(absenceStart, 28)) return "lt4w";
  if (asOf <= addCalendarMonths(absenceStart, 3)) return "4w_3m";
  if (asOf <= addCalendarMonths(absenceStart, 6)) return "3m_6m";
  return "gt6m";
}

/** The phase at the end of day D; null before the case was opened. */
export function phaseAt(c: MonitorCase, asOf: IsoDate): CasePhase | null {
  if (c.openedAt > asOf) return null;
  let phase = "SCHOOL";
  for (const t of c.transitions) if (t.at <= asOf) phase = t.to;
  if (c.closedAt !== null && c.closedAt <= asOf) phase = "CLOSED";
  return phase as CasePhase;
}

export function isOpenAt(c: MonitorCase, asOf: IsoDate): boolean {
  const phase = phaseAt(c, asOf);
  return phase !== null && phase !== "CLOSED";
}

/** No suitable offer while the absence lasts longer than 3 months (the §5 guarantee broken). */
function withoutOfferOver3Months(c: MonitorCase, asOf: IsoDate): boolean {
  const due = addCalendarMonths(c.absenceStartDate, 3);
  return asOf > due && (c.offerStartedOn === null || c.offerStartedOn > asOf);
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

const inPeriod = (date: IsoDate | null, p: Period) =>
  date !== null && date >= p.from && date <= p.to;

export function caseFacts(input: CaseMonitorInput, asOf: IsoDate, period: Period): MonitorFact[] {
  const facts: MonitorFact[] = [];
  const fact = (c: MonitorCase, measure: string, amount?: number) =>
    facts.push({
      personId: c.pupilId,
      schoolId: c.schoolId,
      measure,
      ...(amount === undefined ? {} : { amount }),
    });
  const openPupils = new Map<string, MonitorCase>();
  const byId = new Map<string, MonitorCase>();
  for (const c of input.cases) {
    byId.set(c.id, c);
    const phase = phaseAt(c, asOf);
    if (phase === null) continue;
    if (inPeriod(c.openedAt, period)) fact(c, "cases_opened");
    if (phase === "CLOSED") {
      if (inPeriod(c.closedAt, period)) {
        fact(c, `cases_closed:${c.closedOutcome ?? "other"}`);
        if (c.closedGuaranteeHeld !== null) {
          fact(c, `cases_closed_guarantee:${c.closedGuaranteeHeld ? "held" : "broken"}`);
        }
      }
      continue;
    }
    openPupils.set(c.pupilId, c);
    fact(c, "cases_open");
    fact(c, `cases_open:${phase}`);
    fact(c, `cases_open_weeks:${durationBucket(c.absenceStartDate, asOf)}`);
    if (withoutOfferOver3Months(c, asOf)) fact(c, "cases_open_no_offer_gt3m");
    for (const flag of c.stagnation) {
      if (flag.flaggedAt <= asOf && (flag.resolvedAt === null || flag.resolvedAt > asOf)) {
        const cause = (STAGNATION_CAUSES as readonly string[]).includes(flag.cause)
          ? flag.cause
          : "other";
        fact(c, `stagnation:${cause}`);
      }
    }
  }
  for (const w of input.waiting) {
    const c = openPupils.get(w.pupilId);
    if (!c || w.since > asOf || (w.leftOn !== null && w.leftOn <= asOf)) continue;
    fact(c, `stagnation_waiting_list:${w.providerId}`);
  }
  for (const m of input.commitments) {
    const c = byId.get(m.caseId);
    if (!c || !inPeriod(m.recordedAt, period)) continue;
    if (m.reversedOn !== null && m.reversedOn <= asOf) continue;
    fact(c, "budget_spent_eur", m.amountCents / 100);
  }
  return facts;
}
