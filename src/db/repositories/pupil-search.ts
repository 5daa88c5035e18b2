// Candidates for the pupil search (GET /api/pupils?q=): pupils whose name contains the term or
// whose number starts with it, narrowed to the reach of the user's grants (school, municipality,
// own case, own child) so the policy, which decides per pupil afterwards, has few to look at.
import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { caseParticipants, cases } from "../schema/cases.ts";
import { enrolments, pupils, schools } from "../schema/region.ts";

export interface SearchReach {
  schoolIds: readonly string[];
  municipalities: readonly string[];
  childPupilIds: readonly string[];
  /** The user's person id: pupils of the open cases the user takes part in. */
  participantId: string | null;
}

export interface PupilCandidate {
  pupilId: string;
  givenName: string;
  familyName: string;
  municipality: string;
  enrolments: { schoolId: string; schoolName: string; startDate: string; endDate: string | null }[];
  participantIds: string[];
}

const likeEscaped = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchPupilCandidates(
  orm: Orm,
  term: string,
  reach: SearchReach,
  limit: number,
): Promise<PupilCandidate[]> {
  const scopes: SQL[] = [];
  if (reach.schoolIds.length > 0) {
    scopes.push(
      inArray(
        pupils.pupilId,
        orm
          .select({ id: enrolments.pupilId })
          .from(enrolments)
          .where(inArray(enrolments.schoolId, [...reach.schoolIds])),
      ),
    );
  }
  if (reach.municipalities.length > 0) {
    scopes.push(inArray(pupils.municipality, [...reach.municipalities]));
  }
  if (reach.childPupilIds.length > 0) {
    scopes.push(inArray(pupils.pupilId, [...reach.childPupilIds]));
  }
  if (reach.participantId) {
    scopes.push(
      inArray(
        pupils.pupilId,
        orm
          .select({ id: cases.pupilId })
          .from(caseParticipants)
          .innerJoin(cases, eq(cases.id, caseParticipants.caseId))
          .where(
            and(
              eq(caseParticipants.personId, reach.participantId),
              isNull(caseParticipants.until),
              ne(cases.phase, "CLOSED"),
            ),
          ),
      ),
    );
  }
  if (scopes.length === 0) return [];
  const escaped = likeEscaped(term);
  const rows = await orm
    .select({
      pupilId: pupils.pupilId,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      municipality: pupils.municipality,
    })
    .from(pupils)
    .where(
      and(
        or(...scopes),
        or(
          sql`(${pupils.givenName} || ' ' || ${pupils.familyName}) ilike ${`%${escaped}%`}`,
          sql`${pupils.pupilId} ilike ${`${escaped}%`}`,
        ),
      ),
    )
    .orderBy(asc(pupils.familyName), asc(pupils.givenName), asc(pupils.pupilId))
    .limit(limit);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.pupilId);
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
    .where(inArray(enrolments.pupilId, ids))
    .orderBy(asc(enrolments.startDate), asc(enrolments.schoolId));
  const participants = await orm
    .select({ pupilId: cases.pupilId, personId: caseParticipants.personId })
    .from(caseParticipants)
    .innerJoin(cases, eq(cases.id, caseParticipants.caseId))
    .where(
      and(inArray(cases.pupilId, ids), ne(cases.phase, "CLOSED"), isNull(caseParticipants.until)),
    );
  return rows.map((r) => ({
    ...r,
    enrolments: enrolled.filter((e) => e.pupilId === r.pupilId).map(({ pupilId: _, ...e }) => e),
    participantIds: [
      ...new Set(participants.filter((p) => p.pupilId === r.pupilId).map((p) => p.personId)),
    ],
  }));
}
