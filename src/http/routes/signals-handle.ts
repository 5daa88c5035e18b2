// POST /api/signals/{id}/known (domain.md §4: a professional handles an open signal by marking it
// known/explained with a reason). Authorized by the same policy that lets the user see the
// signal (read_signals on its pupil: school staff their school, leerplicht residents — with
// consent (a) for signals on authorized absence —, case professionals their cases); anything
// else answers 404 exactly like a signal that does not exist. Audited, allowed and denied alike.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { auditDecision, grantFor } from "../../commands/case-access.ts";
import type { SignalCode } from "../../domain/signals/types.ts";
import { handleSignalState, loadSignalState } from "../../services/signal-state-handling.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { commandActor, today } from "./cases-http.ts";
import { presentState, SignalStateFields, scopesOf, signalResource } from "./signals.ts";

const HandledSignalSchema = z
  .object({
    pupil_id: z.string(),
    school_id: z.string(),
    code: z.string(),
    ...SignalStateFields,
  })
  .meta({ id: "SignalState" });

export function registerSignalHandleRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/signals/:id/known",
    {
      schema: {
        summary: "Marks an open signal known/explained with a reason (it becomes handled)",
        tags: ["signals"],
        params: z.object({ id: z.string().min(1).max(64) }),
        body: z.object({ reason: z.string().trim().min(1).max(2000) }),
        response: {
          200: HandledSignalSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const onDate = today(ctx);
      const state = await loadSignalState(ctx.db.sql, request.params.id);
      if (!state) throw notFound();
      const pupil = (await scopesOf(ctx.db.orm, [state.pupilId], onDate)).get(state.pupilId);
      const grant = pupil
        ? grantFor(
            actor.policy,
            "read_signals",
            signalResource(
              {
                code: state.code as SignalCode,
                attributes: state.attributes,
                schoolId: state.schoolId,
              },
              pupil,
            ),
          )
        : ({ allowed: false, reason: "no such pupil" } as const);
      await auditDecision(
        ctx.db.orm,
        actor,
        "handle_signal",
        {
          pupilId: state.pupilId,
          caseId: null,
          resourceType: "signal",
          resourceId: state.id,
        },
        grant,
      );
      if (!grant.allowed) throw notFound();
      const done = await handleSignalState(
        ctx.db,
        state.id,
        { kind: "known", reason: request.body.reason },
        actor.userId,
        onDate,
      );
      if (!done.ok) {
        if (done.error === "not_found") throw notFound();
        if (done.error === "reason_required") throw new HttpProblem(400, "A reason is required.");
        throw new HttpProblem(409, "Only an open signal can be handled.", {
          type: "urn:aanwezig:problem:signal-not-open",
        });
      }
      return {
        pupil_id: done.state.pupilId,
        school_id: done.state.schoolId,
        code: done.state.code,
        ...presentState(done.state),
      };
    },
  );
}
