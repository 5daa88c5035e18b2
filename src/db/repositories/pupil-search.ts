// The pupil search (GET /api/pupils?q=): the ids of pupils whose name contains the term or whose
// number starts with it, within the user's reach (a condition src/access makes: school,
// municipality, own case, own child), and then the details of only those the policy lets the
// user see.
import { and, asc, type Column, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { enrolments, pupils, schools } from "../schema/region.ts";

export interface PupilSearchHit {
  pupilId: string;
  givenName: string;
  familyName: string;
  enrolments: { schoolId: string; schoolName: string; startDate: string; endDate: string | null }[];
}

const likeEscaped = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** At most `limit` ids matching the term within `reach`, by family name, given name and id. */
export async function searchPupilIds(
  orm: Orm,
  term: string,
  reach: (id: Column) => SQL,
  limit: number,
): Promise<string[]> {
  const escaped = likeEscaped(term);
  const rows = await orm
    .select({ pupilId: pupils.pupilId })
    .from(pupils)
    .where(
      and(
        reach(pupils.pupilId),
        or(
          sql`(${pupils.givenName} || ' ' || ${pupils.familyName}) ilike ${`%${escaped}%`}`,
          sql`${pupils.pupilId} ilike ${`${escaped}%`}`,
        ),
      ),
    )
    .orderBy(asc(pupils.familyName), asc(pupils.givenName), asc(pupils.pupilId))
    .limit(limit);
  return rows.map((r) => r.pupilId);
}

/** Names and enrolments (with the school's name) of the pupils, in the order of `ids`. */
export async function pupilSearchHits(orm: Orm, ids: readonly string[]): Promise<PupilSearchHit[]> {
  if (ids.length === 0) return [];
  const names = await orm
    .select({
      pupilId: pupils.pupilId,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
    })
    .from(pupils)
    .where(inArray(pupils.pupilId, [...ids]));
  const enrolled = await orm
    .select({
      pupilId: enrolments.pupilId,
      schoolId: enrolments.schoolId,
      schoolName: schools.name,
      startDate: enrolments.startDate,
      endDate: enrolments.endDate,
    })
    .from(enrolments)
    .innerJoin(schools, eq(schools.schoolId, enrolments.schoolId))
    .where(inArray(enrolments.pupilId, [...ids]))
    .orderBy(asc(enrolments.startDate), asc(enrolments.schoolId));
  const byId = new Map(names.map((n) => [n.pupilId, n]));
  return ids.flatMap((id) => {
    const name = byId.get(id);
    if (!name) return [];
    return [
      {
        ...name,
        enrolments: enrolled.filter((e) => e.pupilId === id).map(({ pupilId: _, ...e }) => e),
      },
    ];
  });
}
