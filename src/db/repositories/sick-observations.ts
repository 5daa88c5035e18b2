// SICK_NOTABLE (domain.md §4): the school's observations of notable sickness, recorded by hand.
// Append-only rows per (pupil, school); the signal rules read them (src/db/queries/signal-inputs.ts).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { IsoDate } from "../../domain/calendar/dates.ts";
import type { Orm } from "../connect.ts";
import { sickNotableObservations } from "../schema/signals.ts";

export interface StoredSickObservation {
  id: string;
  pupilId: string;
  schoolId: string;
  recordedOn: IsoDate;
  endDate: IsoDate | null;
  note: string;
  recordedBy: string;
}

function stored(r: typeof sickNotableObservations.$inferSelect): StoredSickObservation {
  return {
    id: String(r.id),
    pupilId: r.pupilId,
    schoolId: r.schoolId,
    recordedOn: r.recordedOn,
    endDate: r.endDate ?? null,
    note: r.note,
    recordedBy: r.recordedBy,
  };
}

export async function insertSickObservation(
  orm: Orm,
  row: Omit<StoredSickObservation, "id">,
): Promise<StoredSickObservation> {
  const [inserted] = await orm.insert(sickNotableObservations).values(row).returning();
  return stored(inserted!);
}

/** The pupil's observations at the given schools, newest first. */
export async function sickObservationsOfPupil(
  orm: Orm,
  pupilId: string,
  schoolIds: readonly string[],
): Promise<StoredSickObservation[]> {
  if (schoolIds.length === 0) return [];
  const rows = await orm
    .select()
    .from(sickNotableObservations)
    .where(
      and(
        eq(sickNotableObservations.pupilId, pupilId),
        inArray(sickNotableObservations.schoolId, [...schoolIds]),
      ),
    )
    .orderBy(desc(sickNotableObservations.recordedOn), desc(sickNotableObservations.id));
  return rows.map(stored);
}
