// Leerplicht's register (issue 14 item 2; domain.md §6 "Exemptions", "Variawet"): exemption
// decisions (kind, period, who decided, for art. 5 sub a the partnership's and an independent
// doctor's advice with their dates) and Variawet records (reduced education time: period, hours,
// approval), for the residents of the officer's municipalities. A person of another municipality
// answers 404 like one that does not exist. Every change is audited with the person's id.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type ExemptionRow,
  findExemption,
  findVariawet,
  listExemptions,
  listVariawet,
  residenceOf,
  schoolOfPupilExists,
  type VariawetRow,
  writeExemption,
  writeVariawet,
} from "../../db/repositories/exemptions-setup.ts";
import { EXEMPTION_KINDS } from "../../domain/money/exemptions.ts";
import type { HttpContext } from "../context.ts";
import { PupilId, RecordId, SchoolId, ShortText } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import {
  authorizeSetup,
  recordSetupChange,
  type SetupAuditAction,
  type SetupGrant,
  type SetupResourceType,
} from "./setup-gate.ts";

const Day = z.iso.date("een datum als 2026-03-02");
const Who = ShortText.trim().min(1, "vul in wie het was");

const ExemptionSchema = z
  .object({
    pupil_id: z.string(),
    person_name: z.string(),
    municipality: z.string(),
    kind: z.string(),
    start_date: Day,
    end_date: Day.nullable(),
    decision_maker: z.string().nullable(),
    advice_partnership_by: z.string().nullable(),
    advice_partnership_on: z.string().nullable(),
    advice_doctor_by: z.string().nullable(),
    advice_doctor_on: z.string().nullable(),
  })
  .meta({ id: "Exemption" });

const VariawetSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    person_name: z.string(),
    municipality: z.string(),
    school_id: z.string(),
    start_date: Day,
    end_date: Day,
    hours_per_week: z.number(),
    approved: z.boolean().nullable(),
    approved_by: z.string().nullable(),
    approved_on: z.string().nullable(),
    case_id: z.string().nullable(),
  })
  .meta({ id: "VariawetRecord" });

const adviceFields = {
  end_date: Day.nullable().optional(),
  decision_maker: Who.describe("who decided, e.g. the college of B&W of the municipality"),
  advice_partnership_by: Who.nullable().optional(),
  advice_partnership_on: Day.nullable().optional(),
  advice_doctor_by: Who.nullable().optional(),
  advice_doctor_on: Day.nullable().optional(),
};

type AdviceInput = {
  start_date?: string;
  end_date?: string | null | undefined;
  advice_partnership_by?: string | null | undefined;
  advice_partnership_on?: string | null | undefined;
  advice_doctor_by?: string | null | undefined;
  advice_doctor_on?: string | null | undefined;
};

/** Who advised and when belong together; an end lies on or after the start. */
function checkAdvice(value: AdviceInput, ctx: z.RefinementCtx): void {
  for (const who of ["partnership", "doctor"] as const) {
    const by = value[`advice_${who}_by`];
    const on = value[`advice_${who}_on`];
    if (!!by !== !!on) {
      ctx.addIssue({
        code: "custom",
        path: [by ? `advice_${who}_on` : `advice_${who}_by`],
        message:
          who === "partnership"
            ? "advies samenwerkingsverband: vul zowel de adviseur als de datum in (of geen van beide)"
            : "advies arts: vul zowel de arts als de datum in (of geen van beide)",
      });
    }
  }
  if (value.start_date && value.end_date && value.end_date < value.start_date) {
    ctx.addIssue({
      code: "custom",
      path: ["end_date"],
      message: "einddatum ligt vóór de begindatum: kies een datum op of na de begindatum",
    });
  }
}

const NewExemption = z
  .object({
    pupil_id: PupilId,
    kind: z.enum(EXEMPTION_KINDS, `soort vrijstelling: kies ${EXEMPTION_KINDS.join(", ")}`),
    start_date: Day,
    ...adviceFields,
  })
  .superRefine(checkAdvice);

const ExemptionUpdate = z.object(adviceFields).superRefine(checkAdvice);

