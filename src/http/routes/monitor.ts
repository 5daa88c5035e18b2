// GET /api/monitor?as_of=&by= (interfaces.md "Monitor rows") and GET /api/monitor/trend per
// quarter (domain.md §7). Aggregates only: every count of 1–4 is suppressed in the API, for
// every role (the command line's --no-suppress has no HTTP counterpart). Figures come from the
// snapshot cache (src/services/monitor-cache.ts), recomputed when the data changed; a completed
// quarter that was frozen before retention ran comes from its frozen figures (monitor-freeze.ts).

import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { flushAudit } from "../../access/index.ts";
import type { MonitorRow } from "../../domain/monitor/aggregate.ts";
import { isCompletedQuarter } from "../../domain/monitor/frozen.ts";
import {
  isQuarter,
  quarterCount,
  quarterOf,
  quarterRange,
  quartersBetween,
} from "../../domain/monitor/quarters.ts";
import { cachedMonitorRows, cachedSnapshot, cachedValue } from "../../services/monitor-cache.ts";
import { frozenQuarterRows } from "../../services/monitor-freeze.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, problemResponses } from "../problem.ts";
import { IsoDate, today } from "./cases-http.ts";
import { registerMonitorFormerRoutes } from "./monitor-former.ts";
import {
  MonitorGroupingSchema,
  MonitorRowSchema,
  monitorGate,
  QuarterSchema,
  registerMonitorRequester,
} from "./monitor-http.ts";
import { registerMonitorKpiRoutes } from "./monitor-kpis.ts";
import { registerMonitorTellingRoutes } from "./monitor-leerplichttelling.ts";
import { registerMonitorReconciliationRoutes } from "./monitor-reconciliation.ts";

export { MonitorRowSchema, QuarterSchema } from "./monitor-http.ts";

export const MonitorTrendRowSchema = z
  .object({
    quarter: z.string(),
    as_of: z.iso.date().describe("the quarter's last day, or today for the running quarter"),
    group: z.string(),
    measure: z.string(),
    count: z.number().int().nullable(),
  })
  .meta({ id: "MonitorTrendRow" });

const MAX_TREND_QUARTERS = 12;

export function registerMonitorRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  app.addHook("onClose", () => flushAudit(ctx.db.orm));
  // A served application computes today's snapshot in the background, so the first board
  // member does not wait for the whole region's signals (tests that only inject skip this).
  app.addHook("onListen", async () => {
    setImmediate(() => {
      cachedSnapshot(ctx.db.sql, today(ctx)).catch((error: unknown) =>
        app.log.warn({ err: error }, "monitor warm-up failed"),
      );
    });
  });
  registerMonitorRequester(app);
  registerMonitorKpiRoutes(app, ctx);
  registerMonitorFormerRoutes(app, ctx);
  registerMonitorTellingRoutes(app, ctx);
  registerMonitorReconciliationRoutes(app, ctx);

  api.get(
    "/api/monitor",
    {
      schema: {
        summary: "The monitor's aggregate rows at a date (counts 1–4 suppressed)",
        tags: ["monitor"],
        querystring: z.object({
          as_of: IsoDate.optional().describe("default: today"),
          by: MonitorGroupingSchema.default("school"),
        }),
        response: {
          200: z.array(MonitorRowSchema),
          ...problemResponses(400, 401, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const asOf = request.query.as_of ?? today(ctx);
      const by = request.query.by;
      await monitorGate(request, ctx, "monitor", { asOf, by });
      const { json } = await cachedMonitorRows(ctx.db.sql, { asOf, by, suppress: true });
      // Already serialized from the rows the schema describes; Fastify sends a JSON string as is.
      return reply.type("application/json; charset=utf-8").send(json as unknown as MonitorRow[]);
    },
  );

  api.get(
    "/api/monitor/trend",
    {
      schema: {
        summary: "The monitor per quarter: states at the quarter's end, flows within the quarter",
        tags: ["monitor"],
        querystring: z.object({
          from: QuarterSchema.optional().describe("default: three quarters before `to`"),
          to: QuarterSchema.optional().describe("default: the current quarter"),
          by: MonitorGroupingSchema.default("municipality"),
        }),
        response: {
          200: z.array(MonitorTrendRowSchema),
          ...problemResponses(400, 401, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const now = today(ctx);
      const to = request.query.to ?? quarterOf(now);
      const from = request.query.from ?? quartersBetween("1900-Q1", to, 4)[0] ?? to;
      if (!isQuarter(from) || !isQuarter(to) || from > to) {
        throw new HttpProblem(400, "`from` must be a quarter (YYYY-Qn) not after `to`.");
      }
      if (quarterCount(from, to) > MAX_TREND_QUARTERS) {
        throw new HttpProblem(400, `At most ${MAX_TREND_QUARTERS} quarters at a time.`);
      }
      const quarters = quartersBetween(from, to, Number.POSITIVE_INFINITY);
      const by = request.query.by;
      await monitorGate(request, ctx, "monitor_trend", { from, to, by });
      // The whole answer is kept until the data changes: a trend is many rows to serialize.
      const json = await cachedValue(ctx.db.sql, `trend|${from}|${to}|${by}|${now}`, async () => {
        const body: z.infer<typeof MonitorTrendRowSchema>[] = [];
        for (const quarter of quarters) {
          const range = quarterRange(quarter);
          if (range.from > now) break; // a quarter that has not begun has no figures
          const [asOf = now] = [range.to, now].sort();
          // A completed quarter frozen before retention removed anything keeps its figures.
          const frozen = isCompletedQuarter(quarter, now)
            ? await frozenQuarterRows(ctx.db.sql, quarter, by)
            : null;
          const { rows } = frozen
            ? { rows: frozen }
            : await cachedMonitorRows(ctx.db.sql, {
                asOf,
                by,
                suppress: true,
                periodFrom: range.from,
              });
          for (const row of rows) body.push({ quarter, as_of: asOf, ...row });
        }
        return JSON.stringify(z.array(MonitorTrendRowSchema).parse(body));
      });
      return reply
        .type("application/json; charset=utf-8")
        .send(json as unknown as z.infer<typeof MonitorTrendRowSchema>[]);
    },
  );
}
