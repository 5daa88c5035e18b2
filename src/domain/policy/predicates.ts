// domain.md §2: the named checks the policy rules combine ("staff see their own school's
// pupils; other professionals see a pupil only while participant in that pupil's case; …").
// Each predicate has a name so that `decide` can say which check failed.
import type { Actor, Resource, RoleGrant } from "./resources.ts";

export interface PredicateContext {
  actor: Actor;
  grant: RoleGrant;
  resource: Resource;
}

export interface Predicate {
  name: string;
  test(context: PredicateContext): boolean;
}

function predicate(name: string, test: (context: PredicateContext) => boolean): Predicate {
  return { name, test };
}

export function and(...parts: Predicate[]): Predicate {
  return predicate(parts.map((p) => p.name).join(" and "), (ctx) =>
    parts.every((p) => p.test(ctx)),
  );
}

export function or(...parts: Predicate[]): Predicate {
  return predicate(`(${parts.map((p) => p.name).join(" or ")})`, (ctx) =>
    parts.some((p) => p.test(ctx)),
  );
}

export function not(part: Predicate): Predicate {
  return predicate(`not ${part.name}`, (ctx) => !part.test(ctx));
}

export const always = predicate("always", () => true);

const pupilOf = (resource: Resource) => ("pupil" in resource ? resource.pupil : undefined);
const caseOf = (resource: Resource) =>
  resource.kind === "case" || resource.kind === "document" ? resource.case : undefined;

export const sameSchool = predicate("sameSchool", ({ grant, resource }) => {
  const pupil = pupilOf(resource);
  return !!pupil && pupil.schoolIds.some((id) => grant.schoolIds?.includes(id));
});

export const livesInMunicipality = predicate("livesInMunicipality", ({ grant, resource }) => {
  const pupil = pupilOf(resource);
  return !!pupil && !!grant.municipalities?.includes(pupil.residenceMunicipality);
});

/**
 * On a case: its own participants while it is open; on a pupil: the participants of the pupil's
 * open cases. domain.md §2: other professionals see a pupil "only while they are a participant
 * in that pupil's case" — closing the case ends that for the case file as it does for the pupil,
 * so a case list never shows a pupil whose page is closed to the same user (issue 11 item 4c).
 * The school, leerplicht of the pupil's municipality and the parents keep reading a closed case
 * through their own rules.
 */
export const isCaseParticipant = predicate("isCaseParticipant", ({ actor, resource }) => {
  const scope = caseOf(resource);
  const participants = scope
    ? scope.phase === "CLOSED"
      ? []
      : scope.participantIds
    : pupilOf(resource)?.participantIds;
  return !!participants?.includes(actor.personId);
});

export const isParentOf = predicate("isParentOf", ({ grant, resource }) => {
  const pupil = pupilOf(resource);
  return !!pupil && !!grant.childPupilIds?.includes(pupil.pupilId);
});

export const hasConsentA = predicate(
  "hasConsentA",
  ({ resource }) => !!pupilOf(resource)?.consentShareAuthorizedAbsence,
);

/** A signal that rests on unauthorized absence only: the legal duty needs no consent. */
export const onlyUnauthorizedAbsence = predicate(
  "onlyUnauthorizedAbsence",
  ({ resource }) => resource.kind === "signal" && !resource.involvesAuthorizedAbsence,
);

/** Consent (b) for the partner to be added, or a role that joins by its task. */
export const hasConsentB = predicate("hasConsentB", ({ resource }) => {
  if (resource.kind !== "case" || !resource.candidate) return false;
  return !resource.candidate.needsPartnerConsent || resource.candidate.partnerConsentGiven;
});

export const caseIsOpen = predicate("caseIsOpen", ({ resource }) => {
  const scope = caseOf(resource);
  return !!scope && scope.phase !== "CLOSED";
});

export const caseInSchoolPhase = predicate(
  "caseInSchoolPhase",
  ({ resource }) => caseOf(resource)?.phase === "SCHOOL",
);

export const jgzOnly = predicate(
  "jgzOnly",
  ({ resource }) => resource.kind === "document" && resource.visibility === "jgz_only",
);

export const sharedWithParents = predicate(
  "sharedWithParents",
  ({ resource }) => resource.kind === "document" && resource.visibility === "also_parents",
);

/** A set-up record of one of the grant's municipalities (or a list, filtered by the route). */
export const inOwnMunicipality = predicate("inOwnMunicipality", ({ grant, resource }) => {
  if (resource.kind !== "region_setup") return false;
  return (
    resource.municipality === undefined || !!grant.municipalities?.includes(resource.municipality)
  );
});

/** domain.md §4: a leave request up to 10 school days is the school head's to decide. */
export const decidedBySchoolHead = predicate(
  "decidedBySchoolHead",
  ({ resource }) => resource.kind === "leave_request" && resource.decider === "school_head",
);

/** domain.md §4: a leave request above 10 school days is leerplicht's to decide. */
export const decidedByLeerplicht = predicate(
  "decidedByLeerplicht",
  ({ resource }) => resource.kind === "leave_request" && resource.decider === "attendance_officer",
);

/**
 * A column mapping of one of the grant's schools (or the list, filtered by the route): a school's
 * own source. A region-wide mapping (schoolId null) is not a school's.
 */
export const ownSchoolSource = predicate("ownSchoolSource", ({ grant, resource }) => {
  if (resource.kind !== "import_mapping") return false;
  if (resource.schoolId === undefined) return true;
  return resource.schoolId !== null && !!grant.schoolIds?.includes(resource.schoolId);
});

// The warm handover PO→VO (issue 15 item 6): the school that sends it, the school that receives
// it, the partnerships of both, and consent (b) naming the receiving school.
const handoverOf = (resource: Resource) => (resource.kind === "handover" ? resource : undefined);

export const isSendingSchool = predicate("isSendingSchool", ({ grant, resource }) => {
  const handover = handoverOf(resource);
  return !!handover && !!grant.schoolIds?.includes(handover.sendingSchoolId);
});

export const isReceivingSchool = predicate("isReceivingSchool", ({ grant, resource }) => {
  const handover = handoverOf(resource);
  return !!handover && !!grant.schoolIds?.includes(handover.receivingSchoolId);
});

export const inHandoverPartnership = predicate("inHandoverPartnership", ({ grant, resource }) => {
  const handover = handoverOf(resource);
  return !!handover && handover.partnerships.some((p) => grant.partnerships?.includes(p));
});

export const hasHandoverConsent = predicate(
  "hasHandoverConsent",
  ({ resource }) => !!handoverOf(resource)?.consentGiven,
);
/** A service token whose scopes include `imports:KIND` for the file's kind. */
export const hasImportScope = predicate("hasImportScope", ({ grant, resource }) => {
  if (resource.kind !== "import" || resource.importKind === undefined) return false;
  return !!grant.scopes?.includes(`imports:${resource.importKind}`);
});

/** An attendance file, delivered for the grant's own schools (a care coordinator's). */
export const ownSchoolAttendance = predicate("ownSchoolAttendance", ({ grant, resource }) => {
  if (resource.kind !== "import") return false;
  return resource.importKind === "attendance" && (grant.schoolIds?.length ?? 0) > 0;
});

/** A delivered file of the actor's own account (or of the token's account). */
export const deliveredByActor = predicate("deliveredByActor", ({ actor, resource }) => {
  return resource.kind === "import" && resource.deliveredBy === actor.userId;
});
