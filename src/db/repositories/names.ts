// The names people read beside the ids (issue 11, item 3): pupils' given and family name and
// schools' names, looked up for rows the caller has already decided the user may see.
import { inArray } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { users } from "../schema/access.ts";
import { pupils, schools } from "../schema/region.ts";

export async function pupilNamesOf(
  orm: Orm,
  pupilIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(pupilIds)].filter((id) => id !== "");
  if (ids.length === 0) return new Map();
  const rows = await orm
    .select({ id: pupils.pupilId, given: pupils.givenName, family: pupils.familyName })
    .from(pupils)
    .where(inArray(pupils.pupilId, ids));
  return new Map(rows.map((r) => [r.id, `${r.given} ${r.family}`]));
}

export async function schoolNamesOf(
  orm: Orm,
  schoolIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(schoolIds)].filter((id) => id !== "");
  if (ids.length === 0) return new Map();
  const rows = await orm
    .select({ id: schools.schoolId, name: schools.name })
    .from(schools)
    .where(inArray(schools.schoolId, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The pupil's and the school's name of each row (a record a school keeps about a pupil: a DUO
 * report, a leave request, a referral), each the id where no name is known.
 */
export async function pupilAndSchoolNamesOf(
  orm: Orm,
  rows: readonly { pupil_id: string; school_id: string }[],
) {
  const pupilNames = await pupilNamesOf(
    orm,
    rows.map((r) => r.pupil_id),
  );
  const schoolNames = await schoolNamesOf(
    orm,
    rows.map((r) => r.school_id),
  );
  return {
    pupilName: (r: { pupil_id: string }) => pupilNames.get(r.pupil_id) ?? r.pupil_id,
    schoolName: (r: { school_id: string }) => schoolNames.get(r.school_id) ?? r.school_id,
  };
}

/** The display names of people (users) taking part in a case the caller may read. */
export async function personNamesOf(
  orm: Orm,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(personIds)].filter((id) => id !== "");
  if (ids.length === 0) return new Map();
  const rows = await orm
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}
