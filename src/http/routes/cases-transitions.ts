// POST endpoints for the phase commands of domain.md §5 (docs/cases.md "Phases"): hand over,
// week-8 decision, breakthrough team, arbitration and ruling, prosecutor, afschalen, offer
// started, close. The domain decides whether the case's state allows it (409 otherwise); the
// policy decides who may (403, or 404 for a case one may not see).
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { closeCase } from "../../commands/close-case.ts";
import { conveneBreakthrough } from "../../commands/convene-breakthrough.ts";
import { deescalateCase } from "../../commands/deescalate-case.ts";
import { escalateCase } from "../../commands/escalate-case.ts";
import { recordBreakthroughCheck } from "../../commands/record-breakthrough-check.ts";
import { recordOfferStarted } from "../../commands/record-offer-started.ts";
import { recordArbitrationRuling } from "../../commands/record-ruling.ts";
import { referToProsecutor } from "../../commands/refer-prosecutor.ts";
import { startArbitration } from "../../commands/start-arbitration.ts";
import type { TransitionOutcome } from "../../commands/transition-case.ts";
import { CASE_OUTCOMES } from "../../domain/cases/model.ts";
import type { CaseCommandName } from "../../domain/policy/case-actions.ts";
import type { HttpContext } from "../context.ts";
import { LongText, RecordId, ShortText } from "../input-schemas.ts";
import { commandRoute, TransitionResponse } from "./cases-command-route.ts";
import { IsoDate } from "./cases-http.ts";

const Reason = LongText.min(1);
const Member = ShortText.min(1);

function presentTransition(result: Extract<TransitionOutcome, { ok: true }>) {
  const r = result.record;
  return {
    case_id: result.case.id,
    phase: result.case.phase,
    record: {
      command: r.command,
      from: r.from,
      to: r.to,
      at: r.at,
      reason: r.reason,
      basis: r.basis,
    },
  };
}

export function registerCaseTransitionRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const route = <B extends z.ZodType>(
    path: string,
    command: CaseCommandName,
    summary: string,
    body: B,
    run: (input: {
      actor: Parameters<typeof escalateCase>[1];
      caseId: string;
      body: z.infer<B>;
      today: string;
    }) => Promise<TransitionOutcome>,
  ) =>
    commandRoute(app, ctx, {
      path,
      command,
      summary,
      body,
      response: TransitionResponse,
      run,
      present: presentTransition,
    });

  route(
    "/api/cases/:id/escalate",
    "hand_to_director",
    "Hand the case to the case director before week 4 (the school expects > 4 weeks)",
    z.object({ reason: Reason, new_owner_user_id: RecordId.optional() }),
    ({ actor, caseId, body, today }) =>
      escalateCase(
        ctx.db,
        actor,
        caseId,
        {
          reason: body.reason,
          ...(body.new_owner_user_id ? { newOwnerUserId: body.new_owner_user_id } : {}),
        },
        today,
      ),
  );
  route(
    "/api/cases/:id/deescalate",
    "deescalate",
    "Afschalen: back to a lower open phase, with a reason",
    z.object({
      to: z.enum(["SCHOOL", "CASE_DIRECTOR", "BREAKTHROUGH", "ARBITRATION"]),
      reason: Reason,
    }),
    ({ actor, caseId, body, today }) => deescalateCase(ctx.db, actor, caseId, body, today),
  );
  route(
    "/api/cases/:id/close",
    "close",
    "Close the case with an outcome",
    z.object({ outcome: z.enum(CASE_OUTCOMES), reason: Reason }),
    ({ actor, caseId, body, today }) => closeCase(ctx.db, actor, caseId, body, today),
  );
  route(
    "/api/cases/:id/breakthrough-check",
    "record_breakthrough_check",
    "The week-8 decision: is a suitable offer expected within 4 weeks? No convenes the team",
    z.object({ offer_expected_within_4_weeks: z.boolean(), reason: Reason }),
    ({ actor, caseId, body, today }) =>
      recordBreakthroughCheck(
        ctx.db,
        actor,
        caseId,
        {
          offerExpectedWithin4Weeks: body.offer_expected_within_4_weeks,
          reason: body.reason,
        },
        today,
      ),
  );
  route(
    "/api/cases/:id/breakthrough",
    "convene_breakthrough",
    "Convene the breakthrough team (puts the case on the regional team's agenda)",
    z.object({ reason: Reason, meeting_date: IsoDate.optional() }),
    ({ actor, caseId, body, today }) =>
      conveneBreakthrough(
        ctx.db,
        actor,
        caseId,
        {
          reason: body.reason,
          ...(body.meeting_date ? { meetingDate: body.meeting_date } : {}),
        },
        today,
      ),
  );
  route(
    "/api/cases/:id/arbitration",
    "start_arbitration",
    "Start binding arbitration with its committee (needs the parents' consent (d))",
    z.object({
      reason: Reason,
      committee: z.object({
        parents_representative: Member,
        own_partnership_member: Member,
        neighbouring_partnership_member: Member,
      }),
    }),
    ({ actor, caseId, body, today }) =>
      startArbitration(
        ctx.db,
        actor,
        caseId,
        {
          reason: body.reason,
          committee: {
            parentsRepresentative: body.committee.parents_representative,
            ownPartnershipMember: body.committee.own_partnership_member,
            neighbouringPartnershipMember: body.committee.neighbouring_partnership_member,
          },
        },
        today,
      ),
  );
  route(
    "/api/cases/:id/arbitration/ruling",
    "record_arbitration_ruling",
    "Record the committee's binding ruling and whether the parents accept it",
    z.object({ ruling: Reason, parents_accept: z.boolean() }),
    ({ actor, caseId, body, today }) =>
      recordArbitrationRuling(
        ctx.db,
        actor,
        caseId,
        {
          ruling: body.ruling,
          parentsAccept: body.parents_accept,
        },
        today,
      ),
  );
  route(
    "/api/cases/:id/prosecutor",
    "refer_prosecutor",
    "Refer to the Openbaar Ministerie: civil (via the Raad voor de Kinderbescherming) or criminal",
    z.object({ route: z.enum(["civil", "criminal"]), reason: Reason }),
    ({ actor, caseId, body, today }) => referToProsecutor(ctx.db, actor, caseId, body, today),
  );
  route(
    "/api/cases/:id/offer",
    "record_offer_started",
    "Record the date a suitable offer of education and/or care started",
    z.object({ started_on: IsoDate }),
    ({ actor, caseId, body, today }) =>
      recordOfferStarted(ctx.db, actor, caseId, { startedOn: body.started_on }, today),
  );
}
