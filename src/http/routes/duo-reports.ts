// DUO absence reports (verzuimmeldingen, domain.md §4): the list with what is due and overdue,
// one report with its status history, the export with the legally required fields (JSON or CSV),
// the school's fields and the status changes (submission, withdrawal, leerplicht's handling and
// closing with the municipality's reason). Who may do what: domain/signals/duo-report-sides.ts. Every report
// shown or changed is audited; a report the user may not see answers 404.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AccessActor,
  gate,
  may,
  mayEver,
  pupilScopesOf,
  pupilsInReach,
  recordListRead,
  visiblePupilItems,
} from "../../access/index.ts";
import { pupilAndSchoolNamesOf } from "../../db/repositories/names.ts";
import { reportTimeliness } from "../../domain/signals/duo-report.ts";
import { toCsv, toExportRecord } from "../../domain/signals/duo-report-export.ts";
import {
  DUO_ROLES,
  DUO_ROLES_BY_SIDE,
  type DuoSide,
  reportScope,
  STATUS_BY_SIDE,
  sideOfStatus,
} from "../../domain/signals/duo-report-sides.ts";
import {
  DUO_CLOSING_REASONS,
  DUO_STATUSES,
  type DuoStatus,
  nextStatuses,
} from "../../domain/signals/duo-report-status.ts";
import {
  changeDuoReportStatus,
  type DuoReportRow,
  listDuoReports,
  loadDuoReport,
  loadDuoReportHistory,
  updateDuoReportFields,
} from "../../services/duo-reports.ts";
import type { HttpContext } from "../context.ts";
import { LongText, RecordId, ShortText } from "../input-schemas.ts";
import { forbidden, HttpProblem, notFound, problem, problemResponses } from "../problem.ts";
import { kebab } from "../problem-codes.ts";
import { commandActor, IsoDate, today } from "./cases-http.ts";

const nullableText = z.string().nullable();

export const DuoReportSchema = z
  .object({
    report_id: z.string(),
    pupil_id: z.string(),
    school_id: z.string(),
    report_type: z.string().describe("16_uur, langdurig_relatief, luxe, 18plus or overig"),
    repeat_number: z.number().int().describe("0 for a first report, 1–4 for repeats"),
    start_date: z.iso.date().describe("first day of the counted absence"),
    end_date: z.iso.date().describe("the day the 16 hours were reached"),
    suspected_reason: nullableText,
    all_lessons_missed: z.boolean(),
    actions_taken: nullableText,
    municipal_action_wanted: z.union([z.boolean(), z.string()]).nullable(),
    location: nullableText,
    reporter_name: nullableText,
    reporter_function: nullableText,
    reporter_phone: nullableText,
    reporter_email: nullableText,
    parent_phone: nullableText,
    days_absent: z.number(),
    hours_absent: z.number(),
    status: z.enum(DUO_STATUSES),
    due_date: z.iso.date().describe("5 working days after the end date"),
    overdue: z.boolean(),
    due_state: z
      .enum(["due", "overdue"])
      .nullable()
      .describe("a concept still to be submitted: due, or overdue after its due date"),
    closing_reason: nullableText,
    closing_note: nullableText,
    submitted_on: z.iso
      .date()
      .nullable()
      .describe(
        "the day it was reported to DUO: as the school recorded it, else the day it was marked",
      ),
    duo_reference: nullableText.describe("DUO's reference for the report, recorded on submitting"),
    timeliness: z
      .enum(["due", "overdue", "on_time", "sent_late"])
      .nullable()
      .describe(
        "against the due date: a concept is due or overdue (not sent); a sent report was " +
          "sent on time or late; null when withdrawn",
      ),
  })
  .meta({ id: "DuoReport" });

const HistorySchema = z.array(
  z.object({
    from_status: z.string().nullable(),
    to_status: z.string(),
    on_date: z.iso.date(),
    reason: z.string().nullable(),
    actor: z.string(),
  }),
);

const ListQuery = z.object({
  as_of: IsoDate.optional().describe("the date 'overdue' is judged at; default today"),
  status: z.enum(DUO_STATUSES).optional(),
  due: z.enum(["due", "overdue"]).optional().describe("only concepts due or overdue"),
});

