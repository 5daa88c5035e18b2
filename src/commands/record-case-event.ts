// domain.md §5 deadlines: a contact, conversation, home visit or review that happened; it is
// what meets the deadlines of the §5 table (caseDeadlines reads these events).
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertCaseEvent, type StoredCaseEvent } from "../db/repositories/cases-events.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { CaseEventKind } from "../domain/cases/deadlines.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function recordCaseEvent(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { kind: CaseEventKind; date: IsoDate; note?: string },
  today: IsoDate,
): Promise<CommandResult<{ event: StoredCaseEvent }>> {
  return onCase(db, actor, caseId, today, "record_event", async (ctx) => {
    if (ctx.case.phase === "CLOSED") {
      return { ok: false, error: "case_closed", message: "A closed case takes no changes." };
    }
    if (input.date > today || input.date < ctx.case.absenceStartDate) {
      return {
        ok: false,
        error: "invalid_date",
        message: "An event lies between the absence start and today.",
      };
    }
    const event: StoredCaseEvent = {
      id: randomUUID(),
      caseId,
      kind: input.kind,
      date: input.date,
      personId: actor.userId,
      note: input.note ?? null,
    };
    await insertCaseEvent(ctx.tx.orm, event);
    return { ok: true, event };
  });
}
