// GET /api/monitor/former-thuiszitters?as_of= (domain.md §7): pupils whose case closed, followed
// afterwards, as a cohort view per quarter of closing. Counts (1–4 suppressed) for everyone
// with the monitor; the pupil rows only for the cases the policy lets the user read (each read
// audited), `null` for roles that never read cases (policy roles).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { mayEver } from "../../access/index.ts";
import { loadCasesOfPupils } from "../../db/repositories/cases.ts";
import { cohortRows } from "../../domain/monitor/former.ts";
import { cachedValue } from "../../services/monitor-cache.ts";
import { formerThuiszitters } from "../../services/monitor-former.ts";
import { pseudonym, regionKey } from "../../services/region-key.ts";
import type { HttpContext } from "../context.ts";
import { problemResponses } from "../problem.ts";
import { IsoDate, today } from "./cases-http.ts";
import { monitorGate, readableCases } from "./monitor-http.ts";

export const CohortRowSchema = z
  .object({
    cohort: z.string().describe("quarter of closing, YYYY-Qn"),
    measure: z.string(),
    count: z.number().int().nullable().describe("null: 1–4, suppressed"),
  })
  .meta({ id: "FormerThuiszitterCohortRow" });

export const FormerPupilSchema = z
  .object({
    case_id: z.string(),
    pupil_id: z.string(),
    cohort: z.string(),
    closed_at: z.iso.date(),
    outcome: z.string(),
    enrolled_now: z.boolean(),
    reentered: z.boolean(),
    school_changes: z.number().int(),
    attendance_rate: z
      .number()
      .nullable()
      .describe("present share of scheduled time since closing"),
    signals_now: z.array(z.string()),
    new_case: z.boolean(),
    left_education: z.boolean(),
    start_qualification: z.enum(["obtained", "unknown"]),
  })
  .meta({ id: "FormerThuiszitter" });

export const FormerReportSchema = z
  .object({
    as_of: z.iso.date(),
    start_qualification_recorded: z
      .boolean()
      .describe("false: the register holds no start qualifications, so leaving is 'unknown'"),
    cohorts: z.array(CohortRowSchema),
    pupils: z.array(FormerPupilSchema).nullable().describe("null: your roles see counts only"),
  })
  .meta({ id: "FormerThuiszitters" });

export function registerMonitorFormerRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/monitor/former-thuiszitters",
    {
      schema: {
        summary: "Former thuiszitters followed after their case closed, per closing quarter",
        tags: ["monitor"],
        querystring: z.object({
          as_of: IsoDate.optional().describe("default: today"),
          pseudonymise: z
            .enum(["true", "false"])
            .default("false")
            .describe(
              "true: pupil and case ids replaced by stable pseudonyms under the region key (research exports)",
            ),
        }),
        response: { 200: FormerReportSchema, ...problemResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request) => {
      const now = today(ctx);
      const asOf = request.query.as_of ?? now;
      const actor = await monitorGate(request, ctx, "monitor_former_thuiszitters", { asOf });
      const report = await cachedValue(ctx.db.sql, `former|${asOf}`, () =>
        formerThuiszitters(ctx.db, asOf),
      );
      let pupils: z.infer<typeof FormerPupilSchema>[] | null = null;
      // Issue 18 (minimisation): a research or monitoring export carries no real ids, only
      // pseudonyms keyed with the region key (the same id gives the same pseudonym every time).
      const key = request.query.pseudonymise === "true" ? await regionKey(ctx.db.sql) : null;
      const alias = (id: string) => (key === null ? id : pseudonym(key, id));
      if (mayEver(actor, "read_case", "case")) {
        const ids = new Set(report.pupils.map((p) => p.caseId));
        const cases = (
          await loadCasesOfPupils(
            ctx.db.orm,
            report.pupils.map((p) => p.pupilId),
          )
        ).filter((c) => ids.has(c.id));
        const readable = await readableCases(ctx, actor, cases, now, { asOf, list: "former" });
        pupils = report.pupils
          .filter((p) => readable.has(p.caseId))
          .map((p) => ({
            case_id: alias(p.caseId),
            pupil_id: alias(p.pupilId),
            cohort: p.cohort,
            closed_at: p.closedAt,
            outcome: p.outcome,
            enrolled_now: p.enrolledNow,
            reentered: p.reentered,
            school_changes: p.schoolChanges,
            attendance_rate:
              p.attendanceRate === null ? null : Math.round(p.attendanceRate * 1000) / 1000,
            signals_now: p.signalsNow,
            new_case: p.newCase,
            left_education: p.leftEducation,
            start_qualification: p.startQualification,
          }));
      }
      return {
        as_of: asOf,
        start_qualification_recorded: report.startQualificationRecorded,
        cohorts: cohortRows(report.pupils, true),
        pupils,
      };
    },
  );
}
