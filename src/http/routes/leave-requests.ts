// Leave requests (verlof, domain.md §4: Leerplichtwet art. 11/13a/14): the list each role may
// see (parents their children's, the school its pupils', leerplicht the requests above 10 school
// days of its residents), registering a request (parent or school), one request, and the
// decision by the school head (≤ 10 school days) or leerplicht (above). The rules are
// src/domain/leave; who may do what src/domain/policy/rules.ts. Every read and change is audited.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AccessActor, may, pupilScopesOf } from "../../access/index.ts";
import { pupilAndSchoolNamesOf } from "../../db/repositories/names.ts";
import {
  LEAVE_KINDS,
  LEAVE_RULE_TEXT_NL,
  LEAVE_STATUSES,
  type LeaveRuleViolation,
  type LeaveStatus,
} from "../../domain/leave/rules.ts";
import type { PupilScope, Resource } from "../../domain/policy/resources.ts";
import {
  checkRequest,
  decideLeaveRequest,
  type LeaveRequestRow,
  listLeaveRequests,
  loadLeaveRequest,
  registerLeaveRequest,
  schoolOfPupilOn,
} from "../../services/leave-requests.ts";
import type { HttpContext } from "../context.ts";
import { LongText, PupilId, RecordId } from "../input-schemas.ts";
import { notFound, problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, today } from "./cases-http.ts";
import {
  admitNewRecord,
  authorizedRecord,
  type PupilRecordKind,
  visibleRecords,
} from "./pupil-records-http.ts";

const VIOLATIONS = Object.keys(LEAVE_RULE_TEXT_NL) as [LeaveRuleViolation, ...LeaveRuleViolation[]];

const RuleSchema = z.object({
  code: z.enum(VIOLATIONS),
  text: z.string().describe("the rule in Dutch, as the decision states it"),
});

export const LeaveRequestSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    pupil_name: z.string(),
    school_id: z.string(),
    school_name: z.string(),
    kind: z
      .enum(LEAVE_KINDS)
      .describe("job_holiday (art. 13a) or important_circumstances (art. 14)"),
    start_date: z.iso.date(),
    end_date: z.iso.date(),
    reason: z.string(),
    school_days: z.number().int().describe("school days of the pupil's school in the period"),
    decider: z
      .enum(["school_head", "attendance_officer"])
      .describe("the school head up to 10 school days, leerplicht above (domain.md §4)"),
    status: z.enum(LEAVE_STATUSES),
    requested_by_kind: z.enum(["parent", "school"]),
    requested_on: z.iso.date(),
    decided_on: z.iso.date().nullable(),
    decision_reason: z.string().nullable(),
    objection_route: z.string().nullable().describe("the route of objection the decision names"),
    rules: z
      .array(RuleSchema)
      .describe(
        "the §4 rules the request breaks: now while it waits, as decided once it is decided",
      ),
    may_decide: z.boolean().describe("whether this user may decide it now"),
  })
  .meta({ id: "LeaveRequest" });

type LeaveRequestOut = z.infer<typeof LeaveRequestSchema>;

/** The pupil as seen from the request's school (like a DUO report: the school's own record). */
export function leaveResource(
  pupil: PupilScope,
  schoolId: string,
  decider?: LeaveRequestRow["decider"],
): Resource {
  return {
    kind: "leave_request",
    pupil: { ...pupil, schoolIds: pupil.schoolIds.filter((id) => id === schoolId) },
    ...(decider ? { decider } : {}),
  };
}

const LEAVE_REQUESTS: PupilRecordKind<"leave_request", LeaveRequestRow, LeaveStatus> = {
  kind: "leave_request",
  readAction: "read_leave_requests",
  listAction: "list_leave_requests",
  listRefused: "Only parents, the school and leerplicht see leave requests.",
  load: loadLeaveRequest,
  list: listLeaveRequests,
  resourceOf: (r, pupil) => leaveResource(pupil, r.school_id, r.decider),
};

function rulesOf(codes: readonly LeaveRuleViolation[]) {
  return codes.map((code) => ({ code, text: LEAVE_RULE_TEXT_NL[code] }));
}

async function present(
  ctx: HttpContext,
  actor: AccessActor,
  rows: readonly LeaveRequestRow[],
  scopes: Map<string, PupilScope>,
): Promise<LeaveRequestOut[]> {
  const names = await pupilAndSchoolNamesOf(ctx.db.orm, rows);
  const out: LeaveRequestOut[] = [];
  for (const r of rows) {
    const pupil = scopes.get(r.pupil_id);
    const waiting = r.status === "requested";
    const violations = waiting
      ? ((await checkRequest(ctx.db.sql, r))?.violations ?? [])
      : r.rule_violations;
    out.push({
      id: r.id,
      pupil_id: r.pupil_id,
      pupil_name: names.pupilName(r),
      school_id: r.school_id,
      school_name: names.schoolName(r),
      kind: r.kind,
      start_date: r.start_date,
      end_date: r.end_date,
      reason: r.reason,
      school_days: r.school_days,
      decider: r.decider,
      status: r.status,
      requested_by_kind: r.requested_by_kind,
      requested_on: r.requested_on,
      decided_on: r.decided_on,
      decision_reason: r.decision_reason,
      objection_route: r.objection_route,
      rules: rulesOf(violations),
      may_decide:
        waiting &&
        !!pupil &&
        may(actor, "decide_leave", leaveResource(pupil, r.school_id, r.decider)).ok,
    });
  }
  return out;
}