function present(r: DuoReportRow, asOf: string) {
  const record = toExportRecord(r, asOf);
  const dueState = r.status !== "concept" ? null : record.overdue ? "overdue" : "due";
  const timeliness = reportTimeliness(
    { status: r.status, dueDate: r.due_date, submittedOn: r.submitted_on },
    asOf,
  );
  return {
    ...record,
    due_state: dueState,
    submitted_on: r.submitted_on,
    duo_reference: r.duo_reference,
    timeliness,
  } as z.infer<typeof DuoReportSchema>;
}

/** A report in the list: with the pupil's and the school's name beside their ids. */
const DuoListItemSchema = DuoReportSchema.extend({
  pupil_name: z.string().describe("given and family name"),
  school_name: z.string(),
  municipality: z
    .string()
    .optional()
    .describe("the pupil's municipality of residence (leerplicht's worklist filters by it)"),
}).meta({ id: "DuoReportListItem" });

function optionalMunicipality(municipality: string | undefined) {
  return municipality ? { municipality } : {};
}

/** The reports the user may see, filtered, with one audit row per pupil shown. */
async function visibleReports(
  ctx: HttpContext,
  actor: AccessActor,
  query: z.infer<typeof ListQuery>,
  action: "read_duo_reports" | "export_duo_reports",
) {
  if (!mayEver(actor, "read_attendance_unauthorized", "pupil", DUO_ROLES)) {
    throw forbidden("Only the school's head and care coordinator and leerplicht see DUO reports.");
  }
  const asOf = query.as_of ?? today(ctx);
  // Scope first: only the reports of pupils in the user's reach are loaded; the policy then
  // decides on each (at the report's own school).
  const reach = await pupilsInReach(
    ctx.db.orm,
    actor,
    "read_attendance_unauthorized",
    "pupil",
    DUO_ROLES,
  );
  const rows = await listDuoReports(ctx.db.sql, {
    pupilIds: reach,
    ...(query.status ? { status: query.status } : {}),
  });
  // A report exists from its end date on: at a past date, only those prepared by then.
  const { shown, scopes } = await visiblePupilItems(
    ctx.db.orm,
    actor,
    "read_attendance_unauthorized",
    rows.filter((r) => r.end_date <= asOf),
    {
      onDate: today(ctx),
      pupilIdOf: (r) => r.pupil_id,
      resourceOf: (r, pupil) => ({ kind: "pupil", pupil: reportScope(pupil, r.school_id) }),
      roles: DUO_ROLES,
    },
  );
  const decided = shown
    .map(({ item, grant }) => ({ report: present(item, asOf), grant }))
    .filter(({ report }) => !query.due || report.due_state === query.due);
  // One audit row per pupil shown.
  const byPupil = new Map<string, (typeof decided)[number]["grant"]>();
  for (const d of decided)
    if (!byPupil.has(d.report.pupil_id)) byPupil.set(d.report.pupil_id, d.grant);
  await recordListRead(
    ctx.db.orm,
    actor,
    [...byPupil].map(([pupilId, grant]) => ({
      grant,
      subject: {
        action,
        resourceType: "duo_report",
        resourceId: pupilId,
        pupilId,
        context: { asOf },
      },
    })),
  );
  return Object.assign(
    decided.map((d) => d.report),
    { residenceOf: (pupilId: string) => scopes.get(pupilId)?.residenceMunicipality },
  );
}

