// The case aggregate of domain.md §5 in and out of the database: the case row, its transition
// history, participants, stagnation flags and ladder steps, mapped to and from the domain's
// `Case` (src/domain/cases/model.ts). Commands load a case, let the domain decide, and hand the
// before/after pair to `saveCase`, which appends what is new and updates what may change.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { IsoDate } from "../../domain/calendar/dates.ts";
import type { CaseCommandType } from "../../domain/cases/commands.ts";
import type {
  BreakthroughCheck,
  Case,
  CaseActor,
  CaseOutcome,
  CasePhase,
  ClockMode,
  LadderSituation,
  Participant,
  ParticipationEndReason,
  StagnationCause,
  TransitionBasis,
  WorkingMode,
} from "../../domain/cases/model.ts";
import type { RoleCode } from "../../domain/policy/roles.ts";
import type { Orm } from "../connect.ts";
import {
  arbitrations,
  caseParticipants,
  cases,
  caseTransitions,
  ladderSteps,
  prosecutorReferrals,
  stagnationFlags,
} from "../schema/cases.ts";
import { inSequence } from "./in-sequence.ts";

type CaseRow = typeof cases.$inferSelect;

function actorColumns(by: CaseActor) {
  return by.kind === "person"
    ? { byKind: "person", byPersonId: by.personId, byRole: by.role, byJob: null }
    : { byKind: "system", byPersonId: null, byRole: null, byJob: by.job };
}

function actorFrom(row: {
  byKind?: string;
  byPersonId: string | null;
  byRole: string | null;
  byJob?: string | null;
}): CaseActor {
  if (row.byKind === "system" || row.byPersonId === null) {
    return { kind: "system", job: row.byJob ?? "system" };
  }
  return { kind: "person", personId: row.byPersonId, role: row.byRole as RoleCode };
}

function caseColumns(c: Case) {
  const decision = c.breakthroughCheck.decision;
  return {
    phase: c.phase,
    ownerPersonId: c.owner.personId,
    ownerRole: c.owner.role,
    ownerOrganisation: c.owner.organisation,
    breakthroughCheckRequestedAt: c.breakthroughCheck.requestedAt ?? null,
    breakthroughCheckDecision: decision ?? null,
    offerStartedOn: c.offerStartedOn ?? null,
    threeMonthBreachMarkedAt: c.threeMonthBreachMarkedAt ?? null,
    closedOutcome: c.closing?.outcome ?? null,
    closedAt: c.closing?.closedAt ?? null,
    closedDurationDays: c.closing?.durationDays ?? null,
    closedGuaranteeHeld: c.closing ? c.closing.guaranteeHeld : null,
  };
}

/** Stores a freshly opened case (its row and first participant). */
export async function insertCase(orm: Orm, c: Case): Promise<void> {
  await orm.insert(cases).values({
    id: c.id,
    pupilId: c.pupilId,
    schoolId: c.schoolId,
    openedAt: c.openedAt,
    openingKind: c.opening.kind,
    openingReason: c.opening.kind === "by_hand" ? c.opening.reason : null,
    openingSignalIds: c.opening.kind === "signals" ? [...c.opening.signalIds] : null,
    absenceStartDate: c.absenceStartDate,
    absenceStartedSick: c.absenceStartedSick,
    clockMode: c.clockMode,
    ...caseColumns(c),
  });
  await saveCase(orm, { ...c, participants: [], history: [], stagnationFlags: [], ladder: [] }, c);
}

/**
 * Writes the difference between two states of one case. History, participants and ladder only
 * grow (the domain appends); a participant's `until` and a flag's `resolvedAt` are the only
 * fields that change on an existing row.
 */
export async function saveCase(orm: Orm, before: Case, after: Case): Promise<void> {
  await orm.update(cases).set(caseColumns(after)).where(eq(cases.id, after.id));
  const newHistory = after.history.slice(before.history.length);
  if (newHistory.length > 0) {
    await orm.insert(caseTransitions).values(
      newHistory.map((r, i) => ({
        caseId: after.id,
        seq: before.history.length + i + 1,
        command: r.command,
        fromPhase: r.from,
        toPhase: r.to,
        at: r.at,
        ...actorColumns(r.by),
        reason: r.reason,
        basis: r.basis,
      })),
    );
  }
  for (const [i, p] of after.participants.entries()) {
    const old = before.participants[i];
    if (!old) {
      await orm.insert(caseParticipants).values({
        caseId: after.id,
        seq: i + 1,
        personId: p.personId,
        role: p.role,
        organisation: p.organisation,
        since: p.since,
        until: p.until ?? null,
        endedBecause: p.endedBecause ?? null,
      });
    } else if (old.until !== p.until) {
      await orm
        .update(caseParticipants)
        .set({ until: p.until ?? null, endedBecause: p.endedBecause ?? null })
        .where(and(eq(caseParticipants.caseId, after.id), eq(caseParticipants.seq, i + 1)));
    }
  }
  for (const flag of after.stagnationFlags) {
    const old = before.stagnationFlags.find((f) => f.id === flag.id);
    if (!old) {
      const by = actorColumns(flag.by);
      await orm.insert(stagnationFlags).values({
        id: flag.id,
        caseId: after.id,
        cause: flag.cause,
        note: flag.note,
        flaggedAt: flag.flaggedAt,
        byPersonId: by.byPersonId,
        byRole: by.byRole,
        resolvedAt: flag.resolvedAt ?? null,
      });
    } else if (old.resolvedAt !== flag.resolvedAt) {
      await orm
        .update(stagnationFlags)
        .set({ resolvedAt: flag.resolvedAt ?? null })
        .where(eq(stagnationFlags.id, flag.id));
    }
  }
  const newSteps = after.ladder.slice(before.ladder.length);
  if (newSteps.length > 0) {
    await orm.insert(ladderSteps).values(
      newSteps.map((s, i) => {
        const by = actorColumns(s.by);
        return {
          caseId: after.id,
          seq: before.ladder.length + i + 1,
          situation: s.situation,
          mode: s.mode,
          at: s.at,
          byPersonId: by.byPersonId,
          byRole: by.byRole,
          reason: s.reason,
        };
      }),
    );
  }
}

