// domain.md §5: anyone in the case flags stagnation with its cause; resolving keeps the flag.
// A flag by waiting list can name the arrangement the pupil waits for, so the wait shows per
// provider (§6).
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { arrangementExists, insertWaitingListEntry } from "../db/repositories/arrangements.ts";
import { saveCase } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { Case, StagnationCause } from "../domain/cases/model.ts";
import { flagStagnation, resolveStagnation } from "../domain/cases/stagnation.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function flagCaseStagnation(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { cause: StagnationCause; note: string; waitingForArrangementId?: string },
  today: IsoDate,
): Promise<CommandResult<{ case: Case; flagId: string }>> {
  return onCase(db, actor, caseId, today, "flag_stagnation", async (ctx) => {
    if (
      input.waitingForArrangementId &&
      !(await arrangementExists(ctx.tx.orm, input.waitingForArrangementId))
    ) {
      return {
        ok: false,
        error: "unknown_arrangement",
        message: "No arrangement in the catalogue has this id.",
      };
    }
    const id = randomUUID();
    const result = flagStagnation(
      ctx.case,
      { id, cause: input.cause, note: input.note },
      ctx.by,
      today,
    );
    if (!result.ok) return result;
    await saveCase(ctx.tx.orm, ctx.case, result.case);
    if (input.waitingForArrangementId) {
      await insertWaitingListEntry(ctx.tx.orm, {
        arrangementId: input.waitingForArrangementId,
        pupilId: ctx.case.pupilId,
        caseId,
        since: today,
        stagnationFlagId: id,
      });
    }
    return { ok: true, case: result.case, flagId: id };
  });
}

export function resolveCaseStagnation(
  db: Database,
  actor: AccessActor,
  caseId: string,
  flagId: string,
  today: IsoDate,
): Promise<CommandResult<{ case: Case }>> {
  return onCase(db, actor, caseId, today, "resolve_stagnation", async (ctx) => {
    if (ctx.case.phase === "CLOSED") {
      return { ok: false, error: "case_closed", message: "A closed case takes no changes." };
    }
    const result = resolveStagnation(ctx.case, flagId, today);
    if (!result.ok) return result;
    await saveCase(ctx.tx.orm, ctx.case, result.case);
    return { ok: true, case: result.case };
  });
}
