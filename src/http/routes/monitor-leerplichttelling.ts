// GET /api/monitor/leerplichttelling?school_year= (domain.md §7): the annual count of art. 25
// Leerplichtwet and the municipal annual report figures, per residence municipality and for
// the whole region (municipality "*"). Aggregates only, counts of 1–4 suppressed; JSON, or CSV
// with `format=csv`.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { regionSchoolYearStart } from "../../db/repositories/region-settings.ts";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import { cachedValue } from "../../services/monitor-cache.ts";
import { leerplichttellingReport } from "../../services/monitor-leerplichttelling.ts";
import type { HttpContext } from "../context.ts";
import { problemResponses } from "../problem.ts";
import { today } from "./cases-http.ts";
import { monitorGate } from "./monitor-http.ts";

export const TellingRowSchema = z
  .object({
    municipality: z.string().describe('residence municipality; "*" for the whole region'),
    category: z.string(),
    count: z.number().int().nullable().describe("null: 1–4, suppressed"),
  })
  .meta({ id: "LeerplichttellingRow" });

export const TellingSchema = z
  .object({
    school_year: z.string().describe("e.g. 2025-2026 (1 August – 31 July)"),
    reference_date: z.iso.date().describe("states are counted at this date; flows up to it"),
    rows: z.array(TellingRowSchema),
    notes: z.record(z.string(), z.string()).describe("what the register cannot produce"),
  })
  .meta({ id: "Leerplichttelling" });

export function tellingCsv(rows: z.infer<typeof TellingRowSchema>[]): string {
  return csvText(
    ["municipality", "category", "count"],
    rows.map((r) => [r.municipality, r.category, r.count]),
  );
}

export function registerMonitorTellingRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/monitor/leerplichttelling",
    {
      schema: {
        summary: "The annual leerplichttelling (art. 25) and municipal annual report figures",
        tags: ["monitor"],
        querystring: z.object({
          school_year: z.coerce
            .number()
            .int()
            .min(2000)
            .max(2100)
            .optional()
            .describe("the year of 1 August; default: the region's school year (its settings)"),
          format: z.enum(["json", "csv"]).default("json"),
        }),
        response: { 200: TellingSchema, ...problemResponses(400, 401, 403, 429, 503) },
      },
    },
    async (request, reply) => {
      const now = today(ctx);
      const startYear = request.query.school_year ?? (await regionSchoolYearStart(ctx.db.sql, now));
      await monitorGate(request, ctx, "monitor_leerplichttelling", {
        schoolYear: String(startYear),
      });
      const report = await cachedValue(ctx.db.sql, `telling|${startYear}|${now}`, () =>
        leerplichttellingReport(ctx.db.sql, startYear, now, true),
      );
      const rows = report.rows.map((r) => ({
        municipality: r.group,
        category: r.measure,
        count: r.count,
      }));
      if (request.query.format === "csv") {
        return reply
          .type("text/csv; charset=utf-8")
          .header(
            "content-disposition",
            `attachment; filename="leerplichttelling-${report.schoolYear}.csv"`,
          )
          .send(tellingCsv(rows) as unknown as z.infer<typeof TellingSchema>);
      }
      return {
        school_year: report.schoolYear,
        reference_date: report.referenceDate,
        rows,
        notes: report.notes,
      };
    },
  );
}