const Params = z.object({ id: RecordId });

export function registerLeaveRequestRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/leave-requests",
    {
      schema: {
        summary:
          "Leave requests the user may see: a parent's children's, the school's pupils', and " +
          "those leerplicht decides (above 10 school days) for its residents",
        tags: ["leave-requests"],
        querystring: z.object({
          status: z.enum(LEAVE_STATUSES).optional(),
          pupil_id: PupilId.optional(),
        }),
        response: { 200: z.array(LeaveRequestSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { rows, scopes } = await visibleRecords(ctx, actor, LEAVE_REQUESTS, request.query);
      return present(ctx, actor, rows, scopes);
    },
  );

  typed.post(
    "/api/leave-requests",
    {
      schema: {
        summary:
          "Registers a leave request (by a parent for their child, or by the school) with its " +
          "reason and dates; the answer names who decides and what the §4 rules say about it",
        tags: ["leave-requests"],
        body: z
          .object({
            pupil_id: PupilId,
            kind: z.enum(LEAVE_KINDS),
            start_date: IsoDate,
            end_date: IsoDate,
            reason: LongText.trim().min(1),
          })
          .strict(),
        response: { 201: LeaveRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = commandActor(request);
      const body = request.body;
      const schoolId = await schoolOfPupilOn(ctx.db.sql, body.pupil_id, body.start_date);
      const scopes = await pupilScopesOf(ctx.db.orm, [body.pupil_id], today(ctx));
      const pupil = scopes.get(body.pupil_id);
      const grant = await admitNewRecord(ctx, actor, {
        kind: "leave_request",
        action: "request_leave",
        pupilId: body.pupil_id,
        pupil,
        resource: pupil ? leaveResource(pupil, schoolId ?? "") : null,
        context: { startDate: body.start_date, endDate: body.end_date },
      });
      const result = await registerLeaveRequest(
        ctx.db,
        {
          pupilId: body.pupil_id,
          kind: body.kind,
          startDate: body.start_date,
          endDate: body.end_date,
          reason: body.reason,
          requestedByKind: grant.role === "parent" ? "parent" : "school",
          requestedBy: actor.userId ?? "system",
          ...(schoolId ? { schoolId } : {}),
        },
        today(ctx),
      );
      if (!result.ok) throw problem(kebab(result.error), `Leave request refused: ${result.error}.`);
      const [out] = await present(ctx, actor, [result.request], scopes);
      return reply.code(201).send(out!);
    },
  );

  typed.get(
    "/api/leave-requests/:id",
    {
      schema: {
        summary: "One leave request with its decision",
        tags: ["leave-requests"],
        params: Params,
        response: { 200: LeaveRequestSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { row, scopes } = await authorizedRecord(
        ctx,
        actor,
        LEAVE_REQUESTS,
        request.params.id,
        "read_leave_requests",
        "read_leave_request",
      );
      return (await present(ctx, actor, [row], scopes))[0]!;
    },
  );

  typed.post(
    "/api/leave-requests/:id/decision",
    {
      schema: {
        summary:
          "Decides a request: the school head up to 10 school days, leerplicht above. Approval " +
          "only when the §4 rules allow it; a refusal states its reason. The decision is stored " +
          "with the route of objection (bezwaar binnen 6 weken) for the letter.",
        tags: ["leave-requests"],
        params: Params,
        body: z
          .object({
            decision: z.enum(["approved", "refused"]),
            reason: LongText.trim().min(1).describe("the motivation of the decision"),
          })
          .strict(),
        response: { 200: LeaveRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { row, scopes } = await authorizedRecord(
        ctx,
        actor,
        LEAVE_REQUESTS,
        request.params.id,
        "decide_leave",
        "decide_leave",
      );
      const result = await decideLeaveRequest(
        ctx.db,
        row.id,
        {
          status: request.body.decision,
          reason: request.body.reason,
          decidedBy: actor.userId ?? "system",
        },
        today(ctx),
      );
      if (!result.ok) {
        if (result.error === "not_found") throw notFound();
        const detail = (result.violations ?? []).map((v) => LEAVE_RULE_TEXT_NL[v]).join(" ");
        throw problem(kebab(result.error), detail || `Leave request: ${result.error}.`);
      }
      return (await present(ctx, actor, [result.request], scopes))[0]!;
    },
  );
}
