// POST /api/monitor/reconciliation (domain.md §7): a partnership's, school's or municipality's
// own thuiszitter list — CSV (text/csv) with a `pupil_id` column (the pseudonymous id of
// interfaces.md, never a BSN), or JSON { pupil_ids } — against the register at a date: who is
// on one list and not the other, with the reason where known. Only roles that read pupils
// individually may reconcile (`reconcile_list`), and only the listed ids the user may read
// (`read_pupil`, each audited) are matched: an id outside the user's reach answers like an
// unknown id, so differencing two lists reveals nothing about pupils the user may not see.
// The register's thuiszitters the user may not read are counted only (1–4 suppressed).
import { parse } from "csv-parse/sync";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { SUPPRESSION_THRESHOLD } from "../../domain/monitor/aggregate.ts";
import type { ReconciliationScope } from "../../domain/monitor/reconciliation.ts";
import { detectSeparator } from "../../import/csv.ts";
import { reconcileList } from "../../services/monitor-reconciliation.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, problemResponses } from "../problem.ts";
import { IsoDate, today } from "./cases-http.ts";
import { readablePupils, reconciliationGate } from "./monitor-http.ts";

const MAX_LIST = 20_000;
const ID_COLUMNS = ["pupil_id", "person_id", "leerling_id", "leerlingnummer"];

const ScopeQuery = z.object({
  as_of: IsoDate.optional().describe("default: today"),
  school: z.string().min(1).max(16).optional(),
  partnership: z.string().min(1).max(32).optional(),
  municipality: z.string().min(1).max(100).optional(),
});

const ReconcileBody = z
  .object({
    pupil_ids: z.array(z.string().min(1).max(64)).max(MAX_LIST),
    as_of: IsoDate.optional(),
    school: z.string().min(1).max(16).optional(),
    partnership: z.string().min(1).max(32).optional(),
    municipality: z.string().min(1).max(100).optional(),
  })
  .meta({ id: "ReconciliationList" });

export const ReconciliationLineSchema = z
  .object({
    pupil_id: z.string(),
    reason: z.string(),
    detail: z.array(z.string()),
    case_state: z.enum(["open", "closed"]).nullable(),
  })
  .meta({ id: "ReconciliationLine" });

export const ReconciliationSchema = z
  .object({
    as_of: z.iso.date(),
    scope: z.object({
      kind: z.enum(["school", "partnership", "municipality", "region"]),
      id: z.string(),
    }),
    list_size: z.number().int(),
    in_both: z
      .number()
      .int()
      .nullable()
      .describe("matched ids are ids you may read, so always the exact count"),
    in_both_pupil_ids: z.array(z.string()),
    only_in_list: z
      .array(ReconciliationLineSchema)
      .describe("on your list, not a thuiszitter in the register"),
    only_in_register: z
      .array(ReconciliationLineSchema)
      .describe("a thuiszitter in the register, not on your list"),
    not_shown: z
      .object({
        only_in_list: z.number().int().nullable(),
        only_in_register: z.number().int().nullable(),
        in_both: z.number().int().nullable(),
      })
      .describe(
        "counted only (1–4 suppressed): listed ids that are unknown or that you may not read (never matched), the scope's thuiszitters you may not read; in_both is 0",
      ),
  })
  .meta({ id: "Reconciliation" });

