// domain.md §5 "Informed consent": a decision (given, refused, withdrawn) per purpose, by a
// parent or the child, appended — never edited. A parent records their own decision; a
// professional in the case records the decision a parent or the child made in a conversation.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/connect.ts";
import { appendConsentRecord } from "../db/repositories/consent.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  type ConsentDecision,
  type ConsentGiver,
  type ConsentPurpose,
  type ConsentRecord,
  recordConsent,
} from "../domain/cases/consent.ts";
import type { CommandActor } from "./case-access.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export interface ConsentInput {
  purpose: ConsentPurpose;
  subject?: string;
  decision: ConsentDecision;
  /** Ignored for a parent acting themselves: their giver is always themselves. */
  giver: ConsentGiver;
}

export function recordCaseConsent(
  db: Database,
  actor: CommandActor,
  caseId: string,
  input: ConsentInput,
  today: IsoDate,
): Promise<CommandResult<{ record: ConsentRecord }>> {
  return onCase(db, actor, caseId, today, "record_consent", async (ctx) => {
    const giver: ConsentGiver =
      ctx.role === "parent" ? { kind: "parent", personId: actor.userId } : input.giver;
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
    return { ok: true, record };
  });
}
