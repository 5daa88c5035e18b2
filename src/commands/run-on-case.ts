// The frame every case command runs in: one transaction that loads the case with its pupil's
// facts, authorizes the action through the policy (writing the audit row), and hands the
// loaded state to the command. Expected refusals are values (style.md "Errors"); the HTTP edge
// maps them: not_found → 404, forbidden → 403, a domain refusal → 409.
import {
  type AccessActor,
  caseResource,
  gate,
  loadPupilFacts,
  type PupilFacts,
  type Refusal,
} from "../access/index.ts";
import type { Database, TxClient } from "../db/connect.ts";
import { loadCase } from "../db/repositories/cases.ts";
import { loadSchoolCalendar } from "../db/repositories/cases-pupil.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import type { Case, CaseActor } from "../domain/cases/model.ts";
import { actionOfCommand, type CaseCommandName } from "../domain/policy/case-actions.ts";
import type { CandidateScope } from "../domain/policy/resources.ts";
import { personRole, type RoleCode } from "../domain/policy/roles.ts";
import type { CaseRefusalCode } from "../domain/refusals.ts";

/** A refusal by the domain (wrong phase, consent missing, …): the case's state does not allow it. */
export interface DomainRefusal {
  ok: false;
  error: CaseRefusalCode;
  message: string;
}

export type CommandResult<T> = ({ ok: true } & T) | Refusal | DomainRefusal;

export interface CaseContext {
  tx: TxClient;
  case: Case;
  facts: PupilFacts;
  calendar: SchoolCalendar;
  role: RoleCode;
  /** The actor as the domain records it in history and flags. */
  by: CaseActor;
  today: IsoDate;
}

export const NOT_FOUND: Refusal = {
  ok: false,
  error: "not_found",
  reason: "no such case",
  message: "No such case, or not one you may see.",
};

export async function onCase<R extends { ok: boolean }>(
  db: Database,
  actor: AccessActor,
  caseId: string,
  today: IsoDate,
  /** Names the command in the audit trail; its policy action comes from CASE_COMMAND_ACTIONS. */
  command: CaseCommandName,
  run: (ctx: CaseContext) => Promise<R>,
  candidate?: (ctx: { tx: TxClient; case: Case; facts: PupilFacts }) => Promise<CandidateScope>,
): Promise<R | Refusal> {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx.orm, caseId);
    if (!c) return NOT_FOUND;
    const facts = await loadPupilFacts(tx.orm, c.pupilId);
    const calendar = await loadSchoolCalendar(tx.orm, c.schoolId);
    if (!facts || !calendar) return NOT_FOUND;
    const scope = candidate ? await candidate({ tx, case: c, facts }) : undefined;
    // A refusal on a case the actor may read is `forbidden`; on any other, `not_found`.
    const allowed = await gate(
      tx.orm,
      actor,
      actionOfCommand(command),
      caseResource(c, facts, today, scope),
      { action: command, resourceType: "case", resourceId: c.id, pupilId: c.pupilId },
      { visibleWith: { action: "read_case", resource: caseResource(c, facts, today) } },
    );
    if (!allowed.ok) return allowed.error === "not_found" ? NOT_FOUND : allowed;
    const by: CaseActor = {
      kind: "person",
      personId: actor.userId,
      role: personRole(allowed.role),
    };
    return run({ tx, case: c, facts, calendar, role: personRole(allowed.role), by, today });
  });
}
