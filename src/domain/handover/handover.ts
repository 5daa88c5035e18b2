// Warm handover PO→VO (issue 15 item 6; domain.md §2 "SWV … advises, finds placements", §4
// signals, §5 cases and "Informed consent" (b) "involving each named partner"): a pupil who moves
// from a primary (PO) to a secondary (VO) school with a signal or a case in the year before the
// move gets a handover from the sending school to the receiving school's care coordinator — what
// was going on, what helped. The receiving school is a new partner for this pupil, so its reading
// of the content needs consent (b) naming that school; without it the receiving school sees only
// that a handover exists and that consent is missing. The partnership follows which handovers are
// still open, never their content. Pure: the caller supplies enrolments, sectors, signals, cases
// and today.
import { addDays, type IsoDate, isIsoDate } from "../calendar/dates.ts";
import { addCalendarMonths } from "../cases/months.ts";
import { err, type Result } from "../cases/result.ts";

/** open: sent, not yet taken in; acknowledged: read by the receiving school; closed: done. */
export const HANDOVER_STATUSES = ["open", "acknowledged", "closed"] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

/** Both texts of a handover: short, no medical details (those stay with the youth doctor, §2). */
export const HANDOVER_TEXT_MAX = 2000;

export interface EnrolmentFact {
  pupilId: string;
  schoolId: string;
  startDate: IsoDate;
  endDate: IsoDate | null;
}

export interface SignalFact {
  pupilId: string;
  schoolId: string;
  code: string;
  raisedOn: IsoDate;
}

export interface CaseFact {
  id: string;
  pupilId: string;
  openedAt: IsoDate;
  closedAt: IsoDate | null;
}

export interface Move {
  pupilId: string;
  sendingSchoolId: string;
  receivingSchoolId: string;
  /** The first day at the secondary school. */
  moveDate: IsoDate;
}

export interface HandoverEvidence {
  /** Signal codes raised at the sending school in the year before the move (up to today). */
  signalCodes: string[];
  /** Cases open at some day of that year (up to today). */
  caseIds: string[];
}

export interface HandoverCandidate extends Move {
  evidence: HandoverEvidence;
}

const sectorIs = (sector: string | undefined, wanted: "po" | "vo") =>
  (sector ?? "").toLowerCase() === wanted;

/**
 * "The year before the move": from the same day one year earlier up to the day before the move
 * (12 calendar months, clamped to the month's end like §4's month windows).
 */
export function yearBeforeMove(moveDate: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addCalendarMonths(moveDate, -12), to: addDays(moveDate, -1) };
}

/**
 * The moves from PO to VO in the enrolments: a VO enrolment whose start follows a PO enrolment of
 * the same pupil that started before it and still ran at some day of the year before the move
 * (an enrolment at a school for special education is neither: its pupils have their own route).
 */
export function poToVoMoves(
  enrolments: readonly EnrolmentFact[],
  sectorOf: ReadonlyMap<string, string>,
): Move[] {
  const byPupil = new Map<string, EnrolmentFact[]>();
  for (const e of enrolments) byPupil.set(e.pupilId, [...(byPupil.get(e.pupilId) ?? []), e]);
  const moves: Move[] = [];
  for (const [pupilId, rows] of byPupil) {
    const primary = rows.filter((e) => sectorIs(sectorOf.get(e.schoolId), "po"));
    for (const vo of rows.filter((e) => sectorIs(sectorOf.get(e.schoolId), "vo"))) {
      const { from } = yearBeforeMove(vo.startDate);
      // The last primary school before the move: the latest start among those that qualify.
      const sending = primary
        .filter((po) => po.startDate < vo.startDate && (po.endDate === null || po.endDate >= from))
        .sort((a, b) => (a.startDate < b.startDate ? 1 : -1))[0];
      if (sending) {
        moves.push({
          pupilId,
          sendingSchoolId: sending.schoolId,
          receivingSchoolId: vo.schoolId,
          moveDate: vo.startDate,
        });
      }
    }
  }
  return moves.sort((a, b) =>
    a.moveDate === b.moveDate ? (a.pupilId < b.pupilId ? -1 : 1) : a.moveDate < b.moveDate ? -1 : 1,
  );
}

