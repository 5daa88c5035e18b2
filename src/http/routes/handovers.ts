// The warm handover PO→VO (issue 15 item 6; src/domain/handover/handover.ts): the sending school's
// care coordinator (or the case director of the pupil's case) sees which pupils qualify and writes
// the handover — what was going on, what helped — and records consent (b) naming the receiving
// school (domain.md §5). The receiving school's care coordinator sees that a handover exists; its
// content only with that consent; takes it in (acknowledged) and closes it. The partnership (SWV)
// of either school sees which are still open, never the content. Who may do what is
// src/domain/policy/rules.ts (resource handover); every read and write is audited; a handover the
// user may not see answers 404.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AccessActor,
  type Grant,
  gate,
  may,
  mayEver,
  pupilScopesOf,
  recordListRead,
  visiblePupilItems,
} from "../../access/index.ts";
import { pupilNamesOf, schoolNamesOf } from "../../db/repositories/names.ts";
import type { ConsentState } from "../../domain/cases/consent.ts";
import {
  checkConsentDate,
  checkHandoverText,
  HANDOVER_STATUSES,
  HANDOVER_TEXT_MAX,
  type HandoverError,
  handoverCandidates,
  nextHandoverStatus,
  poToVoMoves,
} from "../../domain/handover/handover.ts";
import type { PupilScope, Resource } from "../../domain/policy/resources.ts";
import {
  type HandoverRow,
  handoverConsent,
  handoverFacts,
  insertHandover,
  listHandovers,
  loadHandover,
  pupilsOfOpenCasesOf,
  recordHandoverConsent,
  updateHandoverStatus,
} from "../../services/handovers.ts";
import type { HttpContext } from "../context.ts";
import { PupilId, RecordId, SchoolId } from "../input-schemas.ts";
import { forbidden, notFound, problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, requireLogin, today } from "./cases-http.ts";

const CONSENT_STATES = ["given", "refused", "withdrawn", "not_asked"] as const;

const HandoverSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    pupil_name: z
      .string()
      .nullable()
      .describe("null for the partnership, which follows the status only"),
    sending_school_id: z.string(),
    sending_school_name: z.string(),
    receiving_school_id: z.string(),
    receiving_school_name: z.string(),
    move_date: z.iso.date().describe("the first day at the secondary school"),
    status: z.enum(HANDOVER_STATUSES),
    consent: z
      .enum(CONSENT_STATES)
      .describe("consent (b) that names the receiving school, today (domain.md §5)"),
    what_was_going_on: z
      .string()
      .nullable()
      .describe("null when this user may not read the content (no consent, or the partnership)"),
    what_helped: z.string().nullable(),
    written_on: z.iso.date(),
    acknowledged_on: z.iso.date().nullable(),
    closed_on: z.iso.date().nullable(),
    side: z
      .enum(["sending", "receiving", "partnership"])
      .describe("how this user sees the handover"),
    may_record_consent: z.boolean(),
    may_acknowledge: z.boolean(),
    may_close: z.boolean(),
  })
  .meta({ id: "Handover" });

const HandoverListSchema = z
  .object({
    handovers: z.array(HandoverSchema),
    open_per_school: z
      .array(
        z.object({
          school_id: z.string(),
          school_name: z.string(),
          open: z.number().int().describe("handovers not yet closed, received by this school"),
        }),
      )
      .describe("the handovers not yet closed per receiving school, of the handovers shown"),
  })
  .meta({ id: "Handovers" });

const CandidateSchema = z
  .object({
    pupil_id: z.string(),
    pupil_name: z.string(),
    sending_school_id: z.string(),
    receiving_school_id: z.string(),
    receiving_school_name: z.string(),
    move_date: z.iso.date(),
    signal_codes: z.array(z.string()).describe("signals raised in the year before the move"),
    case_ids: z.array(z.string()).describe("cases open in the year before the move"),
  })
  .meta({ id: "HandoverCandidate" });

type HandoverOut = z.infer<typeof HandoverSchema>;

