// Authorization for the case commands and case reads (domain.md §2): gathers the facts of a
// case and its pupil into the policy's terms (src/domain/policy/resources.ts), asks
// src/domain/policy's `decide` grant by grant (so the audit row names the role that opened the
// door), and writes the audit row — allowed and denied alike. A denial on a case the actor may
// not even read is `not_found` (no existence leak); on a case they may read it is `forbidden`.

import type { Orm } from "../db/connect.ts";
import { appendAudit } from "../db/repositories/audit.ts";
import type { PupilFile } from "../db/repositories/cases-pupil.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type ConsentFile, hasConsent } from "../domain/cases/consent.ts";
import { activeParticipants, type Case } from "../domain/cases/model.ts";
import { decide } from "../domain/policy/policy.ts";
import type {
  Action,
  CandidateScope,
  DocumentVisibility,
  Actor as PolicyActor,
  PupilScope,
  Resource,
} from "../domain/policy/resources.ts";
import type { RoleCode } from "../domain/policy/roles.ts";

/** Who runs a command: the user, their policy grants, and where the request came from. */
export interface CommandActor {
  userId: string;
  policy: PolicyActor;
  origin: { route: string; method: string; requestId?: string };
}

export type Refusal =
  | { ok: false; error: "not_found"; message: string }
  | { ok: false; error: "forbidden"; message: string };

/**
 * Schools of enrolments active at some time in the school year of `today` (1 August – 31 July):
 * a school keeps seeing a pupil who left during the year (the same reading as the pupil API).
 */
export function schoolsOfSchoolYear(
  enrolments: readonly { schoolId: string; startDate: string; endDate: string | null }[],
  today: IsoDate,
): string[] {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5, 7) >= "08" ? year : year - 1;
  const yearStart = `${startYear}-08-01`;
  const yearEnd = `${startYear + 1}-07-31`;
  return [
    ...new Set(
      enrolments
        .filter((e) => e.startDate <= yearEnd && (e.endDate === null || e.endDate >= yearStart))
        .map((e) => e.schoolId),
    ),
  ];
}

export interface PupilFacts {
  pupil: PupilFile;
  /** Active participants of all the pupil's open cases. */
  participantIds: readonly string[];
  consent: ConsentFile;
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

export function caseResource(
  c: Case,
  facts: PupilFacts,
  today: IsoDate,
  candidate?: CandidateScope,
): Resource {
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
  if (scope.kind !== "case") throw new Error("unreachable");
  return { kind: "document", pupil: scope.pupil, case: scope.case, visibility };
}

export type Grant =
  | { allowed: true; role: RoleCode; reason: string }
  | { allowed: false; reason: string };

/** decide() grant by grant: the first grant that allows names the role. */
export function grantFor(actor: PolicyActor, action: Action, resource: Resource): Grant {
  for (const grant of actor.grants) {
    const single = decide({ ...actor, grants: [grant] }, action, resource);
    if (single.allowed) return { allowed: true, role: grant.role, reason: single.reason };
  }
  return { allowed: false, reason: decide(actor, action, resource).reason };
}

export interface AuditTarget {
  pupilId: string;
  caseId: string | null;
  resourceType: string;
  resourceId: string | null;
}

export async function auditDecision(
  orm: Orm,
  actor: CommandActor,
  action: string,
  target: AuditTarget,
  grant: Grant,
  extra: Record<string, string> = {},
): Promise<void> {
  await appendAudit(orm, {
    userId: actor.userId,
    role: grant.allowed ? grant.role : actor.policy.grants.map((g) => g.role).join(",") || null,
    action,
    resourceType: target.resourceType,
    resourceId: target.resourceId,
    pupilId: target.pupilId,
    context: {
      ...actor.origin,
      ...(target.caseId ? { caseId: target.caseId } : {}),
      reason: grant.reason,
      ...extra,
    },
    outcome: grant.allowed ? "allowed" : "denied",
  });
}

/**
 * The gate of every case command: decides `action` on the case, writes the audit row, and
 * answers the role that allowed it or a refusal (404 when the case is not even readable).
 */
export async function authorizeOnCase(
  orm: Orm,
  actor: CommandActor,
  action: Action,
  c: Case,
  facts: PupilFacts,
  today: IsoDate,
  options: { candidate?: CandidateScope; command: string } = { command: action },
): Promise<{ ok: true; role: RoleCode } | Refusal> {
  const resource = caseResource(c, facts, today, options.candidate);
  const grant = grantFor(actor.policy, action, resource);
  await auditDecision(
    orm,
    actor,
    options.command,
    { pupilId: c.pupilId, caseId: c.id, resourceType: "case", resourceId: c.id },
    grant,
  );
  if (grant.allowed) return { ok: true, role: grant.role };
  const readable = grantFor(actor.policy, "read_case", caseResource(c, facts, today)).allowed;
  return readable
    ? { ok: false, error: "forbidden", message: grant.reason }
    : { ok: false, error: "not_found", message: "No such case, or not one you may see." };
}
