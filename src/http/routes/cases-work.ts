// POST endpoints for the work inside a case (domain.md §5): stagnation, ladder, plan goals and
// actions, participants (consent (b) enforced; ending a participation), consent records,
// meetings with decisions, events that meet deadlines, documents. Each runs one command (src/commands/).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { addCaseParticipant } from "../../commands/add-participant.ts";
import { addPlanAction } from "../../commands/add-plan-action.ts";
import { addPlanGoal } from "../../commands/add-plan-goal.ts";
import { endCaseParticipation } from "../../commands/end-participation.ts";
import { flagCaseStagnation, resolveCaseStagnation } from "../../commands/flag-stagnation.ts";
import { recordCaseEvent } from "../../commands/record-case-event.ts";
import { recordCaseConsent } from "../../commands/record-consent.ts";
import { recordCaseLadderStep } from "../../commands/record-ladder-step.ts";
import { recordCaseMeeting } from "../../commands/record-meeting.ts";
import { updatePlanActionStatus } from "../../commands/update-action-status.ts";
import { uploadCaseDocument } from "../../commands/upload-document.ts";
import { MAX_DOCUMENT_BYTES } from "../../db/repositories/documents.ts";
import { CONSENT_PURPOSES } from "../../domain/cases/consent.ts";
import { RECORDABLE_EVENT_KINDS } from "../../domain/cases/deadlines.ts";
import {
  type CasePhase,
  LADDER_SITUATIONS,
  STAGNATION_CAUSES,
  WORKING_MODES,
} from "../../domain/cases/model.ts";
import { ROLE_CODES } from "../../domain/policy/roles.ts";
import type { HttpContext } from "../context.ts";
import { LongText, RecordId, ShortText } from "../input-schemas.ts";
import { CaseStateResponse, CreatedResponse, commandRoute } from "./cases-command-route.ts";
import { IsoDate } from "./cases-http.ts";

const Text = LongText.min(1);
const Id = RecordId;
const Organisation = ShortText.min(1);