/** Loads one case as the domain sees it; undefined when no such case exists. */
export async function loadCase(orm: Orm, caseId: string): Promise<Case | undefined> {
  const [row] = await orm.select().from(cases).where(eq(cases.id, caseId));
  if (!row) return undefined;
  const [loaded] = await assembleCases(orm, [row]);
  return loaded;
}

async function assembleCases(orm: Orm, rows: CaseRow[]): Promise<Case[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [history, participants, flags, steps, arbitrationRows, referrals] = await inSequence([
    () =>
      orm
        .select()
        .from(caseTransitions)
        .where(inArray(caseTransitions.caseId, ids))
        .orderBy(asc(caseTransitions.seq)),
    () =>
      orm
        .select()
        .from(caseParticipants)
        .where(inArray(caseParticipants.caseId, ids))
        .orderBy(asc(caseParticipants.seq)),
    () =>
      orm
        .select()
        .from(stagnationFlags)
        .where(inArray(stagnationFlags.caseId, ids))
        .orderBy(asc(stagnationFlags.flaggedAt), asc(stagnationFlags.id)),
    () =>
      orm
        .select()
        .from(ladderSteps)
        .where(inArray(ladderSteps.caseId, ids))
        .orderBy(asc(ladderSteps.seq)),
    () => orm.select().from(arbitrations).where(inArray(arbitrations.caseId, ids)),
    () => orm.select().from(prosecutorReferrals).where(inArray(prosecutorReferrals.caseId, ids)),
  ] as const);
  return rows.map((row) => {
    const arbitration = arbitrationRows.find((a) => a.caseId === row.id);
    const referral = referrals.find((r) => r.caseId === row.id);
    const check: BreakthroughCheck = {
      ...(row.breakthroughCheckRequestedAt
        ? { requestedAt: row.breakthroughCheckRequestedAt }
        : {}),
      ...(row.breakthroughCheckDecision
        ? { decision: row.breakthroughCheckDecision as BreakthroughCheck["decision"] }
        : {}),
    };
    const c: Case = {
      id: row.id,
      pupilId: row.pupilId,
      schoolId: row.schoolId,
      openedAt: row.openedAt,
      opening:
        row.openingKind === "signals"
          ? { kind: "signals", signalIds: row.openingSignalIds ?? [] }
          : { kind: "by_hand", reason: row.openingReason ?? "" },
      absenceStartDate: row.absenceStartDate,
      absenceStartedSick: row.absenceStartedSick,
      phase: row.phase as CasePhase,
      owner: {
        personId: row.ownerPersonId,
        role: row.ownerRole as RoleCode,
        organisation: row.ownerOrganisation,
      },
      participants: participants
        .filter((p) => p.caseId === row.id)
        .map(
          (p): Participant => ({
            personId: p.personId,
            role: p.role as RoleCode,
            organisation: p.organisation,
            since: p.since,
            ...(p.until ? { until: p.until } : {}),
            ...(p.endedBecause ? { endedBecause: p.endedBecause as ParticipationEndReason } : {}),
          }),
        ),
      clockMode: row.clockMode as ClockMode,
      history: history
        .filter((h) => h.caseId === row.id)
        .map((h) => ({
          command: h.command as CaseCommandType,
          from: h.fromPhase as CasePhase,
          to: h.toPhase as CasePhase,
          at: h.at,
          by: actorFrom(h),
          reason: h.reason,
          basis: h.basis as TransitionBasis,
        })),
      breakthroughCheck: check,
      stagnationFlags: flags
        .filter((f) => f.caseId === row.id)
        .map((f) => ({
          id: f.id,
          cause: f.cause as StagnationCause,
          note: f.note,
          flaggedAt: f.flaggedAt,
          by: actorFrom(f),
          ...(f.resolvedAt ? { resolvedAt: f.resolvedAt } : {}),
        })),
      ladder: steps
        .filter((s) => s.caseId === row.id)
        .map((s) => ({
          situation: s.situation as LadderSituation,
          mode: s.mode as WorkingMode,
          at: s.at,
          by: actorFrom(s),
          reason: s.reason,
        })),
      ...(row.offerStartedOn ? { offerStartedOn: row.offerStartedOn } : {}),
      ...(row.threeMonthBreachMarkedAt
        ? { threeMonthBreachMarkedAt: row.threeMonthBreachMarkedAt }
        : {}),
      ...(arbitration
        ? {
            arbitration: {
              startedAt: arbitration.startedAt,
              ...(arbitration.rulingText && arbitration.rulingRecordedAt
                ? {
                    ruling: {
                      text: arbitration.rulingText,
                      recordedAt: arbitration.rulingRecordedAt,
                      parentsAccept: arbitration.parentsAccept === true,
                    },
                  }
                : {}),
            },
          }
        : {}),
      ...(referral
        ? {
            prosecutorReferral: {
              route: referral.route as "civil" | "criminal",
              referredAt: referral.referredAt,
            },
          }
        : {}),
      ...(row.closedOutcome && row.closedAt
        ? {
            closing: {
              outcome: row.closedOutcome as CaseOutcome,
              closedAt: row.closedAt,
              durationDays: row.closedDurationDays ?? 0,
              guaranteeHeld: row.closedGuaranteeHeld,
            },
          }
        : {}),
    };
    return c;
  });
}

