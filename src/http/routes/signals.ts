// GET /api/signals?as_of= (interfaces.md): the signals of domain.md §4 that hold at the date,
// in the CLI's JSON shape, filtered by the policy per signal (src/domain/policy rules): school
// staff their schools' pupils, leerplicht the residents of its municipality — signals that
// rest on authorized absence only with consent (a) —, case professionals the pupils of their
// cases. Roles that never see signals (policy, admin, privacy, parents) get 403: they use the
// monitor. Every pupil whose signals are shown gets an audit row. Each signal carries its stored
// state (raised date, open/handled/resolved, the case it is linked to) once the daily job has
// seen it; signals-handle.ts lets a professional mark one known.

import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type CommandActor, grantFor, schoolsOfSchoolYear } from "../../commands/case-access.ts";
import type { Orm } from "../../db/connect.ts";
import { appendAuditRows, caseAccessFactsOf } from "../../db/repositories/cases-access-facts.ts";
import { loadPupilFiles } from "../../db/repositories/cases-pupil.ts";
import { pupilNamesOf, schoolNamesOf } from "../../db/repositories/names.ts";
import { population } from "../../db/schema/region.ts";
import { hasConsent } from "../../domain/cases/consent.ts";
import type { PupilScope } from "../../domain/policy/resources.ts";
import { SCHOOL_STAFF_ROLES } from "../../domain/policy/roles.ts";
import { RULES } from "../../domain/policy/rules.ts";
import { SIGNAL_CODES, type Signal, type SignalCode } from "../../domain/signals/types.ts";
import { cachedValue } from "../../services/monitor-cache.ts";
import { type StoredSignalState, signalStatesAt } from "../../services/signal-state-handling.ts";
import { stateKey } from "../../services/signal-state-store.ts";
import { evaluateSignalsAt, presentSignal } from "../../services/signals.ts";
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

/**
 * Whether a signal reveals authorized absence (sick, medical, leave …): the sickness signals,
 * and the "any reason" signals, whose figures include authorized absence — except a thuiszitter
 * by the Inspectie's definition (`legal`: mostly unauthorized), which is leerplicht's own duty.
 */
export function involvesAuthorizedAbsence(signal: Pick<Signal, "code" | "attributes">): boolean {
  const anyReason: readonly SignalCode[] = ["UNDER_50", "PERSISTENT_10", "EARLY_YEARS_20"];
  if (signal.code.startsWith("SICK_") || anyReason.includes(signal.code)) return true;
  if (signal.code === "LONG_TERM_ABSENT") return signal.attributes.legal !== true;
  return false;
}

/**
 * The policy's view of one signal. A signal of a (pupil, school) unit is that school's: staff of
 * another school the same pupil attends do not see it (need-to-know; the same reading as the DUO
 * reports). Population signals have no school and keep the pupil's schools.
 */
export function signalResource(
  signal: Pick<Signal, "code" | "attributes" | "schoolId">,
  pupil: PupilScope,
) {
  const schoolIds = signal.schoolId
    ? pupil.schoolIds.filter((id) => id === signal.schoolId)
    : pupil.schoolIds;
  return {
    kind: "signal",
    pupil: { ...pupil, schoolIds },
    involvesAuthorizedAbsence: involvesAuthorizedAbsence(signal),
  } as const;
}

export function mayEverReadSignals(actor: CommandActor): boolean {
  return actor.policy.grants.some((g) =>
    RULES.some(
      (r) =>
        r.resource === "signal" && r.actions.includes("read_signals") && r.roles.includes(g.role),
    ),
  );
}

/** Pupils and, for population signals, registered persons: residence, schools, consent (a) at `asOf`. */
export async function scopesOf(
  orm: Orm,
  ids: string[],
  asOf: string,
): Promise<Map<string, PupilScope>> {
  const files = await loadPupilFiles(orm, ids);
  const facts = await caseAccessFactsOf(orm, ids);
  const scopes = new Map<string, PupilScope>();
  for (const [id, file] of files) {
    const f = facts.get(id);
    scopes.set(id, {
      pupilId: id,
      schoolIds: schoolsOfSchoolYear(file.enrolments, asOf),
      residenceMunicipality: file.municipality,
      participantIds: f?.participantIds ?? [],
      consentShareAuthorizedAbsence: hasConsent(
        { childBirthDate: file.birthDate, records: f?.consentRecords ?? [] },
        "share_authorized_absence_with_leerplicht",
        undefined,
        asOf,
      ),
    });
  }
  const missing = ids.filter((id) => !scopes.has(id));
  if (missing.length > 0) {
    const persons = await orm
      .select({ id: population.personId, municipality: population.municipality })
      .from(population)
      .where(inArray(population.personId, missing));
    for (const p of persons) {
      scopes.set(p.id, {
        pupilId: p.id,
        schoolIds: [],
        residenceMunicipality: p.municipality,
        participantIds: [],
        consentShareAuthorizedAbsence: false,
      });
    }
  }
  return scopes;
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
      if (!mayEverReadSignals(actor)) {
        throw forbidden("Your roles see aggregates only: use the monitor.");
      }
      const asOf = request.query.as_of ?? today(ctx);
      // School staff only: evaluate just their schools instead of the whole region.
      const staffOnly = actor.policy.grants.every((g) =>
        (SCHOOL_STAFF_ROLES as readonly string[]).includes(g.role),
      );
      const schools = staffOnly
        ? [...new Set(actor.policy.grants.flatMap((g) => g.schoolIds ?? []))]
        : [null];
      const signals: Signal[] = [];
      for (const schoolId of schools) {
        // The evaluation at a date is the same for everyone until the data changes (the monitor's
        // fingerprint of imports and case tables); who sees which signal is decided below.
        const evaluated = await cachedValue(ctx.db.sql, `signals:${asOf}:${schoolId ?? "*"}`, () =>
          evaluateSignalsAt(ctx.db.sql, { asOf, ...(schoolId ? { schoolId } : {}) }),
        );
        signals.push(...evaluated);
      }
      // Access is decided as of today (like every pupil read): a school year left behind or a
      // consent withdrawn since D closes the door to D's signals too.
      const scopes = await scopesOf(
        ctx.db.orm,
        [...new Set(signals.map((s) => s.pupilId))],
        today(ctx),
      );
      const visible = signals.filter((signal) => {
        const pupil = scopes.get(signal.pupilId);
        if (!pupil) return false;
        return grantFor(actor.policy, "read_signals", signalResource(signal, pupil)).allowed;
      });
      const pupils = [...new Set(visible.map((s) => s.pupilId))];
      await appendAuditRows(
        ctx.db.orm,
        pupils.map((pupilId) => ({
          userId: actor.userId,
          role: actor.policy.grants.map((g) => g.role).join(","),
          action: "read_signals",
          resourceType: "signal",
          resourceId: pupilId,
          pupilId,
          context: { ...actor.origin, asOf },
          outcome: "allowed" as const,
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
        return {
          ...presentSignal(signal),
          ...(pupilName ? { pupil_name: pupilName } : {}),
          ...(schoolName ? { school_name: schoolName } : {}),
          ...(state ? presentState(state) : {}),
        };
      });
    },
  );
}
