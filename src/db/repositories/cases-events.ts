// What happened in a case and satisfies a deadline of domain.md §5 (contacts, conversations,
// home visits, reviews): the CaseEvent list that caseDeadlines reads.
import { asc, eq, inArray } from "drizzle-orm";
import type { CaseEvent, CaseEventKind } from "../../domain/cases/deadlines.ts";
import type { Orm } from "../connect.ts";
import { caseEvents } from "../schema/cases.ts";

export interface StoredCaseEvent extends CaseEvent {
  id: string;
  caseId: string;
  note: string | null;
}

export async function loadCaseEvents(
  orm: Orm,
  caseIds: readonly string[],
): Promise<StoredCaseEvent[]> {
  if (caseIds.length === 0) return [];
  const rows = await orm
    .select()
    .from(caseEvents)
    .where(inArray(caseEvents.caseId, [...caseIds]))
    .orderBy(asc(caseEvents.date), asc(caseEvents.id));
  return rows.map((r) => ({ ...r, kind: r.kind as CaseEventKind }));
}

export async function insertCaseEvent(orm: Orm, event: StoredCaseEvent): Promise<void> {
  await orm.insert(caseEvents).values(event);
}

export async function eventsOfCase(orm: Orm, caseId: string): Promise<StoredCaseEvent[]> {
  const rows = await orm
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.date), asc(caseEvents.id));
  return rows.map((r) => ({ ...r, kind: r.kind as CaseEventKind }));
}
