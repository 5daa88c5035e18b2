// GET /api/monitor/kpis?quarter=&by= (domain.md §5 KPIs per quarter, §7): each KPI with its
// target, the cases within the norm, the total and the pending ones. The list of cases behind a
// KPI goes only to roles the policy lets read those cases (`read_case`, per case; each audited);
// policy roles get counts only. Counts of 1–4 are suppressed unless the user may read every
// case behind them (then the count tells nothing they cannot see).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { SUPPRESSION_THRESHOLD } from "../../domain/monitor/aggregate.ts";
import { KPI_NORMS } from "../../domain/monitor/kpis.ts";
import { quarterOf } from "../../domain/monitor/quarters.ts";
import { cachedValue } from "../../services/monitor-cache.ts";
import { kpisOfQuarter } from "../../services/monitor-kpis.ts";
import type { HttpContext } from "../context.ts";
import { problemResponses } from "../problem.ts";
import { today } from "./cases-http.ts";
import {
  MonitorGroupingSchema,
  monitorGate,
  QuarterSchema,
  readableCases,
} from "./monitor-http.ts";

export const KpiCaseSchema = z
  .object({
    case_id: z.string(),
    school_id: z.string(),
    due_date: z.iso.date(),
    status: z.enum(["met", "missed", "pending"]),
    met_on: z.iso.date().nullable(),
  })
  .meta({ id: "KpiCase" });

export const KpiSchema = z
  .object({
    group: z.string().describe('"" when not grouped'),
    code: z.enum([
      "first_professional_contact",
      "first_conversation",
      "smart_goals",
      "three_month_guarantee",
    ]),
    norm: z.string(),
    target: z.number().describe("fraction of cases, e.g. 0.8"),
    met: z.number().int().nullable().describe("within the norm; null: 1–4, suppressed"),
    total: z.number().int().nullable().describe("cases whose deadline fell due in the quarter"),
    pending: z.number().int().nullable().describe("due later than the evaluation date"),
    actual: z.number().nullable().describe("met / total; null without cases or suppressed"),
    target_met: z.boolean().nullable(),
    cases: z.array(KpiCaseSchema).nullable().describe("null: your roles see counts only"),
  })
  .meta({ id: "Kpi" });

export const KpiReportSchema = z
  .object({
    quarter: z.string(),
    evaluated_at: z.iso.date(),
    kpis: z.array(KpiSchema),
  })
  .meta({ id: "KpiReport" });

export function registerMonitorKpiRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/monitor/kpis",
    {
      schema: {
        summary: "The chain's KPIs (domain.md §5) in a quarter, with targets",
        tags: ["monitor"],
        querystring: z.object({
          quarter: QuarterSchema.optional().describe("default: the current quarter"),
          by: MonitorGroupingSchema.optional().describe("default: the whole region"),
        }),
        response: { 200: KpiReportSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const now = today(ctx);
      const quarter = request.query.quarter ?? quarterOf(now);
      const actor = await monitorGate(request, ctx, "monitor_kpis", { quarter });
      const by = request.query.by ?? null;
      const report = await cachedValue(ctx.db.sql, `kpis|${quarter}|${by}|${now}`, () =>
        kpisOfQuarter(ctx.db, quarter, now, by),
      );
      const behind = new Map<string, NonNullable<ReturnType<typeof report.cases.get>>>();
      for (const g of report.groups)
        for (const k of g.kpis)
          for (const l of k.lines) {
            const c = report.cases.get(l.caseId);
            if (c) behind.set(c.id, c);
          }
      const readable = await readableCases(ctx, actor, [...behind.values()], now, { quarter });
      const seesCases = readable.size > 0;
      const kpis = report.groups.flatMap(({ group, kpis }) =>
        kpis.map((k) => {
          const seesAll = k.lines.every((l) => readable.has(l.caseId));
          const shown = (n: number) =>
            seesAll || n === 0 || n >= SUPPRESSION_THRESHOLD ? n : null;
          const met = shown(k.met);
          const total = shown(k.total);
          const actual = met === null || total === null ? null : k.actual;
          return {
            group,
            code: k.code,
            norm: KPI_NORMS[k.code],
            target: k.target,
            met,
            total,
            pending: shown(k.pending),
            actual,
            target_met: actual === null ? null : actual >= k.target,
            cases: seesCases
              ? k.lines
                  .filter((l) => readable.has(l.caseId))
                  .map((l) => ({
                    case_id: l.caseId,
                    school_id: l.schoolId,
                    due_date: l.dueDate,
                    status: l.status,
                    met_on: l.metOn,
                  }))
              : null,
          };
        }),
      );
      return { quarter, evaluated_at: report.evaluatedAt, kpis };
    },
  );
}
