// GET /api/signals?as_of= (interfaces.md): the signals of domain.md §4 that hold at the date,
// in the CLI's JSON shape, filtered by the policy per signal (src/domain/policy rules): school
// staff their schools' pupils, leerplicht the residents of its municipality — signals that
// rest on authorized absence only with consent (a) —, case professionals the pupils of their
// cases. Roles that never see signals (policy, admin, privacy, parents) get 403: they use the
// monitor. The list is scoped first: only the signals of pupils in the user's reach
// (src/access pupilsInReach) are evaluated, then the policy decides per signal. Every pupil whose signals are shown gets an audit row. Each signal carries its stored
// state (raised date, open/handled/resolved, the case it is linked to) once the daily job has
// seen it; signals-handle.ts lets a professional mark one known.

import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  mayEver,
  pupilsInReach,
  recordListRead,
  signalResource,
  visiblePupilItems,
} from "../../access/index.ts";
import { pupilNamesOf, schoolNamesOf } from "../../db/repositories/names.ts";
import { SCHOOL_STAFF_ROLES } from "../../domain/policy/roles.ts";
import { SIGNAL_CODES, type Signal } from "../../domain/signals/types.ts";
import { cachedValue } from "../../services/monitor-cache.ts";
import { type StoredSignalState, signalStatesAt } from "../../services/signal-state-handling.ts";
import { stateKey } from "../../services/signal-state-store.ts";
import { presentSignal } from "../../services/signals.ts";
import { worklistSignalsAt } from "../../services/worklist-signals.ts";
import type { HttpContext } from "../context.ts";
import { forbidden, problemResponses } from "../problem.ts";
import { commandActor, IsoDate, today } from "./cases-http.ts";

/** The stored state of a signal (domain.md §4 "A signal is a state"), from the daily job. */
export const SignalStateFields = {
  id: z
    .string()
    .optional()
    .describe("the signal state's id (CODE:n); absent until the daily job has seen it hold"),
  state: z.enum(["open", "handled", "resolved"]).optional(),
  raised_on: z.iso.date().optional().describe("the first date it held"),
  last_held_on: z.iso.date().optional(),
  handled_kind: z.enum(["case", "known"]).nullable().optional(),
  handled_reason: z.string().nullable().optional().describe("why it is known/explained"),
  case_id: z.string().nullable().optional().describe("the case it is linked to"),
  handled_at: z.string().nullable().optional(),
};

export const SignalSchema = z
  .object({
    pupil_id: z.string(),
    pupil_name: z.string().optional().describe("given and family name"),
    school_id: z.string().describe("empty for ABSOLUTE and EXEMPTION_5A_NO_ADVICE"),
    school_name: z.string().optional().describe("the school's name; absent without a school"),
    municipality: z
      .string()
      .optional()
      .describe("the pupil's municipality of residence (leerplicht's worklist filters by it)"),
    code: z.enum(SIGNAL_CODES),
    as_of: z.iso.date(),
    evidence: z.record(z.string(), z.unknown()),
    attributes: z.record(z.string(), z.unknown()),
    ...SignalStateFields,
  })
  .meta({ id: "Signal" });

export function presentState(state: StoredSignalState) {
  return {
    id: state.id,
    state: state.status,
    raised_on: state.raisedOn,
    last_held_on: state.lastHeldOn,
    handled_kind: state.handledKind,
    handled_reason: state.handledReason,
    case_id: state.handledCaseId,
    handled_at: state.handledAt,
  };
}

export function registerSignalRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/signals",
    {
      schema: {
        summary: "Signals the user may see at a date (the CLI's JSON element shape)",
        tags: ["signals"],
        querystring: z.object({ as_of: IsoDate.optional().describe("default: today") }),
        response: { 200: z.array(SignalSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      if (!mayEver(actor, "read_signals", "signal")) {
        throw forbidden("Your roles see aggregates only: use the monitor.");
      }
      const asOf = request.query.as_of ?? today(ctx);
      // Scope first (src/access): the pupils any rule can let this user see signals of; only
      // their signals are evaluated, in work that follows them, not the region.
      const reach = await pupilsInReach(ctx.db.orm, actor, "read_signals", "signal");
      // School staff only: their schools' (pupil, school) units, no population signals.
      const staffOnly = actor.policy.grants.every((g) =>
        (SCHOOL_STAFF_ROLES as readonly string[]).includes(g.role),
      );
      const schoolIds = staffOnly
        ? [...new Set(actor.policy.grants.flatMap((g) => g.schoolIds ?? []))].sort()
        : undefined;
      // Only the reach's pupils that have a signal at the date per the daily job's stored run are
      // evaluated, when there is one (worklist-signals.ts); the whole reach otherwise.
      // The evaluation for a reach at a date is the same for everyone with that reach until the
      // signals' inputs change (imports, the region's tables, leave decisions, sick observations,
      // the signal profile): colleagues share it.
      const key = createHash("sha256")
        .update(JSON.stringify([schoolIds ?? null, reach]))
        .digest("base64url");
      const signals: Signal[] =
        reach.length === 0
          ? []
          : await cachedValue(
              ctx.db.sql,
              `signals:${asOf}:${key}`,
              () =>
                worklistSignalsAt(ctx.db.sql, {
                  asOf,
                  pupilIds: reach,
                  ...(schoolIds ? { schoolIds } : {}),
                }),
              // Until the signals' inputs change (a case event does not).
              "signal_inputs",
            );
      // Access is decided as of today (like every pupil read): a school year left behind or a
      // consent withdrawn since D closes the door to D's signals too.
      const { shown: decided, scopes } = await visiblePupilItems(
        ctx.db.orm,
        actor,
        "read_signals",
        signals,
        {
          onDate: today(ctx),
          pupilIdOf: (signal) => signal.pupilId,
          resourceOf: signalResource,
        },
      );
      const visible = decided.map((d) => d.item);
      // One audit row per pupil shown, with the grant of their first visible signal.
      const byPupil = new Map<string, (typeof decided)[number]["grant"]>();
      for (const d of decided)
        if (!byPupil.has(d.item.pupilId)) byPupil.set(d.item.pupilId, d.grant);
      const pupils = [...byPupil.keys()];
      await recordListRead(
        ctx.db.orm,
        actor,
        [...byPupil].map(([pupilId, grant]) => ({
          grant,
          subject: {
            action: "read_signals",
            resourceType: "signal",
            resourceId: pupilId,
            pupilId,
            context: { asOf },
          },
        })),
      );
      const states = await signalStatesAt(ctx.db.sql, visible, asOf);
      // Names for the people who read the list: only of the signals just decided visible.
      const pupilNames = await pupilNamesOf(ctx.db.orm, pupils);
      const schoolNames = await schoolNamesOf(
        ctx.db.orm,
        visible.map((s) => s.schoolId ?? ""),
      );
      return visible.map((signal) => {
        const state = states.get(stateKey(signal.pupilId, signal.schoolId, signal.code));
        const pupilName = pupilNames.get(signal.pupilId);
        const schoolName = signal.schoolId ? schoolNames.get(signal.schoolId) : undefined;
        const municipality = scopes.get(signal.pupilId)?.residenceMunicipality;
        return {
          ...presentSignal(signal),
          ...(pupilName ? { pupil_name: pupilName } : {}),
          ...(schoolName ? { school_name: schoolName } : {}),
          ...(municipality ? { municipality } : {}),
          ...(state ? presentState(state) : {}),
        };
      });
    },
  );
}