/** The id of the pupil's open (not closed) case; there is at most one (cases_one_open_per_pupil_idx). */
export async function findOpenCaseIdOfPupil(
  orm: Orm,
  pupilId: string,
): Promise<string | undefined> {
  const [row] = await orm
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.pupilId, pupilId), ne(cases.phase, "CLOSED")))
    .limit(1);
  return row?.id;
}

/** Every case that is not closed: the daily job's work list. */
export async function loadOpenCases(orm: Orm): Promise<Case[]> {
  const rows = await orm
    .select()
    .from(cases)
    .where(ne(cases.phase, "CLOSED"))
    .orderBy(asc(cases.id));
  return assembleCases(orm, rows);
}

/** Cases of these pupils (open and closed), oldest first. */
export async function loadCasesOfPupils(orm: Orm, pupilIds: readonly string[]): Promise<Case[]> {
  if (pupilIds.length === 0) return [];
  const rows = await orm
    .select()
    .from(cases)
    .where(inArray(cases.pupilId, [...pupilIds]))
    .orderBy(asc(cases.openedAt), asc(cases.id));
  return assembleCases(orm, rows);
}

/** These cases, in the order of `ids` (unknown ids left out), in a fixed number of queries. */
export async function loadCasesByIds(orm: Orm, ids: readonly string[]): Promise<Case[]> {
  if (ids.length === 0) return [];
  const rows = await orm
    .select()
    .from(cases)
    .where(inArray(cases.id, [...ids]));
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
  return assembleCases(orm, rows);
}

export async function loadAllCases(orm: Orm): Promise<Case[]> {
  const rows = await orm.select().from(cases).orderBy(asc(cases.openedAt), asc(cases.id));
  return assembleCases(orm, rows);
}

/** Person ids of the active participants of a pupil's open cases (for pupil-level access). */
export async function activeParticipantsOfPupil(orm: Orm, pupilId: string): Promise<string[]> {
  const rows = await orm
    .select({ personId: caseParticipants.personId, until: caseParticipants.until })
    .from(caseParticipants)
    .innerJoin(cases, eq(cases.id, caseParticipants.caseId))
    .where(and(eq(cases.pupilId, pupilId), ne(cases.phase, "CLOSED")));
  return [...new Set(rows.filter((p) => p.until === null).map((p) => p.personId))];
}

export async function insertArbitration(
  orm: Orm,
  row: typeof arbitrations.$inferInsert,
): Promise<void> {
  await orm.insert(arbitrations).values(row);
}

export async function recordRuling(
  orm: Orm,
  caseId: string,
  ruling: { text: string; recordedAt: IsoDate; parentsAccept: boolean },
): Promise<void> {
  await orm
    .update(arbitrations)
    .set({
      rulingText: ruling.text,
      rulingRecordedAt: ruling.recordedAt,
      parentsAccept: ruling.parentsAccept,
    })
    .where(eq(arbitrations.caseId, caseId));
}

export async function loadArbitration(orm: Orm, caseId: string) {
  const [row] = await orm.select().from(arbitrations).where(eq(arbitrations.caseId, caseId));
  return row;
}

export async function insertProsecutorReferral(
  orm: Orm,
  row: typeof prosecutorReferrals.$inferInsert,
): Promise<void> {
  await orm.insert(prosecutorReferrals).values(row);
}

export async function loadProsecutorReferral(orm: Orm, caseId: string) {
  const [row] = await orm
    .select()
    .from(prosecutorReferrals)
    .where(eq(prosecutorReferrals.caseId, caseId));
  return row;
}