const NewVariawet = z
  .object({
    pupil_id: PupilId,
    school_id: SchoolId,
    start_date: Day,
    end_date: Day,
    hours_per_week: z
      .int("uren per week: een heel getal")
      .min(0, "uren per week: 0 of meer")
      .max(40, "uren per week: hoogstens 40"),
    approved: z.boolean().nullable().optional().describe("null: not decided yet"),
    approved_by: Who.nullable().optional(),
    approved_on: Day.nullable().optional(),
    case_id: RecordId.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.end_date < v.start_date) {
      ctx.addIssue({
        code: "custom",
        path: ["end_date"],
        message: "einddatum ligt vóór de begindatum: kies een datum op of na de begindatum",
      });
    }
    if (v.approved != null && (!v.approved_by || !v.approved_on)) {
      ctx.addIssue({
        code: "custom",
        path: [v.approved_by ? "approved_on" : "approved_by"],
        message: "goedkeuring: vul in wie besliste en op welke datum",
      });
    }
  });

const VariawetUpdate = z
  .object({
    end_date: Day.optional(),
    hours_per_week: z.int().min(0).max(40).optional(),
    approved: z.boolean().nullable().optional(),
    approved_by: Who.nullable().optional(),
    approved_on: Day.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.approved != null && (!v.approved_by || !v.approved_on)) {
      ctx.addIssue({
        code: "custom",
        path: [v.approved_by ? "approved_on" : "approved_by"],
        message: "goedkeuring: vul in wie besliste en op welke datum",
      });
    }
  });

const ExemptionKey = z.object({
  pupil_id: PupilId,
  kind: z.enum(EXEMPTION_KINDS),
  start_date: Day,
});

/** A 400 naming the one body field that is wrong, as the form shows it. */
const invalid = (path: string, message: string) =>
  new HttpProblem(400, "Controleer de gemarkeerde velden.", {
    type: "urn:aanwezig:problem:validation",
    errors: [{ in: "body", path, message }],
  });

const END_BEFORE_START = "einddatum ligt vóór de begindatum: kies een datum op of na de begindatum";

const NO_SUCH_PERSON = "Geen leerling of ingezetene met deze id in uw gemeente(n).";