/** What makes a move qualify: a signal at the sending school or a case, in the year before it. */
export function handoverEvidence(
  move: Move,
  signals: readonly SignalFact[],
  cases: readonly CaseFact[],
  today: IsoDate,
): HandoverEvidence {
  const { from, to } = yearBeforeMove(move.moveDate);
  const until = to < today ? to : today;
  const signalCodes = [
    ...new Set(
      signals
        .filter(
          (s) =>
            s.pupilId === move.pupilId &&
            s.schoolId === move.sendingSchoolId &&
            s.raisedOn >= from &&
            s.raisedOn <= until,
        )
        .map((s) => s.code),
    ),
  ].sort();
  const caseIds = cases
    .filter(
      (c) =>
        c.pupilId === move.pupilId &&
        c.openedAt <= until &&
        (c.closedAt === null || c.closedAt >= from),
    )
    .map((c) => c.id)
    .sort();
  return { signalCodes, caseIds };
}

/**
 * The moves that call for a warm handover on `today`: upcoming ones and those of the last year
 * (a handover in September is still useful), with a signal or a case in the year before the move.
 */
export function handoverCandidates(
  input: {
    enrolments: readonly EnrolmentFact[];
    sectorOf: ReadonlyMap<string, string>;
    signals: readonly SignalFact[];
    cases: readonly CaseFact[];
  },
  today: IsoDate,
): HandoverCandidate[] {
  const earliest = addCalendarMonths(today, -12);
  return poToVoMoves(input.enrolments, input.sectorOf)
    .filter((m) => m.moveDate > earliest)
    .map((m) => ({ ...m, evidence: handoverEvidence(m, input.signals, input.cases, today) }))
    .filter((c) => c.evidence.signalCodes.length > 0 || c.evidence.caseIds.length > 0);
}

export type HandoverError =
  | "text_required"
  | "text_too_long"
  | "not_a_move"
  | "already_written"
  | "consent_missing"
  | "status_not_allowed"
  | "invalid_date"
  | "date_in_future";

export interface HandoverText {
  whatWasGoingOn: string;
  whatHelped: string;
}

/** Both parts are needed: the receiving school asks what happened and what worked. */
export function checkHandoverText(text: HandoverText): Result<object, HandoverError> {
  const parts = [text.whatWasGoingOn.trim(), text.whatHelped.trim()];
  if (parts.some((p) => p.length === 0)) {
    return err("text_required", "Describe what was going on and what helped.");
  }
  if (parts.some((p) => p.length > HANDOVER_TEXT_MAX)) {
    return err("text_too_long", `Each part has at most ${HANDOVER_TEXT_MAX} characters.`);
  }
  return { ok: true };
}

/** A consent decision's day: a real date, not after today. */
export function checkConsentDate(at: IsoDate, today: IsoDate): Result<object, HandoverError> {
  if (!isIsoDate(at)) return err("invalid_date", "Use a date of the form YYYY-MM-DD.");
  if (at > today) return err("date_in_future", "The decision's date lies after today.");
  return { ok: true };
}

/**
 * open → acknowledged → closed, by the receiving school. Taking a handover in means having read
 * it, so it needs the consent that lets the receiving school read the content; closing follows
 * acknowledging.
 */
export function nextHandoverStatus(
  current: HandoverStatus,
  target: Exclude<HandoverStatus, "open">,
  consentGiven: boolean,
): Result<{ status: HandoverStatus }, HandoverError> {
  if (target === "acknowledged") {
    if (current !== "open") {
      return err("status_not_allowed", "Only an open handover can be acknowledged.");
    }
    if (!consentGiven) {
      return err("consent_missing", "Without consent the receiving school cannot read it.");
    }
    return { ok: true, status: "acknowledged" };
  }
  if (current !== "acknowledged") {
    return err("status_not_allowed", "Only an acknowledged handover can be closed.");
  }
  return { ok: true, status: "closed" };
}