function handoverResource(
  row: Pick<HandoverRow, "sending_school_id" | "receiving_school_id" | "partnerships">,
  pupil: PupilScope,
  consent: ConsentState,
): Resource {
  return {
    kind: "handover",
    pupil,
    sendingSchoolId: row.sending_school_id,
    receivingSchoolId: row.receiving_school_id,
    partnerships: row.partnerships,
    consentGiven: consent === "given",
  };
}

function refuse(check: { error: HandoverError; message: string }): never {
  throw problem(`handover-${kebab(check.error)}`, check.message);
}

function present(
  actor: AccessActor,
  row: HandoverRow,
  resource: Resource,
  consent: ConsentState,
): HandoverOut {
  const allowed = (
    action:
      | "read_handover_content"
      | "record_handover_consent"
      | "settle_handover"
      | "write_handover",
  ) => may(actor, action, resource).ok;
  const content = allowed("read_handover_content");
  const school = (id: string) => actor.policy.grants.some((g) => g.schoolIds?.includes(id));
  const side =
    school(row.sending_school_id) || allowed("write_handover")
      ? "sending"
      : school(row.receiving_school_id)
        ? "receiving"
        : "partnership";
  const settle = allowed("settle_handover");
  return {
    id: row.id,
    pupil_id: row.pupil_id,
    pupil_name: side === "partnership" ? null : row.pupil_name,
    sending_school_id: row.sending_school_id,
    sending_school_name: row.sending_school_name,
    receiving_school_id: row.receiving_school_id,
    receiving_school_name: row.receiving_school_name,
    move_date: row.move_date,
    status: row.status,
    consent,
    what_was_going_on: content ? row.what_was_going_on : null,
    what_helped: content ? row.what_helped : null,
    written_on: row.written_on,
    acknowledged_on: row.acknowledged_on,
    closed_on: row.closed_on,
    side,
    may_record_consent: row.status !== "closed" && allowed("record_handover_consent"),
    may_acknowledge: settle && row.status === "open" && consent === "given",
    may_close: settle && row.status === "acknowledged",
  };
}

const Params = z.object({ id: RecordId });

