// M@ZL (domain.md §2: the youth doctor follows sick absence, advises on load capacity, and is the
// sole reader of medical details): the school's referrals to the youth doctor (aanmelding) with
// the school's question, the youth doctor's feedback to the school (terugkoppeling: load capacity
// and advice, no medical details) and the youth doctor's medical notes, which no other role
// reads. Who may do what is src/domain/policy/rules.ts (resource youth_doctor_referral); every
// read and write is audited; a referral the user may not see answers 404.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type AccessActor, may, pupilScopesOf } from "../../access/index.ts";
import { pupilAndSchoolNamesOf } from "../../db/repositories/names.ts";
import type { PupilScope, Resource } from "../../domain/policy/resources.ts";
import {
  checkFeedback,
  checkMedicalNote,
  checkReferral,
  LOAD_CAPACITIES,
  REFERRAL_STATUSES,
  type ReferralStatus,
  type YouthDoctorCheck,
} from "../../domain/youth-doctor/referrals.ts";
import {
  insertFeedback,
  insertMedicalNote,
  insertReferral,
  listReferrals,
  loadReferral,
  type MedicalNoteRow,
  notesOfReferral,
  type ReferralRow,
} from "../../services/youth-doctor.ts";
import type { HttpContext } from "../context.ts";
import { LongText, PupilId, RecordId } from "../input-schemas.ts";
import { problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, today } from "./cases-http.ts";
import {
  admitNewRecord,
  authorizedRecord,
  type PupilRecordKind,
  visibleRecords,
} from "./pupil-records-http.ts";

export const YouthDoctorReferralSchema = z
  .object({
    id: z.string(),
    pupil_id: z.string(),
    pupil_name: z.string(),
    school_id: z.string(),
    school_name: z.string(),
    question: z.string().describe("the school's question to the youth doctor"),
    consent_on: z.iso.date().describe("the day parents (and the child by age) agreed"),
    referred_on: z.iso.date(),
    status: z.enum(REFERRAL_STATUSES),
    feedback: z
      .object({
        load_capacity: z.enum(LOAD_CAPACITIES),
        advice: z.string(),
        given_on: z.iso.date(),
      })
      .nullable()
      .describe("the youth doctor's feedback to the school: load capacity and advice only"),
    may_answer: z.boolean().describe("whether this user may give the feedback"),
    may_read_medical_notes: z.boolean().describe("true for the youth doctor only"),
  })
  .meta({ id: "YouthDoctorReferral" });

const MedicalNoteSchema = z
  .object({ id: z.string(), text: z.string(), written_on: z.iso.date() })
  .meta({ id: "MedicalNote" });

const ReferralListSchema = z
  .object({
    referrals: z.array(YouthDoctorReferralSchema),
    may_refer: z
      .boolean()
      .describe("with pupil_id: whether this user may refer that pupil to the youth doctor"),
  })
  .meta({ id: "YouthDoctorReferrals" });

type ReferralOut = z.infer<typeof YouthDoctorReferralSchema>;

/** The pupil as seen from the referring school (like a leave request: the school's own record). */
export function referralResource(pupil: PupilScope, schoolId: string): Resource {
  return {
    kind: "youth_doctor_referral",
    pupil: { ...pupil, schoolIds: pupil.schoolIds.filter((id) => id === schoolId) },
  };
}

const REFERRALS: PupilRecordKind<"youth_doctor_referral", ReferralRow, ReferralStatus> = {
  kind: "youth_doctor_referral",
  readAction: "read_youth_doctor_referrals",
  listAction: "list_youth_doctor_referrals",
  listRefused: "Only the school and the youth doctor see referrals to the youth doctor.",
  load: loadReferral,
  list: listReferrals,
  resourceOf: (r, pupil) => referralResource(pupil, r.school_id),
};

function refuse(check: Extract<YouthDoctorCheck, { ok: false }>): never {
  throw problem(`jgz-${kebab(check.error)}`, check.message);
}

async function present(
  ctx: HttpContext,
  actor: AccessActor,
  rows: readonly ReferralRow[],
  scopes: Map<string, PupilScope>,
): Promise<ReferralOut[]> {
  const names = await pupilAndSchoolNamesOf(ctx.db.orm, rows);
  return rows.map((r) => {
    const pupil = scopes.get(r.pupil_id);
    const resource = pupil ? referralResource(pupil, r.school_id) : null;
    const allowed = (action: "give_youth_doctor_feedback" | "read_medical_notes") =>
      !!resource && may(actor, action, resource).ok;
    return {
      id: r.id,
      pupil_id: r.pupil_id,
      pupil_name: names.pupilName(r),
      school_id: r.school_id,
      school_name: names.schoolName(r),
      question: r.question,
      consent_on: r.consent_on,
      referred_on: r.referred_on,
      status: r.status,
      feedback:
        r.load_capacity && r.advice && r.feedback_on
          ? { load_capacity: r.load_capacity, advice: r.advice, given_on: r.feedback_on }
          : null,
      may_answer: r.status === "open" && allowed("give_youth_doctor_feedback"),
      may_read_medical_notes: allowed("read_medical_notes"),
    };
  });
}

const Params = z.object({ id: RecordId });