/** The ids of a CSV list: the first id column by name, or a single unnamed column. */
export function idsFromCsv(text: string): string[] {
  const body = text.replace(/^\uFEFF/, "");
  const header = body.split(/\r?\n/, 1)[0] ?? "";
  let rows: string[][];
  try {
    rows = parse(body, {
      delimiter: detectSeparator(header),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    throw new HttpProblem(400, `The CSV list cannot be read: ${(error as Error).message}`);
  }
  const names = (rows[0] ?? []).map((n) => n.trim().toLowerCase());
  const column = names.findIndex((n) => ID_COLUMNS.includes(n));
  if (column < 0) {
    throw new HttpProblem(400, `The CSV list needs a column ${ID_COLUMNS.join(" or ")} (line 1).`);
  }
  const ids = rows
    .slice(1)
    .map((r) => (r[column] ?? "").trim())
    .filter((id) => id !== "");
  if (ids.length > MAX_LIST) throw new HttpProblem(400, `At most ${MAX_LIST} pupils per list.`);
  return [...new Set(ids)];
}

function scopeOf(q: {
  school?: string | undefined;
  partnership?: string | undefined;
  municipality?: string | undefined;
}): ReconciliationScope {
  const given = [
    q.school === undefined ? null : ({ kind: "school", id: q.school } as const),
    q.partnership === undefined ? null : ({ kind: "partnership", id: q.partnership } as const),
    q.municipality === undefined ? null : ({ kind: "municipality", id: q.municipality } as const),
  ].filter((s) => s !== null);
  if (given.length > 1)
    throw new HttpProblem(400, "Give one of school, partnership or municipality.");
  return given[0] ?? { kind: "region", id: "" };
}

export function registerMonitorReconciliationRoutes(app: FastifyInstance, ctx: HttpContext): void {
  // Its own plugin scope, so the text/csv body parser applies to this route only.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      "text/csv",
      { parseAs: "string", bodyLimit: 4 * 1024 * 1024 },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post(
      "/api/monitor/reconciliation",
      {
        schema: {
          summary: "Compare an own thuiszitter list (CSV with pupil_id, or JSON) with the register",
          tags: ["monitor"],
          consumes: ["application/json", "text/csv"],
          querystring: ScopeQuery,
          body: z.union([z.string().describe("text/csv with a pupil_id column"), ReconcileBody]),
          response: { 200: ReconciliationSchema, ...problemResponses(400, 401, 403, 429, 503) },
        },
      },
      async (request) => {
        const body = request.body;
        const json = typeof body === "string" ? null : body;
        const list = json ? [...new Set(json.pupil_ids)] : idsFromCsv(body as string);
        const q = { ...request.query, ...(json ?? {}) };
        const asOf = q.as_of ?? today(ctx);
        const scope = scopeOf(q);
        const actor = await reconciliationGate(request, ctx, {
          asOf,
          scope: `${scope.kind}:${scope.id}`,
          listSize: String(list.length),
          submittedIds: list.join(","),
        });
        const audited = { asOf };
        // Only ids the user may read are matched; any other id is treated exactly like an
        // unknown one. What the answer says about the register's side then never depends on
        // which unreadable ids were submitted, so no list can be differenced against another.
        const readableListed = await readablePupils(ctx, actor, list, today(ctx), audited);
        const matched = list.filter((id) => readableListed.has(id));
        const result = await reconcileList(ctx.db.sql, matched, scope, asOf);
        const readableRegister = await readablePupils(
          ctx,
          actor,
          result.onlyInRegister.map((l) => l.id),
          today(ctx),
          audited,
        );
        const suppressed = (n: number) => (n > 0 && n < SUPPRESSION_THRESHOLD ? null : n);
        const line = (
          l: (typeof result.onlyInList)[number] | (typeof result.onlyInRegister)[number],
        ) => ({
          pupil_id: l.id,
          reason: l.reason,
          detail: l.detail,
          case_state: l.caseState,
        });
        const shownRegister = result.onlyInRegister.filter((l) => readableRegister.has(l.id));
        return {
          as_of: asOf,
          scope,
          list_size: list.length,
          in_both: result.inBoth.length,
          in_both_pupil_ids: result.inBoth,
          only_in_list: result.onlyInList.map(line),
          only_in_register: shownRegister.map(line),
          not_shown: {
            // unknown ids and ids the user may not read: a count over the list alone
            only_in_list: suppressed(list.length - matched.length),
            // the scope's thuiszitters the user may not read: the same for every list
            only_in_register: suppressed(result.onlyInRegister.length - shownRegister.length),
            in_both: 0,
          },
        };
      },
    );
  });
}