export function registerHandoverRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  /** One handover, gated for `action` with one audit row; 404 when the user may not see it. */
  async function authorized(
    actor: AccessActor,
    id: string,
    action: "record_handover_consent" | "settle_handover",
  ): Promise<{ row: HandoverRow; pupil: PupilScope; consent: ConsentState }> {
    const day = today(ctx);
    const row = await loadHandover(ctx.db.sql, id);
    const pupil = row
      ? (await pupilScopesOf(ctx.db.orm, [row.pupil_id], day)).get(row.pupil_id)
      : undefined;
    const consent = row
      ? await handoverConsent(ctx.db.orm, row.pupil_id, row.receiving_school_id, day)
      : "not_asked";
    const resource = row && pupil ? handoverResource(row, pupil, consent) : null;
    const verdict = await gate(
      ctx.db.orm,
      actor,
      action,
      resource,
      { action, resourceType: "handover", resourceId: id, pupilId: row?.pupil_id ?? "" },
      resource ? { visibleWith: { action: "read_handovers", resource } } : {},
    );
    if (!verdict.ok || !row || !pupil) {
      if (!verdict.ok && verdict.error === "forbidden") throw forbidden(verdict.reason);
      throw notFound();
    }
    return { row, pupil, consent };
  }

  typed.get(
    "/api/handovers",
    {
      schema: {
        summary:
          "Warm handovers PO→VO the user may see: the sending school's, the receiving school's " +
          "(content only with consent), the case director's, and the partnership's (status only)",
        tags: ["handovers"],
        querystring: z.object({
          status: z.enum(HANDOVER_STATUSES).optional(),
          pupil_id: PupilId.optional(),
        }),
        response: { 200: HandoverListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      if (!mayEver(actor, "read_handovers", "handover")) {
        throw forbidden("Only the schools, the case director and the partnership see handovers.");
      }
      const day = today(ctx);
      const { status, pupil_id } = request.query;
      const rows = await listHandovers(ctx.db.sql, {
        ...(status ? { status } : {}),
        ...(pupil_id ? { pupilIds: [pupil_id] } : {}),
      });
      const consents = new Map<string, ConsentState>();
      for (const r of rows) {
        consents.set(
          r.id,
          await handoverConsent(ctx.db.orm, r.pupil_id, r.receiving_school_id, day),
        );
      }
      const consentOf = (r: HandoverRow) => consents.get(r.id) ?? "not_asked";
      const { shown } = await visiblePupilItems(ctx.db.orm, actor, "read_handovers", rows, {
        onDate: day,
        pupilIdOf: (r) => r.pupil_id,
        resourceOf: (r, pupil) => handoverResource(r, pupil, consentOf(r)),
      });
      const scopes = await pupilScopesOf(
        ctx.db.orm,
        shown.map((s) => s.item.pupil_id),
        day,
      );
      const out: HandoverOut[] = [];
      const audit: {
        grant: Grant;
        subject: Parameters<typeof recordListRead>[2][number]["subject"];
      }[] = [];
      for (const { item, grant } of shown) {
        const pupil = scopes.get(item.pupil_id);
        if (!pupil) continue;
        const presented = present(
          actor,
          item,
          handoverResource(item, pupil, consentOf(item)),
          consentOf(item),
        );
        out.push(presented);
        audit.push({
          grant,
          subject: {
            action:
              presented.what_was_going_on === null ? "list_handovers" : "read_handover_content",
            resourceType: "handover",
            resourceId: item.id,
            pupilId: item.pupil_id,
          },
        });
      }
      await recordListRead(ctx.db.orm, actor, audit);
      const perSchool = new Map<string, { school_id: string; school_name: string; open: number }>();
      for (const h of out) {
        const entry = perSchool.get(h.receiving_school_id) ?? {
          school_id: h.receiving_school_id,
          school_name: h.receiving_school_name,
          open: 0,
        };
        if (h.status !== "closed") entry.open++;
        perSchool.set(h.receiving_school_id, entry);
      }
      return {
        handovers: out,
        open_per_school: [...perSchool.values()].sort((a, b) =>
          a.school_name.localeCompare(b.school_name, "nl"),
        ),
      };
    },
  );

  typed.get(
    "/api/handover-candidates",
    {
      schema: {
        summary:
          "Pupils of the user's primary school (for a case director: of their open cases) who " +
          "move to a secondary school and had a signal or a case in the year before the move, " +
          "without a handover yet",
        tags: ["handovers"],
        response: {
          200: z
            .object({ candidates: z.array(CandidateSchema) })
            .meta({ id: "HandoverCandidates" }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      if (!mayEver(actor, "write_handover", "handover")) {
        throw forbidden(
          "Only the sending school's care coordinator or the case director writes handovers.",
        );
      }
      const day = today(ctx);
      const schoolIds = [...new Set(actor.policy.grants.flatMap((g) => g.schoolIds ?? []))];
      // A case director has no schools: the pupils of their open cases (rules.ts: a case
      // director writes a handover as a participant of the pupil's case).
      const casePupils = actor.policy.grants.some((g) => g.role === "case_director")
        ? await pupilsOfOpenCasesOf(ctx.db.sql, actor.policy.personId)
        : [];
      if (schoolIds.length === 0 && casePupils.length === 0) return { candidates: [] };
      const facts = await handoverFacts(ctx.db.sql, { schoolIds, pupilIds: casePupils });
      const existing = new Set(
        (await listHandovers(ctx.db.sql, {})).map((h) => `${h.pupil_id}|${h.receiving_school_id}`),
      );
      const found = handoverCandidates(facts, day).filter(
        (c) =>
          (schoolIds.includes(c.sendingSchoolId) || casePupils.includes(c.pupilId)) &&
          !existing.has(`${c.pupilId}|${c.receivingSchoolId}`),
      );
      const partnershipOf = await schoolPartnerships(ctx, [
        ...found.flatMap((c) => [c.sendingSchoolId, c.receivingSchoolId]),
      ]);
      const { shown } = await visiblePupilItems(ctx.db.orm, actor, "write_handover", found, {
        onDate: day,
        pupilIdOf: (c) => c.pupilId,
        resourceOf: (c, pupil) =>
          handoverResource(
            {
              sending_school_id: c.sendingSchoolId,
              receiving_school_id: c.receivingSchoolId,
              partnerships: [c.sendingSchoolId, c.receivingSchoolId].map(
                (id) => partnershipOf.get(id) ?? "",
              ),
            },
            pupil,
            "not_asked",
          ),
      });
      await recordListRead(
        ctx.db.orm,
        actor,
        shown.map(({ item, grant }) => ({
          grant,
          subject: {
            action: "list_handover_candidates",
            resourceType: "handover",
            resourceId: null,
            pupilId: item.pupilId,
          },
        })),
      );
      const names = await pupilNamesOf(
        ctx.db.orm,
        shown.map((s) => s.item.pupilId),
      );
      const schools = await schoolNamesOf(
        ctx.db.orm,
        shown.map((s) => s.item.receivingSchoolId),
      );
      return {
        candidates: shown.map(({ item: c }) => ({
          pupil_id: c.pupilId,
          pupil_name: names.get(c.pupilId) ?? c.pupilId,
          sending_school_id: c.sendingSchoolId,
          receiving_school_id: c.receivingSchoolId,
          receiving_school_name: schools.get(c.receivingSchoolId) ?? c.receivingSchoolId,
          move_date: c.moveDate,
          signal_codes: c.evidence.signalCodes,
          case_ids: c.evidence.caseIds,
        })),
      };
    },
  );

  typed.post(
    "/api/handovers",
    {
      onRequest: requireLogin,
      schema: {
        summary:
          "Writes the warm handover of a pupil who moves from the user's primary school to a " +
          "secondary school (the sending care coordinator or the case director): what was going " +
          "on and what helped",
        tags: ["handovers"],
        body: z
          .object({
            pupil_id: PupilId,
            receiving_school_id: SchoolId,
            what_was_going_on: z.string().trim().min(1).max(HANDOVER_TEXT_MAX),
            what_helped: z.string().trim().min(1).max(HANDOVER_TEXT_MAX),
          })
          .strict(),
        response: { 201: HandoverSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = commandActor(request);
      const body = request.body;
      const day = today(ctx);
      const facts = await handoverFacts(ctx.db.sql, { pupilId: body.pupil_id });
      const move = poToVoMoves(facts.enrolments, facts.sectorOf).find(
        (m) => m.receivingSchoolId === body.receiving_school_id,
      );
      const candidate = handoverCandidates(facts, day).find(
        (c) => c.receivingSchoolId === body.receiving_school_id,
      );
      const pupil = (await pupilScopesOf(ctx.db.orm, [body.pupil_id], day)).get(body.pupil_id);
      // Without a move, the resource is the pupil seen from their present school: the gate still
      // decides, and only then the domain says there is nothing to hand over.
      const sendingSchoolId = move?.sendingSchoolId ?? pupil?.schoolIds[0] ?? "";
      const partnershipOf = await schoolPartnerships(ctx, [
        sendingSchoolId,
        body.receiving_school_id,
      ]);
      const resource = pupil
        ? handoverResource(
            {
              sending_school_id: sendingSchoolId,
              receiving_school_id: body.receiving_school_id,
              partnerships: [sendingSchoolId, body.receiving_school_id].map(
                (id) => partnershipOf.get(id) ?? "",
              ),
            },
            pupil,
            "not_asked",
          )
        : null;
      const verdict = await gate(
        ctx.db.orm,
        actor,
        "write_handover",
        resource,
        {
          action: "write_handover",
          resourceType: "handover",
          resourceId: null,
          pupilId: body.pupil_id,
        },
        pupil ? { visibleWith: { action: "read_pupil", resource: { kind: "pupil", pupil } } } : {},
      );
      if (!verdict.ok || !pupil) {
        if (!verdict.ok && verdict.error === "forbidden") throw forbidden(verdict.reason);
        throw notFound();
      }
      if (!candidate) {
        refuse({
          error: "not_a_move",
          message:
            "This pupil does not move from a primary to this secondary school with a signal or a " +
            "case in the year before the move.",
        });
      }
      const text = { whatWasGoingOn: body.what_was_going_on, whatHelped: body.what_helped };
      const check = checkHandoverText(text);
      if (!check.ok) refuse(check);
      const row = await insertHandover(
        ctx.db.sql,
        {
          ...text,
          pupilId: body.pupil_id,
          sendingSchoolId: candidate.sendingSchoolId,
          receivingSchoolId: candidate.receivingSchoolId,
          moveDate: candidate.moveDate,
          writtenOn: day,
        },
        actor.userId,
      );
      if (!row) {
        refuse({ error: "already_written", message: "This pupil has a handover for that school." });
      }
      const consent = await handoverConsent(ctx.db.orm, row.pupil_id, row.receiving_school_id, day);
      return reply
        .code(201)
        .send(present(actor, row, handoverResource(row, pupil, consent), consent));
    },
  );

  typed.post(
    "/api/handovers/:id/consent",
    {
      onRequest: requireLogin,
      schema: {
        summary:
          "Records the decision of the parents or the child on sharing the handover with the " +
          "receiving school: consent (b) naming that school (domain.md §5)",
        tags: ["handovers"],
        params: Params,
        body: z
          .object({
            decision: z.enum(["given", "refused", "withdrawn"]),
            giver: z.enum(["parents", "child"]),
            at: IsoDate.optional().describe("default: today"),
          })
          .strict(),
        response: { 200: HandoverSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { row, pupil } = await authorized(actor, request.params.id, "record_handover_consent");
      const day = today(ctx);
      const at = request.body.at ?? day;
      const date = checkConsentDate(at, day);
      if (!date.ok) refuse(date);
      const result = await recordHandoverConsent(
        ctx.db.orm,
        row,
        null,
        {
          decision: request.body.decision,
          giver:
            request.body.giver === "child"
              ? { kind: "child" }
              : { kind: "parent", personId: `${row.pupil_id}:ouders` },
          at,
        },
        actor.userId,
      );
      if (!result.ok) throw problem(`handover-consent-${kebab(result.error)}`, result.message);
      const consent = await handoverConsent(ctx.db.orm, row.pupil_id, row.receiving_school_id, day);
      return present(actor, row, handoverResource(row, pupil, consent), consent);
    },
  );

  typed.post(
    "/api/handovers/:id/status",
    {
      onRequest: requireLogin,
      schema: {
        summary:
          "The receiving school's care coordinator takes the handover in (acknowledged, needs " +
          "consent) or closes it",
        tags: ["handovers"],
        params: Params,
        body: z.object({ status: z.enum(["acknowledged", "closed"]) }).strict(),
        response: { 200: HandoverSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { row, pupil, consent } = await authorized(actor, request.params.id, "settle_handover");
      const next = nextHandoverStatus(row.status, request.body.status, consent === "given");
      if (!next.ok) refuse(next);
      const day = today(ctx);
      if (
        !(await updateHandoverStatus(
          ctx.db.sql,
          row.id,
          row.status,
          request.body.status,
          actor.userId,
          day,
        ))
      ) {
        refuse({ error: "status_not_allowed", message: "The handover changed meanwhile." });
      }
      const updated = (await loadHandover(ctx.db.sql, row.id)) ?? row;
      return present(actor, updated, handoverResource(updated, pupil, consent), consent);
    },
  );
}

async function schoolPartnerships(
  ctx: HttpContext,
  schoolIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await ctx.db.sql.query<{ school_id: string; partnership: string }>(
    "select school_id, partnership from schools where school_id = any($1::text[])",
    [[...new Set(schoolIds)]],
  );
  return new Map(rows.map((r) => [r.school_id, r.partnership]));
}
