// domain.md §5: a case is opened from one or more signals or by hand ("a teacher's worry is
// enough"), by someone who may open a case for the pupil (policy action open_case on the
// pupil). The opener becomes the case owner (casusverantwoordelijke) and first participant.
// A pupil has at most one open case (issue 20 item 8b): a second is refused, naming the first.
import { randomUUID } from "node:crypto";
import { type AccessActor, gate, loadPupilFacts, pupilScope } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { findOpenCaseIdOfPupil, insertCase } from "../db/repositories/cases.ts";
import { regionClockMode } from "../db/repositories/region-settings.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { schoolsOfSchoolYear } from "../domain/calendar/school-year.ts";
import { type Case, type CaseOpening, type ClockMode, openCase } from "../domain/cases/model.ts";
import { personRole, SCHOOL_STAFF_ROLES } from "../domain/policy/roles.ts";
import { organisationOfGrant } from "./grant-organisation.ts";
import { type CommandResult, NOT_FOUND } from "./run-on-case.ts";

export interface OpenCaseInput {
  pupilId: string;
  /** Defaults to the pupil's school this school year (the only one, or the latest enrolment). */
  schoolId?: string;
  opening: CaseOpening;
  absenceStartDate: IsoDate;
  absenceStartedSick?: boolean;
  clockMode?: ClockMode;
}

/** The pupil has an open case already; the refusal names it so a client can go there. */
export interface CaseAlreadyOpen {
  ok: false;
  error: "case_already_open";
  message: string;
  existingCaseId: string;
}

const ONE_OPEN_CASE_INDEX = "cases_one_open_per_pupil_idx";

const caseAlreadyOpen = (existingCaseId: string): CaseAlreadyOpen => ({
  ok: false,
  error: "case_already_open",
  message: "Deze leerling heeft al een open casus; werk in die casus verder.",
  existingCaseId,
});

export async function openCaseCommand(
  db: Database,
  actor: AccessActor,
  input: OpenCaseInput,
  today: IsoDate,
): Promise<CommandResult<{ case: Case }> | CaseAlreadyOpen> {
  try {
    return await openInTransaction(db, actor, input, today);
  } catch (error) {
    // Two requests at once both found no open case; the index let one of them in.
    if (!isUniqueViolation(error, ONE_OPEN_CASE_INDEX)) throw error;
    const existing = await findOpenCaseIdOfPupil(db.orm, input.pupilId);
    if (existing === undefined) throw error;
    return caseAlreadyOpen(existing);
  }
}

function openInTransaction(
  db: Database,
  actor: AccessActor,
  input: OpenCaseInput,
  today: IsoDate,
): Promise<CommandResult<{ case: Case }> | CaseAlreadyOpen> {
  return db.transaction(async (tx) => {
    const facts = await loadPupilFacts(tx.orm, input.pupilId);
    if (!facts) return NOT_FOUND;
    const resource = { kind: "pupil", pupil: pupilScope(facts, today) } as const;
    const grant = await gate(
      tx.orm,
      actor,
      "open_case",
      resource,
      {
        action: "open_case",
        resourceType: "pupil",
        resourceId: input.pupilId,
        pupilId: input.pupilId,
      },
      { visibleWith: { action: "read_pupil" } },
    );
    if (!grant.ok) return grant.error === "forbidden" ? grant : NOT_FOUND;
    const schools = schoolsOfSchoolYear(facts.pupil.enrolments, today);
    // School staff open a case for their own school (a pupil may have had two this year);
    // leerplicht for the pupil's latest school unless it names one.
    const isStaff = (SCHOOL_STAFF_ROLES as readonly string[]).includes(grant.role);
    const ownSchools = isStaff
      ? (actor.policy.grants.find((g) => g.role === grant.role)?.schoolIds ?? [])
      : schools;
    const schoolId = input.schoolId ?? schools.filter((s) => ownSchools.includes(s)).at(-1);
    if (!schoolId || !schools.includes(schoolId) || !ownSchools.includes(schoolId)) {
      return {
        ok: false,
        error: "school_required",
        message: isStaff
          ? "A school opens a case for its own pupil, at its own school."
          : "The case needs a school of the pupil.",
      };
    }
    const opened = openCase({
      id: randomUUID(),
      pupilId: input.pupilId,
      schoolId,
      openedAt: today,
      opening: input.opening,
      absenceStartDate: input.absenceStartDate,
      absenceStartedSick: input.absenceStartedSick ?? false,
      owner: {
        personId: actor.userId,
        role: personRole(grant.role),
        organisation: organisationOfGrant(
          actor,
          personRole(grant.role),
          schoolId,
          facts.pupil.municipality,
        ),
      },
      // The region's clock mode (domain.md §5 "policy setting"), unless the opener chose one.
      clockMode: input.clockMode ?? (await regionClockMode(tx)),
    });
    if (!opened.ok) return opened;
    // Last, after the authorization and the request's own checks: only someone who may open
    // this case learns that one exists, and a repeated valid request gets this answer.
    const existing = await findOpenCaseIdOfPupil(tx.orm, input.pupilId);
    if (existing !== undefined) return caseAlreadyOpen(existing);
    await insertCase(tx.orm, opened.case);
    return { ok: true, case: opened.case };
  });
}
