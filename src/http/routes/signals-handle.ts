// POST /api/signals/{id}/known and /case (domain.md §4: a professional handles an open signal by
// marking it known/explained with a reason, or by linking it to a case of the pupil). Authorized by the same policy that lets the user see the
// signal (read_signals on its pupil: school staff their school, leerplicht residents — with
// consent (a) for signals on authorized absence —, case professionals their cases); anything
// else answers 404 exactly like a signal that does not exist. Audited, allowed and denied alike.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AccessActor,
  caseResource,
  gate,
  loadPupilFacts,
  pupilScopesOf,
  signalResource,
} from "../../access/index.ts";
import { loadCase } from "../../db/repositories/cases.ts";
import { isSignalCode, SIGNAL_CODES, type SignalCode } from "../../domain/signals/types.ts";
import {
  type HandleOutcome,
  handleSignalState,
  loadSignalState,
  type StoredSignalState,
} from "../../services/signal-state-handling.ts";
import type { HttpContext } from "../context.ts";
import { LongText, RecordId } from "../input-schemas.ts";
import { HttpProblem, notFound, problem, problemResponses } from "../problem.ts";
import { commandActor, today } from "./cases-http.ts";
import { presentState, SignalStateFields } from "./signals.ts";

const HandledSignalSchema = z
  .object({
    pupil_id: z.string(),
    school_id: z.string(),
    code: z.enum(SIGNAL_CODES),
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
        params: z.object({ id: RecordId }),
        body: z.object({ reason: LongText.trim().min(1) }),
        response: {
          200: HandledSignalSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const onDate = today(ctx);
      const state = await authorizedSignal(ctx, actor, request.params.id, onDate);
      const done = await handleSignalState(
        ctx.db,
        state.id,
        { kind: "known", reason: request.body.reason },
        actor.userId,
        onDate,
      );
      return presentHandled(done);
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/signals/:id/case",
    {
      schema: {
        summary: "Links an open signal to a case of the same pupil (it becomes handled)",
        tags: ["signals"],
        params: z.object({ id: RecordId }),
        body: z.object({ case_id: RecordId }),
        response: {
          200: HandledSignalSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const onDate = today(ctx);
      const state = await authorizedSignal(ctx, actor, request.params.id, onDate);
      // The case must be one the user may read (audited; 404 otherwise) and about this pupil.
      const c = await loadCase(ctx.db.orm, request.body.case_id);
      const facts = c ? await loadPupilFacts(ctx.db.orm, c.pupilId) : undefined;
      if (!c || !facts) throw notFound();
      const readable = await gate(ctx.db.orm, actor, "read_case", caseResource(c, facts, onDate), {
        action: "link_signal_to_case",
        resourceType: "case",
        resourceId: c.id,
        pupilId: c.pupilId,
      });
      if (!readable.ok) throw notFound();
      if (c.pupilId !== state.pupilId) {
        throw problem("signal-other-pupil", "The case is about another pupil.");
      }
      const done = await handleSignalState(
        ctx.db,
        state.id,
        { kind: "case", caseId: c.id },
        actor.userId,
        onDate,
      );
      return presentHandled(done);
    },
  );
}

/** The signal if the user may see it (read_signals, audited either way); else 404. */
async function authorizedSignal(
  ctx: HttpContext,
  actor: AccessActor,
  id: string,
  onDate: string,
): Promise<StoredSignalState> {
  const state = await loadSignalState(ctx.db.sql, id);
  if (!state) throw notFound();
  const pupil = (await pupilScopesOf(ctx.db.orm, [state.pupilId], onDate)).get(state.pupilId);
  const signal = {
    code: state.code as SignalCode,
    attributes: state.attributes,
    schoolId: state.schoolId,
  };
  const verdict = await gate(
    ctx.db.orm,
    actor,
    "read_signals",
    pupil ? signalResource(signal, pupil) : null,
    {
      action: "handle_signal",
      resourceType: "signal",
      resourceId: state.id,
      pupilId: state.pupilId,
    },
  );
  if (!verdict.ok) throw notFound();
  return state;
}

function presentHandled(done: HandleOutcome) {
  if (!done.ok) {
    if (done.error === "not_found") throw notFound();
    if (done.error === "reason_required") throw new HttpProblem(400, "A reason is required.");
    throw problem("signal-not-open", "Only an open signal can be handled.");
  }
  const code = done.state.code;
  // Stored states are written by the daily job from evaluated signals: always a known code.
  if (!isSignalCode(code)) throw new Error(`signal state with an unknown code: ${code}`);
  return {
    pupil_id: done.state.pupilId,
    school_id: done.state.schoolId,
    code,
    ...presentState(done.state),
  };
}
