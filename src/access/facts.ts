// The facts the policy rules need (src/domain/policy/resources.ts), gathered from the database
// at the moment of access: a pupil's schools this school year, residence, the participants of
// their open cases and consent (a). One place builds them, for one pupil or many in a few queries.
import { inArray } from "drizzle-orm";
import type { Orm } from "../db/connect.ts";
import { activeParticipantsOfPupil } from "../db/repositories/cases.ts";
import { caseAccessFactsOf } from "../db/repositories/cases-access-facts.ts";
import { loadPupilFile, loadPupilFiles, type PupilFile } from "../db/repositories/cases-pupil.ts";
import { loadConsentFile } from "../db/repositories/consent.ts";
import { inSequence } from "../db/repositories/in-sequence.ts";
import { population } from "../db/schema/region.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type EnrolmentSpan, schoolsOfSchoolYear } from "../domain/calendar/school-year.ts";
import { type ConsentFile, hasConsent } from "../domain/cases/consent.ts";
import { activeParticipants, type Case } from "../domain/cases/model.ts";
import type {
  CandidateScope,
  DocumentVisibility,
  PupilScope,
  Resource,
} from "../domain/policy/resources.ts";
import { involvesAuthorizedAbsence } from "../domain/signals/authorized-absence.ts";
import type { Signal } from "../domain/signals/types.ts";

export interface PupilFacts {
  pupil: PupilFile;
  /** Active participants of all the pupil's open cases. */
  participantIds: readonly string[];
  consent: ConsentFile;
}

/** The lighter facts of a pupil read (no consent needed to read the record itself). */
export interface PupilRecordFacts {
  residenceMunicipality: string;
  enrolments: readonly EnrolmentSpan[];
  participantIds: readonly string[];
}

export async function loadPupilFacts(orm: Orm, pupilId: string): Promise<PupilFacts | undefined> {
  const [pupil, consent, participantIds] = await inSequence([
    () => loadPupilFile(orm, pupilId),
    () => loadConsentFile(orm, pupilId),
    () => activeParticipantsOfPupil(orm, pupilId),
  ] as const);
  if (!pupil || !consent) return undefined;
  return { pupil, consent, participantIds };
}

/** The facts of many pupils in four queries. */
export async function pupilFactsOf(
  orm: Orm,
  pupilIds: readonly string[],
): Promise<Map<string, PupilFacts>> {
  const files = await loadPupilFiles(orm, pupilIds);
  const access = await caseAccessFactsOf(orm, pupilIds);
  const facts = new Map<string, PupilFacts>();
  for (const [id, pupil] of files) {
    const a = access.get(id);
    facts.set(id, {
      pupil,
      participantIds: a?.participantIds ?? [],
      consent: { childBirthDate: pupil.birthDate, records: a?.consentRecords ?? [] },
    });
  }
  return facts;
}

/** A pupil record as the policy sees it; consent (a) is not looked at for reading the record. */
export function recordScope(pupilId: string, facts: PupilRecordFacts, today: IsoDate): PupilScope {
  return {
    pupilId,
    schoolIds: schoolsOfSchoolYear(facts.enrolments, today),
    residenceMunicipality: facts.residenceMunicipality,
    participantIds: facts.participantIds,
    consentShareAuthorizedAbsence: false,
  };
}

export function pupilScope(facts: PupilFacts, today: IsoDate, extraSchool?: string): PupilScope {
  const schools = schoolsOfSchoolYear(facts.pupil.enrolments, today);
  return {
    pupilId: facts.pupil.pupilId,
    // A case belongs to its school even after the pupil left it.
    schoolIds: extraSchool && !schools.includes(extraSchool) ? [...schools, extraSchool] : schools,
    residenceMunicipality: facts.pupil.municipality,
    participantIds: facts.participantIds,
    consentShareAuthorizedAbsence: hasConsent(
      facts.consent,
      "share_authorized_absence_with_leerplicht",
      undefined,
      today,
    ),
  };
}

/** The policy's view of pupils and, for registered persons who are no pupil, of persons. */
export async function pupilScopesOf(
  orm: Orm,
  ids: readonly string[],
  today: IsoDate,
): Promise<Map<string, PupilScope>> {
  const scopes = new Map<string, PupilScope>();
  for (const [id, facts] of await pupilFactsOf(orm, ids)) scopes.set(id, pupilScope(facts, today));
  const missing = ids.filter((id) => !scopes.has(id));
  if (missing.length > 0) {
    for (const p of await orm
      .select({ id: population.personId, municipality: population.municipality })
      .from(population)
      .where(inArray(population.personId, missing))) {
      scopes.set(p.id, {
        pupilId: p.id,
        schoolIds: [],
        residenceMunicipality: p.municipality,
        participantIds: [],
        consentShareAuthorizedAbsence: false,
      });
    }
  }
  return scopes;
}

export function caseResource(
  c: Case,
  facts: PupilFacts,
  today: IsoDate,
  candidate?: CandidateScope,
): Extract<Resource, { kind: "case" }> {
  return {
    kind: "case",
    pupil: pupilScope(facts, today, c.schoolId),
    case: {
      id: c.id,
      phase: c.phase,
      participantIds: activeParticipants(c).map((p) => p.personId),
    },
    ...(candidate ? { candidate } : {}),
  };
}

export function documentResource(
  c: Case,
  facts: PupilFacts,
  today: IsoDate,
  visibility: DocumentVisibility,
): Resource {
  const scope = caseResource(c, facts, today);
  return { kind: "document", pupil: scope.pupil, case: scope.case, visibility };
}

/**
 * The policy's view of one signal. A signal of a (pupil, school) unit is that school's: staff of
 * another school the same pupil attends do not see it (need-to-know; the same reading as the DUO
 * reports). Population signals have no school and keep the pupil's schools.
 */
export function signalResource(
  signal: Pick<Signal, "code" | "attributes" | "schoolId">,
  pupil: PupilScope,
): Resource {
  const schoolIds = signal.schoolId
    ? pupil.schoolIds.filter((id) => id === signal.schoolId)
    : pupil.schoolIds;
  return {
    kind: "signal",
    pupil: { ...pupil, schoolIds },
    involvesAuthorizedAbsence: involvesAuthorizedAbsence(signal),
  };
}
