// domain.md §5 "The plan" (a named case owner always exists) and "Informed consent" (b): without
// consent to involve a named partner, that partner cannot be added to the case.
//
// Reading: the school's own staff, the mandated case director and the attendance officer take
// part by their task (the Leerplichtwet and the regional mandate), so they join without consent
// (b); every other role (partnership, youth doctor, youth care, breakthrough-team members) is a
// partner and needs consent (b) for its organisation.
import type { IsoDate } from "../calendar/dates.ts";
import type { RoleCode } from "../policy/roles.ts";
import { type ConsentFile, hasConsent } from "./consent.ts";
import {
  activeParticipants,
  type Case,
  type CasePerson,
  type Participant,
  type ParticipationEndReason,
} from "./model.ts";
import { err, type Result } from "./result.ts";

const ROLES_JOINING_BY_TASK: ReadonlySet<RoleCode> = new Set<RoleCode>([
  "teacher",
  "care_coordinator",
  "school_head",
  "case_director",
  "attendance_officer",
]);

const ROLES_NEVER_PARTICIPANT: ReadonlySet<RoleCode> = new Set<RoleCode>([
  "parent",
  "policy_officer",
  "app_admin",
  "privacy_officer",
]);

export function needsPartnerConsent(person: CasePerson): boolean {
  return !ROLES_JOINING_BY_TASK.has(person.role);
}

/** Whether a person holding this role can take part in a case at all (not parents, policy, admin). */
export function canTakePart(role: RoleCode): boolean {
  return !ROLES_NEVER_PARTICIPANT.has(role);
}

/**
 * domain.md §5 "The plan": an action's owner is a person *and* their organisation. The
 * organisation follows the chosen person: for someone taking part in the case, the organisation
 * they take part for (whatever the client sent, which may be a stale form value); for anyone
 * else (a mentor not in the case), what the caller names.
 */
export function actionOwnerOrganisation(
  c: Case,
  ownerPersonId: string,
  named: string | undefined,
): string {
  const participant = activeParticipants(c).find((p) => p.personId === ownerPersonId);
  return participant?.organisation ?? named?.trim() ?? "";
}

export function isActiveParticipant(c: Case, personId: string): boolean {
  return activeParticipants(c).some((p) => p.personId === personId);
}

/** Makes the person owner, adding them as participant when needed. No checks: callers check. */
export function withOwner(c: Case, person: CasePerson, at: IsoDate): Case {
  const participants = isActiveParticipant(c, person.personId)
    ? c.participants
    : [...c.participants, { ...person, since: at }];
  return { ...c, owner: person, participants };
}

export type ParticipantError =
  | "case_closed"
  | "not_a_case_role"
  | "already_participant"
  | "partner_consent_missing"
  | "not_participant"
  | "would_leave_without_owner"
  | "owner_required";

export type ParticipantResult = Result<{ case: Case }, ParticipantError>;

export function addParticipant(
  c: Case,
  person: CasePerson,
  consent: ConsentFile,
  at: IsoDate,
): ParticipantResult {
  if (c.phase === "CLOSED") return err("case_closed", "A closed case takes no new participants.");
  if (ROLES_NEVER_PARTICIPANT.has(person.role)) {
    return err("not_a_case_role", `A ${person.role} does not take part in a case as professional.`);
  }
  if (isActiveParticipant(c, person.personId)) {
    return err("already_participant", "The person already takes part in the case.");
  }
  if (
    needsPartnerConsent(person) &&
    !hasConsent(consent, "involve_partner", person.organisation, at)
  ) {
    return err(
      "partner_consent_missing",
      `No consent (b) to involve ${person.organisation} in this case.`,
    );
  }
  return { ok: true, case: { ...c, participants: [...c.participants, { ...person, since: at }] } };
}

/**
 * The owner cannot simply leave: name a new owner first (setOwner), then remove. `because` says
 * when the law ended it (consent withdrawn) rather than a person's decision.
 */
export function removeParticipant(
  c: Case,
  personId: string,
  at: IsoDate,
  because?: ParticipationEndReason,
): ParticipantResult {
  if (!isActiveParticipant(c, personId)) return err("not_participant", "Not a participant.");
  if (c.owner.personId === personId) {
    return err("would_leave_without_owner", "Name another case owner before removing the owner.");
  }
  const participants = c.participants.map((p) =>
    p.personId === personId && p.until === undefined
      ? { ...p, until: at, ...(because ? { endedBecause: because } : {}) }
      : p,
  );
  return { ok: true, case: { ...c, participants } };
}

/**
 * domain.md §5 "Informed consent": consent (b) for `organisation` is given again after a
 * withdrawal. The people whose participation ended *because of* that withdrawal take part again
 * from `at` (a new participation; the ended one stays in the history). Someone whose last
 * participation was ended by a person (finished, left) or who takes part already stays as is.
 * Returns the case and the person ids restored; callers check that the consent holds.
 */
export function restoreAfterConsent(
  c: Case,
  organisation: string,
  at: IsoDate,
): { case: Case; restored: string[] } {
  if (c.phase === "CLOSED") return { case: c, restored: [] };
  const lastByPerson = new Map<string, Participant>();
  for (const p of c.participants) lastByPerson.set(p.personId, p);
  const back: Participant[] = [];
  for (const last of lastByPerson.values()) {
    if (last.until === undefined || last.endedBecause !== "consent_withdrawn") continue;
    if (last.organisation !== organisation) continue;
    const { personId, role } = last;
    back.push({ personId, role, organisation, since: at });
  }
  if (back.length === 0) return { case: c, restored: [] };
  return {
    case: { ...c, participants: [...c.participants, ...back] },
    restored: back.map((p) => p.personId),
  };
}

/**
 * domain.md §5 BREAKTHROUGH ("the team … meets"): convening makes the team's members with an
 * account participants, so the case reaches them. They take part as the team (`organisation` is
 * the team's name); a member who is a partner needs consent (b) for the team like any partner
 * ("Without (b) a partner cannot be added"), so without it they are left out and listed in
 * `withoutConsent`. Members taking part already are left as they are.
 */
export function teamJoins(
  c: Case,
  members: readonly CasePerson[],
  consent: ConsentFile,
  at: IsoDate,
): { case: Case; joined: string[]; withoutConsent: string[] } {
  let next = c;
  const joined: string[] = [];
  const withoutConsent: string[] = [];
  for (const member of members) {
    if (isActiveParticipant(next, member.personId)) continue;
    const added = addParticipant(next, member, consent, at);
    if (added.ok) {
      next = added.case;
      joined.push(member.personId);
    } else if (added.error === "partner_consent_missing") {
      withoutConsent.push(member.personId);
    }
  }
  return { case: next, joined, withoutConsent };
}

/** A new owner must already take part (so consent (b) was checked when they joined). */
export function setOwner(c: Case, personId: string): ParticipantResult {
  if (personId.trim() === "") return err("owner_required", "The case owner must be named.");
  const participant = activeParticipants(c).find((p) => p.personId === personId);
  if (!participant) return err("not_participant", "The new owner must take part in the case.");
  const { personId: id, role, organisation } = participant;
  return { ok: true, case: { ...c, owner: { personId: id, role, organisation } } };
}