/** One report, authorized (audited either way); 404 when missing or not the user's to see. */
async function authorizedReport(
  ctx: HttpContext,
  actor: AccessActor,
  id: string,
  action: "read_duo_report" | "change_duo_report_status" | "update_duo_report",
  side: "read" | "school" | "leerplicht",
) {
  const report = await loadDuoReport(ctx.db.sql, id);
  if (!report) throw notFound();
  const pupil = (await pupilScopesOf(ctx.db.orm, [report.pupil_id], today(ctx))).get(
    report.pupil_id,
  );
  // Changing needs the side's role; a report the user cannot even read is 404, not 403.
  const verdict = await gate(
    ctx.db.orm,
    actor,
    "read_attendance_unauthorized",
    pupil ? { kind: "pupil", pupil: reportScope(pupil, report.school_id) } : null,
    { action, resourceType: "duo_report", resourceId: report.id, pupilId: report.pupil_id },
    {
      roles: side === "read" ? DUO_ROLES : DUO_ROLES_BY_SIDE[side],
      visibleWith: { action: "read_attendance_unauthorized", roles: DUO_ROLES },
    },
  );
  if (!verdict.ok) throw verdict.error === "not_found" ? notFound() : forbidden(verdict.reason);
  return Object.assign(report, { pupilScope: pupil });
}

/**
 * What the screen offers on a report the user reads (decided, not audited: the read was): the
 * statuses their side may set from the current one, and whether they may fill in the fields.
 */
function offeredOn(actor: AccessActor, report: Awaited<ReturnType<typeof authorizedReport>>) {
  const pupil = report.pupilScope;
  const sideMay = (side: DuoSide) =>
    !!pupil &&
    may(
      actor,
      "read_attendance_unauthorized",
      { kind: "pupil", pupil: reportScope(pupil, report.school_id) },
      DUO_ROLES_BY_SIDE[side],
    ).ok;
  const next = nextStatuses(report.status);
  const statuses: DuoStatus[] = [];
  for (const side of ["school", "leerplicht"] as const) {
    if (sideMay(side)) statuses.push(...STATUS_BY_SIDE[side].filter((s) => next.includes(s)));
  }
  return {
    allowed_statuses: statuses,
    may_fill_fields: report.status === "concept" && sideMay("school"),
  };
}

const Params = z.object({ id: RecordId });