export function registerCaseWorkRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const db = ctx.db;
  const state = (r: { case: { id: string; phase: CasePhase } }) => ({
    case_id: r.case.id,
    phase: r.case.phase,
  });

  commandRoute(app, ctx, {
    path: "/api/cases/:id/stagnation",
    command: "flag_stagnation",
    summary: "Flag stagnation with its cause (optionally the arrangement the pupil waits for)",
    body: z.object({
      cause: z.enum(STAGNATION_CAUSES),
      note: LongText,
      waiting_for_arrangement_id: Id.optional(),
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      flagCaseStagnation(
        db,
        actor,
        caseId,
        {
          cause: body.cause,
          note: body.note,
          ...(body.waiting_for_arrangement_id
            ? { waitingForArrangementId: body.waiting_for_arrangement_id }
            : {}),
        },
        today,
      ),
    present: (r) => ({ id: r.flagId }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/stagnation/:flag_id/resolve",
    command: "resolve_stagnation",
    summary: "Resolve a stagnation flag (it stays on record)",
    params: z.object({ flag_id: Id }),
    body: z.object({}),
    response: CaseStateResponse,
    run: ({ actor, caseId, params, today }) =>
      resolveCaseStagnation(db, actor, caseId, params.flag_id as string, today),
    present: state,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/ladder",
    command: "record_ladder_step",
    summary: "Record the situation and working mode on the ladder of effectiveness",
    body: z.object({
      situation: z.enum(LADDER_SITUATIONS),
      mode: z.enum(WORKING_MODES),
      reason: LongText,
    }),
    response: CaseStateResponse,
    run: ({ actor, caseId, body, today }) => recordCaseLadderStep(db, actor, caseId, body, today),
    present: state,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/goals",
    command: "add_plan_goal",
    summary: "Add a SMART goal to the plan",
    body: z.object({
      domain: z.enum(["education", "care"]),
      text: Text,
      measure: Text,
      target_date: IsoDate,
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      addPlanGoal(
        db,
        actor,
        caseId,
        {
          domain: body.domain,
          text: body.text,
          measure: body.measure,
          targetDate: body.target_date,
        },
        today,
      ),
    present: (r) => ({ id: r.goal.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/actions",
    command: "add_plan_action",
    summary: "Add an action with its owner (person and organisation) and due date",
    body: z.object({
      description: Text,
      owner_person_id: Id,
      owner_organisation: Organisation.optional().describe(
        "ignored when the owner takes part in the case (their organisation in the case " +
          "is used); required otherwise",
      ),
      due_date: IsoDate,
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      addPlanAction(
        db,
        actor,
        caseId,
        {
          description: body.description,
          ownerPersonId: body.owner_person_id,
          ...(body.owner_organisation ? { ownerOrganisation: body.owner_organisation } : {}),
          dueDate: body.due_date,
        },
        today,
      ),
    present: (r) => ({ id: r.action.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/actions/:action_id/status",
    command: "update_action_status",
    summary: "Mark an open action done or cancelled",
    params: z.object({ action_id: Id }),
    body: z.object({ status: z.enum(["done", "cancelled"]) }),
    response: CreatedResponse,
    run: ({ actor, caseId, params, body, today }) =>
      updatePlanActionStatus(
        db,
        actor,
        caseId,
        {
          actionId: params.action_id as string,
          status: body.status,
        },
        today,
      ),
    present: (r) => ({ id: r.action.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/participants",
    command: "add_participant",
    summary: "Add a person to the case; a partner needs the family's consent (b)",
    body: z.object({
      user_id: Id,
      role: z.enum(ROLE_CODES),
      organisation: Organisation.optional(),
    }),
    response: CaseStateResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      addCaseParticipant(
        db,
        actor,
        caseId,
        {
          userId: body.user_id,
          role: body.role,
          ...(body.organisation ? { organisation: body.organisation } : {}),
        },
        today,
      ),
    present: state,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/participants/:person_id/end",
    command: "end_participation",
    summary: "End a person's participation today (the case owner stays until another is named)",
    params: z.object({ person_id: Id }),
    body: z.object({}),
    response: CaseStateResponse,
    run: ({ actor, caseId, params, today }) =>
      endCaseParticipation(db, actor, caseId, params.person_id as string, today),
    present: state,
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/consent",
    command: "record_consent",
    summary: "Record informed consent given, refused or withdrawn for one purpose",
    body: z.object({
      purpose: z.enum(CONSENT_PURPOSES),
      subject: Organisation.optional().describe("the partner organisation for (b)"),
      decision: z.enum(["given", "refused", "withdrawn"]),
      giver: z
        .discriminatedUnion("kind", [
          z.object({ kind: z.literal("parent"), person_id: Id }),
          z.object({ kind: z.literal("child") }),
        ])
        .optional()
        .describe(
          "who decided: required when a professional records it; a parent acting themselves " +
            "is always the giver",
        ),
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      recordCaseConsent(
        db,
        actor,
        caseId,
        {
          purpose: body.purpose,
          ...(body.subject ? { subject: body.subject } : {}),
          decision: body.decision,
          ...(body.giver?.kind === "parent"
            ? { giver: { kind: "parent", personId: body.giver.person_id } }
            : body.giver?.kind === "child"
              ? { giver: { kind: "child" } }
              : {}),
        },
        today,
      ),
    present: (r) => ({ id: r.record.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/meetings",
    command: "record_meeting",
    summary:
      "Record a meeting (MDO/ZAT, breakthrough team, arbitration hearing); decisions with an action join the plan",
    body: z.object({
      kind: z.enum(["mdo_zat", "breakthrough_team", "arbitration_hearing"]),
      date: IsoDate,
      participant_ids: z.array(Id).min(1).max(50),
      decisions: z
        .array(
          z.object({
            text: Text,
            action: z
              .object({
                owner_person_id: Id,
                owner_organisation: Organisation,
                due_date: IsoDate,
              })
              .optional(),
          }),
        )
        .max(50),
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      recordCaseMeeting(
        db,
        actor,
        caseId,
        {
          kind: body.kind,
          date: body.date,
          participantIds: body.participant_ids,
          decisions: body.decisions.map((d) => ({
            text: d.text,
            ...(d.action
              ? {
                  action: {
                    ownerPersonId: d.action.owner_person_id,
                    ownerOrganisation: d.action.owner_organisation,
                    dueDate: d.action.due_date,
                  },
                }
              : {}),
          })),
        },
        today,
      ),
    present: (r) => ({ id: r.meeting.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/events",
    command: "record_event",
    summary: "Record a contact, conversation, home visit or review (meets the §5 deadlines)",
    body: z.object({
      kind: z.enum(RECORDABLE_EVENT_KINDS),
      date: IsoDate,
      note: LongText.optional(),
    }),
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      recordCaseEvent(
        db,
        actor,
        caseId,
        {
          kind: body.kind,
          date: body.date,
          ...(body.note ? { note: body.note } : {}),
        },
        today,
      ),
    present: (r) => ({ id: r.event.id }),
  });
  commandRoute(app, ctx, {
    path: "/api/cases/:id/documents",
    command: "upload_document",
    summary: `Attach a document (base64 content, at most ${MAX_DOCUMENT_BYTES} bytes)`,
    body: z.object({
      name: ShortText.min(1),
      mime_type: z
        .string()
        .regex(/^[\w.+-]+\/[\w.+-]+$/)
        .max(100),
      visibility: z.enum(["professionals", "also_parents", "jgz_only"]),
      content_base64: z.base64().max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4),
    }),
    bodyLimit: Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 64 * 1024,
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      uploadCaseDocument(
        db,
        actor,
        caseId,
        {
          name: body.name,
          mimeType: body.mime_type,
          visibility: body.visibility,
          content: Buffer.from(body.content_base64, "base64"),
        },
        today,
      ),
    present: (r) => ({ id: r.document.id }),
  });
}