export function registerExemptionSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const sql = ctx.db.sql;
  const gate = (
    request: Parameters<typeof authorizeSetup>[0],
    operation: SetupAuditAction,
    type: SetupResourceType,
  ) => authorizeSetup(request, ctx, { action: "manage_exemptions", operation, resourceType: type });

  /** The person, when they live in one of the officer's municipalities; else 404. */
  async function residentOf(allowed: SetupGrant, personId: string) {
    const person = await residenceOf(sql, personId);
    if (!person || !allowed.municipalities.includes(person.municipality)) {
      throw notFound(NO_SUCH_PERSON);
    }
    return person;
  }

  /** A list of the officer's municipalities' residents, each pupil's read recorded once. */
  async function listAudited<Row extends { pupil_id: string }>(
    request: Parameters<typeof authorizeSetup>[0],
    operation: SetupAuditAction,
    type: SetupResourceType,
    list: (db: typeof sql, municipalities: readonly string[]) => Promise<Row[]>,
  ): Promise<Row[]> {
    const allowed = await gate(request, operation, type);
    const rows = await list(sql, allowed.municipalities);
    await Promise.all(
      [...new Set(rows.map((r) => r.pupil_id))].map((id) =>
        recordSetupChange(ctx.db.orm, allowed, {
          operation,
          resourceType: type,
          resourceId: id,
          pupilId: id,
        }),
      ),
    );
    return rows;
  }

  api.get(
    "/api/exemptions",
    {
      schema: {
        summary: "Exemptions of the residents of the officer's municipalities (leerplicht)",
        tags: ["setup"],
        response: { 200: z.array(ExemptionSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      return listAudited(request, "list_exemptions", "exemption", listExemptions);
    },
  );

  api.post(
    "/api/exemptions",
    {
      schema: {
        summary: "Record an exemption decision with who decided and the advice (leerplicht)",
        tags: ["setup"],
        body: NewExemption,
        response: { 201: ExemptionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "record_exemption", "exemption");
      const b = request.body;
      await residentOf(allowed, b.pupil_id);
      const key = { pupilId: b.pupil_id, kind: b.kind, startDate: b.start_date };
      if (await findExemption(sql, key)) {
        throw new HttpProblem(
          409,
          `Er is al een vrijstelling ${b.kind} voor ${b.pupil_id} vanaf ${b.start_date}: wijzig die.`,
        );
      }
      const saved = await saveExemption(allowed, "record_exemption", key, b);
      reply.code(201);
      return saved;
    },
  );

  api.patch(
    "/api/exemptions/:pupil_id/:kind/:start_date",
    {
      schema: {
        summary: "Replace an exemption's end, decision maker and advice (leerplicht)",
        tags: ["setup"],
        params: ExemptionKey,
        body: ExemptionUpdate,
        response: { 200: ExemptionSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_exemption", "exemption");
      const p = request.params;
      await residentOf(allowed, p.pupil_id);
      const key = { pupilId: p.pupil_id, kind: p.kind, startDate: p.start_date };
      if (!(await findExemption(sql, key))) throw notFound("Geen vrijstelling met deze sleutel.");
      const b = request.body;
      if (b.end_date && b.end_date < p.start_date) {
        throw invalid("end_date", END_BEFORE_START);
      }
      return saveExemption(allowed, "update_exemption", key, b);
    },
  );

  async function saveExemption(
    allowed: SetupGrant,
    operation: SetupAuditAction,
    key: { pupilId: string; kind: string; startDate: string },
    b: z.infer<typeof ExemptionUpdate>,
  ): Promise<ExemptionRow> {
    await ctx.db.transaction(async (tx) => {
      await writeExemption(tx, {
        ...key,
        endDate: b.end_date ?? null,
        decisionMaker: b.decision_maker,
        advicePartnershipBy: b.advice_partnership_by ?? null,
        advicePartnershipOn: b.advice_partnership_on ?? null,
        adviceDoctorBy: b.advice_doctor_by ?? null,
        adviceDoctorOn: b.advice_doctor_on ?? null,
      });
      await recordSetupChange(tx.orm, allowed, {
        operation,
        resourceType: "exemption",
        resourceId: `${key.pupilId}:${key.kind}:${key.startDate}`,
        pupilId: key.pupilId,
      });
    });
    return (await findExemption(sql, key))!;
  }

  api.get(
    "/api/variawet",
    {
      schema: {
        summary: "Variawet records of the residents of the officer's municipalities (leerplicht)",
        tags: ["setup"],
        response: { 200: z.array(VariawetSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      return listAudited(request, "list_variawet", "variawet_record", listVariawet);
    },
  );

  api.post(
    "/api/variawet",
    {
      schema: {
        summary: "Record reduced education time under the Variawet (leerplicht)",
        tags: ["setup"],
        body: NewVariawet,
        response: { 201: VariawetSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "record_variawet", "variawet_record");
      const b = request.body;
      await residentOf(allowed, b.pupil_id);
      if (!(await schoolOfPupilExists(sql, b.pupil_id, b.school_id))) {
        throw invalid("school_id", "school: de leerling staat niet ingeschreven op deze school");
      }
      const record: Omit<VariawetRow, "person_name" | "municipality"> = {
        id: randomUUID(),
        pupil_id: b.pupil_id,
        school_id: b.school_id,
        start_date: b.start_date,
        end_date: b.end_date,
        hours_per_week: b.hours_per_week,
        approved: b.approved ?? null,
        approved_by: b.approved_by ?? null,
        approved_on: b.approved_on ?? null,
        case_id: b.case_id ?? null,
      };
      await saveVariawet(allowed, "record_variawet", record);
      reply.code(201);
      return (await findVariawet(sql, record.id))!;
    },
  );

  api.patch(
    "/api/variawet/:id",
    {
      schema: {
        summary: "Change a Variawet record's end, hours or approval (leerplicht)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: VariawetUpdate,
        response: { 200: VariawetSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_variawet", "variawet_record");
      const current = await findVariawet(sql, request.params.id);
      if (!current || !allowed.municipalities.includes(current.municipality)) {
        throw notFound("Geen Variawet-afspraak met deze id in uw gemeente(n).");
      }
      const b = request.body;
      const next = {
        ...current,
        ...(b.end_date === undefined ? {} : { end_date: b.end_date }),
        ...(b.hours_per_week === undefined ? {} : { hours_per_week: b.hours_per_week }),
        ...(b.approved === undefined ? {} : { approved: b.approved }),
        ...(b.approved_by === undefined ? {} : { approved_by: b.approved_by }),
        ...(b.approved_on === undefined ? {} : { approved_on: b.approved_on }),
      };
      if (next.end_date < next.start_date) {
        throw invalid("end_date", END_BEFORE_START);
      }
      await saveVariawet(allowed, "update_variawet", next);
      return (await findVariawet(sql, current.id))!;
    },
  );

  async function saveVariawet(
    allowed: SetupGrant,
    operation: SetupAuditAction,
    record: Omit<VariawetRow, "person_name" | "municipality">,
  ): Promise<void> {
    await ctx.db.transaction(async (tx) => {
      await writeVariawet(tx, record);
      await recordSetupChange(tx.orm, allowed, {
        operation,
        resourceType: "variawet_record",
        resourceId: record.id,
        pupilId: record.pupil_id,
      });
    });
  }
}