export function registerDuoReportRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    "/api/duo-reports",
    {
      schema: {
        summary: "DUO absence reports the user may see, with what is due and overdue",
        tags: ["duo-reports"],
        querystring: ListQuery,
        response: { 200: z.array(DuoListItemSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const rows = await visibleReports(
        ctx,
        commandActor(request),
        request.query,
        "read_duo_reports",
      );
      // Names for the people who read the list (the export keeps DUO's fields only).
      const names = await pupilAndSchoolNamesOf(ctx.db.orm, rows);
      return rows.map((r) => ({
        ...r,
        pupil_name: names.pupilName(r),
        school_name: names.schoolName(r),
        ...optionalMunicipality(rows.residenceOf(r.pupil_id)),
      }));
    },
  );

  typed.get(
    "/api/duo-reports/export",
    {
      schema: {
        summary: "The reports with the legally required fields, as JSON or `;`-separated CSV",
        tags: ["duo-reports"],
        querystring: ListQuery.extend({ format: z.enum(["json", "csv"]).default("json") }),
        response: { 200: z.array(DuoReportSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { format, ...query } = request.query;
      const rows = await visibleReports(ctx, commandActor(request), query, "export_duo_reports");
      if (format === "json") return rows;
      return (
        reply
          .type("text/csv; charset=utf-8")
          .header("content-disposition", 'attachment; filename="verzuimmeldingen.csv"')
          .serializer((payload: unknown) => payload as string)
          // The schema documents the JSON form; the CSV text bypasses its serializer above.
          .send(toCsv(rows) as unknown as typeof rows)
      );
    },
  );

  typed.get(
    "/api/duo-reports/:id",
    {
      schema: {
        summary: "One DUO absence report with its status history",
        tags: ["duo-reports"],
        params: Params,
        querystring: z.object({ as_of: IsoDate.optional() }),
        response: {
          200: DuoReportSchema.extend({
            history: HistorySchema,
            pupil_name: z.string(),
            school_name: z.string(),
            allowed_statuses: z
              .array(z.enum(DUO_STATUSES))
              .describe("the statuses the user may set now (the server checks again)"),
            may_fill_fields: z
              .boolean()
              .describe("whether the user may fill in the school's fields (a concept only)"),
          }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const report = await authorizedReport(
        ctx,
        actor,
        request.params.id,
        "read_duo_report",
        "read",
      );
      const history = await loadDuoReportHistory(ctx.db.sql, report.id);
      const names = await pupilAndSchoolNamesOf(ctx.db.orm, [report]);
      return {
        ...present(report, request.query.as_of ?? today(ctx)),
        history,
        pupil_name: names.pupilName(report),
        school_name: names.schoolName(report),
        ...offeredOn(actor, report),
      };
    },
  );

  typed.post(
    "/api/duo-reports/:id/status",
    {
      schema: {
        summary:
          "Records a status change: the school submits (geregistreerd) or withdraws (ingetrokken); " +
          "leerplicht takes it up (in_behandeling), closes it (afgesloten, with the closing reason) " +
          "or takes note (ter_kennisgeving). A note saying why is required.",
        tags: ["duo-reports"],
        params: Params,
        body: z
          .object({
            status: z.enum(DUO_STATUSES),
            closing_reason: z.enum(DUO_CLOSING_REASONS).optional(),
            note: LongText.trim().min(1),
            reported_on: IsoDate.optional().describe(
              "with geregistreerd: the day the school reported it at DUO's verzuimloket " +
                "(from the report's end date up to today; default today)",
            ),
            duo_reference: ShortText.trim()
              .min(1)
              .max(40)
              .optional()
              .describe("with geregistreerd: DUO's reference for the report"),
          })
          .refine(
            (b) =>
              b.status === "geregistreerd" ||
              (b.reported_on === undefined && b.duo_reference === undefined),
            {
              message: "reported_on and duo_reference belong to geregistreerd only",
              path: ["status"],
            },
          ),
        response: { 200: DuoReportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const { status, closing_reason, note, reported_on, duo_reference } = request.body;
      const side = sideOfStatus(status);
      if (side === null) throw new HttpProblem(400, `Status ${status} is set by the system.`);
      const report = await authorizedReport(
        ctx,
        actor,
        request.params.id,
        "change_duo_report_status",
        side,
      );
      // A report is made once its 16 hours are reached (its end date), and not in the future.
      if (
        reported_on !== undefined &&
        (reported_on > today(ctx) || reported_on < report.end_date)
      ) {
        throw problem(
          "invalid-date",
          `The day it was reported lies between the report's end date (${report.end_date}) and today.`,
        );
      }
      const change = await changeDuoReportStatus(
        ctx.db,
        report.id,
        status,
        { reason: closing_reason ?? null, note },
        actor.userId,
        today(ctx),
        { reportedOn: reported_on ?? null, duoReference: duo_reference ?? null },
      );
      if (!change.ok) {
        throw problem(
          `duo-${kebab(change.error)}`,
          `Cannot change ${report.status} to ${status}: ${change.error}.`,
        );
      }
      return present((await loadDuoReport(ctx.db.sql, report.id))!, today(ctx));
    },
  );

  typed.post(
    "/api/duo-reports/:id/fields",
    {
      schema: {
        summary: "The school fills in the required fields of a concept before submitting it",
        tags: ["duo-reports"],
        params: Params,
        body: z
          .object({
            // The lengths of DUO's own form, smaller than LongText's.
            suspected_reason: LongText.max(2000).nullable(),
            actions_taken: LongText.max(4000).nullable(),
            municipal_action_wanted: z.boolean().nullable(),
            location: ShortText.nullable(),
            reporter_name: ShortText.nullable(),
            reporter_function: ShortText.nullable(),
            reporter_phone: ShortText.max(40).nullable(),
            reporter_email: z.email().max(200).nullable(),
            parent_phone: ShortText.max(40).nullable(),
            report_type: z.literal("overig").nullable(),
          })
          .partial()
          .strict(),
        response: { 200: DuoReportSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const report = await authorizedReport(
        ctx,
        actor,
        request.params.id,
        "update_duo_report",
        "school",
      );
      if (!(await updateDuoReportFields(ctx.db, report.id, request.body))) {
        throw problem(
          "duo-not-concept",
          "Only a concept can be filled in; a submitted report is DUO's.",
        );
      }
      return present((await loadDuoReport(ctx.db.sql, report.id))!, today(ctx));
    },
  );
}