export function registerYouthDoctorRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  /** One referral, gated for `action` with one audit row; 404 when the user may not see it. */
  const authorized = (
    actor: AccessActor,
    id: string,
    action: "give_youth_doctor_feedback" | "read_medical_notes" | "write_medical_notes",
  ) => authorizedRecord(ctx, actor, REFERRALS, id, action, action);

  typed.get(
    "/api/youth-doctor-referrals",
    {
      schema: {
        summary:
          "Referrals to the youth doctor the user may see: the school its pupils', the youth " +
          "doctor those of the pupils living in their municipality (M@ZL)",
        tags: ["youth-doctor"],
        querystring: z.object({
          status: z.enum(REFERRAL_STATUSES).optional(),
          pupil_id: PupilId.optional(),
        }),
        response: {
          200: ReferralListSchema,
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { rows, scopes } = await visibleRecords(ctx, actor, REFERRALS, request.query);
      const { pupil_id } = request.query;
      let mayRefer = false;
      if (pupil_id) {
        const pupil = (await pupilScopesOf(ctx.db.orm, [pupil_id], today(ctx))).get(pupil_id);
        mayRefer =
          !!pupil &&
          pupil.schoolIds.some(
            (schoolId) => may(actor, "refer_youth_doctor", referralResource(pupil, schoolId)).ok,
          );
      }
      return {
        referrals: await present(ctx, actor, rows, scopes),
        may_refer: mayRefer,
      };
    },
  );

  typed.post(
    "/api/youth-doctor-referrals",
    {
      schema: {
        summary:
          "Refers a pupil of the user's school to the youth doctor (by the mentor or the care " +
          "coordinator) with the school's question and the day consent was given (domain.md §5)",
        tags: ["youth-doctor"],
        body: z
          .object({
            pupil_id: PupilId,
            question: LongText.trim().min(1),
            consent_on: IsoDate,
            referred_on: IsoDate.optional().describe("default: today"),
          })
          .strict(),
        response: {
          201: YouthDoctorReferralSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const actor = commandActor(request);
      const body = request.body;
      const day = today(ctx);
      const referredOn = body.referred_on ?? day;
      const scopes = await pupilScopesOf(ctx.db.orm, [body.pupil_id], day);
      const pupil = scopes.get(body.pupil_id);
      // The referring school: the pupil's school that is also the user's.
      const schoolId =
        pupil?.schoolIds.find((id) => actor.policy.grants.some((g) => g.schoolIds?.includes(id))) ??
        "";
      await admitNewRecord(ctx, actor, {
        kind: "youth_doctor_referral",
        action: "refer_youth_doctor",
        pupilId: body.pupil_id,
        pupil,
        resource: pupil ? referralResource(pupil, schoolId) : null,
      });
      const input = { question: body.question, consentOn: body.consent_on, referredOn };
      const check = checkReferral(input, day);
      if (!check.ok) refuse(check);
      const row = await insertReferral(
        ctx.db.sql,
        body.pupil_id,
        schoolId,
        input,
        actor.userId ?? "system",
      );
      const [out] = await present(ctx, actor, [row], scopes);
      return reply.code(201).send(out!);
    },
  );

  typed.post(
    "/api/youth-doctor-referrals/:id/feedback",
    {
      schema: {
        summary:
          "The youth doctor's feedback to the school: load capacity and advice, no medical " +
          "details; once per referral",
        tags: ["youth-doctor"],
        params: Params,
        body: z
          .object({
            load_capacity: z.enum(LOAD_CAPACITIES),
            advice: LongText.trim().min(1),
            given_on: IsoDate.optional().describe("default: today"),
          })
          .strict(),
        response: { 200: YouthDoctorReferralSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { row, scopes } = await authorized(
        actor,
        request.params.id,
        "give_youth_doctor_feedback",
      );
      const day = today(ctx);
      const input = {
        loadCapacity: request.body.load_capacity,
        advice: request.body.advice,
        givenOn: request.body.given_on ?? day,
      };
      const check = checkFeedback({ status: row.status, referredOn: row.referred_on }, input, day);
      if (!check.ok) refuse(check);
      if (!(await insertFeedback(ctx.db.sql, row.id, input, actor.userId ?? "system"))) {
        refuse({ ok: false, error: "already_answered", message: "Answered meanwhile." });
      }
      const updated = (await loadReferral(ctx.db.sql, row.id))!;
      return (await present(ctx, actor, [updated], scopes))[0]!;
    },
  );

  typed.get(
    "/api/youth-doctor-referrals/:id/medical-notes",
    {
      schema: {
        summary:
          "The youth doctor's medical notes on a referral: readable by the youth doctor only",
        tags: ["youth-doctor"],
        params: Params,
        response: { 200: z.array(MedicalNoteSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { row } = await authorized(
        commandActor(request),
        request.params.id,
        "read_medical_notes",
      );
      return (await notesOfReferral(ctx.db.sql, row.id)).map(presentNote);
    },
  );

  typed.post(
    "/api/youth-doctor-referrals/:id/medical-notes",
    {
      schema: {
        summary:
          "Adds a medical note to a referral (the youth doctor only; never shown to the school)",
        tags: ["youth-doctor"],
        params: Params,
        body: z
          .object({
            text: LongText.trim().min(1),
            written_on: IsoDate.optional().describe("default: today"),
          })
          .strict(),
        response: { 201: MedicalNoteSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const actor = commandActor(request);
      const { row } = await authorized(actor, request.params.id, "write_medical_notes");
      const day = today(ctx);
      const input = { text: request.body.text, writtenOn: request.body.written_on ?? day };
      const check = checkMedicalNote({ referredOn: row.referred_on }, input, day);
      if (!check.ok) refuse(check);
      const note = await insertMedicalNote(ctx.db.sql, row, input, actor.userId ?? "system");
      return reply.code(201).send(presentNote(note));
    },
  );
}

function presentNote(n: MedicalNoteRow): z.infer<typeof MedicalNoteSchema> {
  return { id: n.id, text: n.text, written_on: n.written_on };
}
