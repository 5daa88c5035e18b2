// The region's catalogue of places (domain.md §6) with capacity, placements and waiting lists.
// A waiting-list entry can point at the case's stagnation flag, so stagnation by waiting list
// is visible per provider (waitingByProvider in src/domain/money/arrangements.ts).
import { and, asc, eq, isNull } from "drizzle-orm";
import type {
  Arrangement,
  ArrangementKind,
  Placement,
  WaitingListEntry,
} from "../../domain/money/arrangements.ts";
import type { Orm } from "../connect.ts";
import { arrangementPlacements, arrangements, waitingListEntries } from "../schema/cases.ts";
import { inSequence } from "./in-sequence.ts";

export interface Catalogue {
  arrangements: Arrangement[];
  placements: Placement[];
  waiting: (WaitingListEntry & { stagnationFlagId?: string })[];
}

export async function loadCatalogue(orm: Orm): Promise<Catalogue> {
  const [a, p, w] = await inSequence([
    () => orm.select().from(arrangements).orderBy(asc(arrangements.id)),
    () => orm.select().from(arrangementPlacements),
    () => orm.select().from(waitingListEntries).orderBy(asc(waitingListEntries.since)),
  ] as const);
  return {
    arrangements: a.map((r) => ({ ...r, kind: r.kind as ArrangementKind })),
    placements: p.map((r) => ({
      arrangementId: r.arrangementId,
      pupilId: r.pupilId,
      startDate: r.startDate,
      ...(r.endDate ? { endDate: r.endDate } : {}),
    })),
    waiting: w.map((r) => ({
      arrangementId: r.arrangementId,
      pupilId: r.pupilId,
      since: r.since,
      ...(r.leftOn ? { leftOn: r.leftOn } : {}),
      ...(r.caseId ? { caseId: r.caseId } : {}),
      ...(r.stagnationFlagId ? { stagnationFlagId: r.stagnationFlagId } : {}),
    })),
  };
}

/** Whether the catalogue holds an arrangement with this id (ended ones included). */
export async function arrangementExists(orm: Orm, id: string): Promise<boolean> {
  const [row] = await orm
    .select({ id: arrangements.id })
    .from(arrangements)
    .where(eq(arrangements.id, id))
    .limit(1);
  return row !== undefined;
}

export async function insertArrangement(orm: Orm, arrangement: Arrangement): Promise<void> {
  await orm.insert(arrangements).values(arrangement);
}

export async function insertPlacement(orm: Orm, placement: Placement): Promise<void> {
  await orm
    .insert(arrangementPlacements)
    .values({ ...placement, endDate: placement.endDate ?? null });
}

/** Sets a placement's end (null: open again); false when there is no such placement. */
export async function setPlacementEnd(
  orm: Orm,
  key: { arrangementId: string; pupilId: string; startDate: string },
  endDate: string | null,
): Promise<boolean> {
  const rows = await orm
    .update(arrangementPlacements)
    .set({ endDate })
    .where(
      and(
        eq(arrangementPlacements.arrangementId, key.arrangementId),
        eq(arrangementPlacements.pupilId, key.pupilId),
        eq(arrangementPlacements.startDate, key.startDate),
      ),
    )
    .returning({ pupilId: arrangementPlacements.pupilId });
  return rows.length > 0;
}

/** Takes a pupil off an arrangement's waiting list on a date (placed there). */
export async function leaveWaitingListOn(
  orm: Orm,
  arrangementId: string,
  pupilId: string,
  leftOn: string,
): Promise<void> {
  await orm
    .update(waitingListEntries)
    .set({ leftOn })
    .where(
      and(
        eq(waitingListEntries.arrangementId, arrangementId),
        eq(waitingListEntries.pupilId, pupilId),
        isNull(waitingListEntries.leftOn),
      ),
    );
}

export async function insertWaitingListEntry(
  orm: Orm,
  entry: WaitingListEntry & { stagnationFlagId?: string },
): Promise<void> {
  await orm.insert(waitingListEntries).values({
    arrangementId: entry.arrangementId,
    pupilId: entry.pupilId,
    since: entry.since,
    leftOn: entry.leftOn ?? null,
    caseId: entry.caseId ?? null,
    stagnationFlagId: entry.stagnationFlagId ?? null,
  });
}
