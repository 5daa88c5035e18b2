// domain.md §5 "Informed consent": a decision (given, refused, withdrawn) per purpose, by a
// parent or the child, appended — never edited. A parent records their own decision; a
// professional in the case records the decision a parent or the child made in a conversation,
// and must say whose it was. "Withdrawal takes effect at once": when consent (b) for a partner
// no longer holds, that partner's participation in the pupil's open cases ends today, so the
// policy (isCaseParticipant) stops showing them the pupil at the same moment. Consent given again
// brings back exactly those participations (not ones a person ended), and the case file records
// an `access_restored` event per person, so the restored partner and the case's people see it.
// Consent (b) given for a breakthrough team that was convened without it lets the team join.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database, TxClient } from "../db/connect.ts";
import { loadCasesOfPupils, saveCase } from "../db/repositories/cases.ts";
import { teamsWithCaseOnAgenda } from "../db/repositories/cases-breakthrough.ts";
import { insertCaseEvent } from "../db/repositories/cases-events.ts";
import { appendConsentRecord } from "../db/repositories/consent.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  type ConsentDecision,
  type ConsentFile,
  type ConsentGiver,
  type ConsentPurpose,
  type ConsentRecord,
  hasConsent,
  recordConsent,
} from "../domain/cases/consent.ts";
import { activeParticipants } from "../domain/cases/model.ts";
import {
  needsPartnerConsent,
  removeParticipant,
  restoreAfterConsent,
} from "../domain/cases/participants.ts";
import { raiseCommandNotifications } from "../services/notification-events.ts";
import { teamJoinsCase } from "./convene-breakthrough.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export interface ConsentInput {
  purpose: ConsentPurpose;
  subject?: string;
  decision: ConsentDecision;
  /** Required for a professional; ignored for a parent acting themselves (always themselves). */
  giver?: ConsentGiver;
}

export function recordCaseConsent(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: ConsentInput,
  today: IsoDate,
): Promise<
  CommandResult<{
    record: ConsentRecord;
    endedParticipants: string[];
    restoredParticipants: string[];
    /** The case's people told at once (issue 16); their mail is queued after the commit. */
    notificationIds: string[];
  }>
> {
  return onCase(db, actor, caseId, today, "record_consent", async (ctx) => {
    const giver: ConsentGiver | undefined =
      ctx.role === "parent" ? { kind: "parent", personId: actor.userId } : input.giver;
    if (!giver) {
      return {
        ok: false,
        error: "giver_required",
        message: "Say whose decision it is: a parent (by person) or the child.",
      };
    }
    const record: ConsentRecord = {
      id: randomUUID(),
      purpose: input.purpose,
      ...(input.subject ? { subject: input.subject } : {}),
      decision: input.decision,
      giver,
      at: today,
      recordedBy: actor.userId,
    };
    const result = recordConsent(ctx.facts.consent, record);
    if (!result.ok) return result;
    await appendConsentRecord(ctx.tx.orm, ctx.case.pupilId, caseId, record);
    const partner = record.purpose === "involve_partner" ? record.subject : undefined;
    const endedParticipants = partner
      ? await endPartnerWithoutConsent(ctx.tx, ctx.case.pupilId, partner, result.file, today)
      : [];
    const restoredParticipants = partner
      ? await restorePartnerWithConsent(ctx.tx, ctx.case.pupilId, partner, result.file, today)
      : [];
    const notificationIds = await raiseCommandNotifications(
      ctx.tx,
      { kind: "consent_changed", recordId: record.id },
      today,
    );
    return { ok: true, record, endedParticipants, restoredParticipants, notificationIds };
  });
}

/**
 * Ends today the participation of the partner organisation's people in the pupil's open cases
 * when consent (b) for it no longer holds. The case owner stays (a case always has one); the
 * director names another owner first.
 */
async function endPartnerWithoutConsent(
  tx: TxClient,
  pupilId: string,
  organisation: string,
  consent: ConsentFile,
  today: IsoDate,
): Promise<string[]> {
  if (hasConsent(consent, "involve_partner", organisation, today)) return [];
  const ended: string[] = [];
  for (const c of await loadCasesOfPupils(tx.orm, [pupilId])) {
    if (c.phase === "CLOSED") continue;
    let next = c;
    for (const p of activeParticipants(c)) {
      if (p.organisation !== organisation || !needsPartnerConsent(p)) continue;
      const removed = removeParticipant(next, p.personId, today, "consent_withdrawn");
      if (!removed.ok) continue;
      next = removed.case;
      ended.push(p.personId);
    }
    if (next !== c) await saveCase(tx.orm, c, next);
  }
  return ended;
}

/**
 * Consent (b) for the organisation holds again: the participations that its withdrawal ended
 * come back today in the pupil's open cases, each with an `access_restored` event in the case
 * file naming the person (the notification: there is no other channel to tell them).
 */
async function restorePartnerWithConsent(
  tx: TxClient,
  pupilId: string,
  organisation: string,
  consent: ConsentFile,
  today: IsoDate,
): Promise<string[]> {
  if (!hasConsent(consent, "involve_partner", organisation, today)) return [];
  const restored: string[] = [];
  for (const c of await loadCasesOfPupils(tx.orm, [pupilId])) {
    const back = restoreAfterConsent(c, organisation, today);
    if (back.restored.length > 0) await saveCase(tx.orm, c, back.case);
    // A team convened while consent (b) for it was missing joins now (§5 BREAKTHROUGH).
    for (const team of await teamsWithCaseOnAgenda(tx.orm, c.id)) {
      if (team.name === organisation && back.case.phase !== "CLOSED") {
        await teamJoinsCase(tx, back.case, team, consent, today, true);
      }
    }
    if (back.restored.length === 0) continue;
    for (const personId of back.restored) {
      await insertCaseEvent(tx.orm, {
        id: randomUUID(),
        caseId: c.id,
        kind: "access_restored",
        date: today,
        personId,
        note: `Toestemming voor ${organisation} is opnieuw gegeven; deelname en toegang hersteld.`,
      });
    }
    restored.push(...back.restored);
  }
  return restored;
}
