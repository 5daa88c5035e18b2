// The one authorization gate of the HTTP API (domain.md §2: access follows need-to-know; every
// read of personal data is logged). Every route calls `authorize`; it decides, writes the audit
// row for personal data (allowed and denied alike), and raises 401/403/404.
//
// `decide` holds only the rules the current endpoints need. The regional rule book lives in
// src/domain/policy; when its `decide` is committed this function delegates to it.
import type { FastifyRequest } from "fastify";
import { appendAudit } from "../db/repositories/audit.ts";
import { type Actor, requireActor } from "./auth/actor.ts";
import type { HttpContext } from "./context.ts";
import { forbidden, notFound } from "./problem.ts";

export type Action = "self.read" | "session.end" | "pupil.read" | "audit.read";

export interface EnrolmentFact {
  schoolId: string;
  startDate: string;
  endDate: string | null;
}

export type Resource =
  | { type: "self" }
  /** `found` false: the id names no pupil; decided like any pupil the actor may not see. */
  | { type: "pupil"; pupilId: string; found: boolean; enrolments: EnrolmentFact[]; today: string }
  | { type: "audit"; pupilId: string | null };

export type Decision = { allowed: true; role: string } | { allowed: false };

const SCHOOL_STAFF = new Set(["teacher", "care_coordinator", "school_head"]);
const AUDIT_READERS = new Set(["app_admin", "privacy_officer"]);

export function decide(actor: Actor, action: Action, resource: Resource): Decision {
  const grantedBy = (role: string | undefined): Decision =>
    role === undefined ? { allowed: false } : { allowed: true, role };
  switch (action) {
    case "self.read":
    case "session.end":
      return { allowed: true, role: "self" };
    case "audit.read":
      return grantedBy(actor.roles.find((r) => AUDIT_READERS.has(r.role))?.role);
    case "pupil.read": {
      if (resource.type !== "pupil" || !resource.found) return { allowed: false };
      const schools = schoolsOfCurrentYear(resource.enrolments, resource.today);
      const role = actor.roles.find(
        (r) =>
          (SCHOOL_STAFF.has(r.role) && r.schoolId != null && schools.has(r.schoolId)) ||
          (r.role === "parent" && r.pupilId === resource.pupilId),
      );
      return grantedBy(role?.role);
    }
  }
}

/** Schools where the pupil's enrolment is active today or overlaps today's school year. */
function schoolsOfCurrentYear(enrolments: EnrolmentFact[], today: string): Set<string> {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5, 7) >= "08" ? year : year - 1;
  const yearStart = `${startYear}-08-01`;
  const yearEnd = `${startYear + 1}-07-31`;
  return new Set(
    enrolments
      .filter((e) => e.startDate <= yearEnd && (e.endDate === null || e.endDate >= yearStart))
      .map((e) => e.schoolId),
  );
}

/** Resources holding personal data: every decision on them is audited, and a denial is a 404. */
function personalData(resource: Resource): { pupilId: string | null; id: string | null } | null {
  switch (resource.type) {
    case "pupil":
      return { pupilId: resource.pupilId, id: resource.pupilId };
    case "audit":
      return { pupilId: resource.pupilId, id: resource.pupilId };
    case "self":
      return null;
  }
}

export async function authorize(
  request: FastifyRequest,
  ctx: HttpContext,
  action: Action,
  resource: Resource,
): Promise<{ actor: Actor; role: string }> {
  const actor = requireActor(request);
  const decision = decide(actor, action, resource);
  const personal = personalData(resource);
  if (personal !== null) {
    await appendAudit(ctx.db.orm, {
      userId: actor.userId,
      role: decision.allowed ? decision.role : actor.roles.map((r) => r.role).join(",") || null,
      action,
      resourceType: resource.type,
      resourceId: personal.id,
      pupilId: personal.pupilId,
      context: {
        route: request.routeOptions.url ?? request.url,
        method: request.method,
        requestId: request.id,
      },
      outcome: decision.allowed ? "allowed" : "denied",
    });
  }
  if (!decision.allowed) {
    // A pupil one may not see answers exactly like one that does not exist: no existence leak.
    throw resource.type === "pupil" ? notFound() : forbidden();
  }
  return { actor, role: decision.role };
}
