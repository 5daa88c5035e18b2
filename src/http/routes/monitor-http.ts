// What the monitor routes share: the gate (src/domain/policy decides `read_monitor` on the
// monitor; every read is audited, also a refusal), the query parameters, and the row schema.
// Monitor responses never carry a pupil id or a name: only groups (school, partnership,
// municipality), measure codes and counts, with counts of 1–4 suppressed.
import { inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  type CommandActor,
  caseResource,
  grantFor,
  type PupilFacts,
  pupilScope,
} from "../../commands/case-access.ts";
import type { Orm } from "../../db/connect.ts";
import { type AuditEntry, appendAudit } from "../../db/repositories/audit.ts";
import { appendAuditRows, caseAccessFactsOf } from "../../db/repositories/cases-access-facts.ts";
import { loadPupilFiles } from "../../db/repositories/cases-pupil.ts";
import { population } from "../../db/schema/region.ts";
import type { Case } from "../../domain/cases/model.ts";
import { QUARTER_PATTERN } from "../../domain/monitor/quarters.ts";
import type { Action, PupilScope, ResourceKind } from "../../domain/policy/resources.ts";
import { RULES } from "../../domain/policy/rules.ts";
import { asRequester } from "../../services/monitor-queue.ts";
import type { HttpContext } from "../context.ts";
import { forbidden } from "../problem.ts";
import { commandActor } from "./cases-http.ts";

export const MonitorGroupingSchema = z
  .enum(["school", "municipality", "partnership"])
  .describe("school id, partnership code, or the residence municipality");

export const QuarterSchema = z.string().regex(new RegExp(QUARTER_PATTERN)).describe("YYYY-Qn");

export const MonitorRowSchema = z
  .object({
    group: z
      .string()
      .describe('"" for a measure without a school when grouped by school/partnership'),
    measure: z.string(),
    count: z.number().int().nullable().describe("null: 1–4, suppressed"),
  })
  .meta({ id: "MonitorRow" });

/**
 * Audit rows of aggregate reads (no personal data behind them) are written in batches: a
 * dashboard under load would otherwise cost one committed insert per request. A refusal and
 * every read of pupils or cases are written at once, as everywhere else.
 */
const pendingAudit = new WeakMap<Orm, { rows: AuditEntry[]; timer: NodeJS.Timeout | null }>();
const AUDIT_FLUSH_MS = 200;

export async function flushMonitorAudit(orm: Orm): Promise<void> {
  const pending = pendingAudit.get(orm);
  if (!pending || pending.rows.length === 0) return;
  if (pending.timer) clearTimeout(pending.timer);
  pending.timer = null;
  const rows = pending.rows.splice(0);
  await appendAuditRows(orm, rows);
}

function auditAggregateRead(orm: Orm, entry: AuditEntry): void {
  let pending = pendingAudit.get(orm);
  if (!pending) {
    pending = { rows: [], timer: null };
    pendingAudit.set(orm, pending);
  }
  pending.rows.push(entry);
  if (pending.rows.length >= 500) void flushMonitorAudit(orm).catch(() => {});
  else if (!pending.timer) {
    pending.timer = setTimeout(() => void flushMonitorAudit(orm).catch(() => {}), AUDIT_FLUSH_MS);
    pending.timer.unref();
  }
}

function monitorDecision(
  request: FastifyRequest,
  action: "read_monitor" | "reconcile_list",
  what: string,
  context: Record<string, string>,
): { actor: CommandActor; entry: AuditEntry } {
  const actor = commandActor(request);
  const grant = grantFor(actor.policy, action, { kind: "monitor" });
  const entry: AuditEntry = {
    userId: actor.userId,
    role: grant.allowed ? grant.role : actor.policy.grants.map((g) => g.role).join(",") || null,
    action,
    resourceType: "monitor",
    resourceId: what,
    pupilId: null,
    context: { ...actor.origin, reason: grant.reason, ...context },
    outcome: grant.allowed ? "allowed" : "denied",
  };
  return { actor, entry };
}

/**
 * The monitor's routes run on behalf of their user: a snapshot they make the server compute
 * counts against that user's share of the queue (services/monitor-queue.ts: 429 beyond it).
 * The hook wraps the rest of the request, so the handler and all it awaits see the requester.
 */
export function registerMonitorRequester(app: FastifyInstance): void {
  app.addHook("preHandler", (request, _reply, done) => {
    if (!request.url.startsWith("/api/monitor")) return done();
    asRequester(request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`, done);
  });
}

/** Decides `read_monitor` with the policy layer and writes the audit row; 403 when refused. */
export async function monitorGate(
  request: FastifyRequest,
  ctx: HttpContext,
  what: string,
  context: Record<string, string> = {},
): Promise<CommandActor> {
  const { actor, entry } = monitorDecision(request, "read_monitor", what, context);
  if (entry.outcome === "denied") {
    await appendAudit(ctx.db.orm, entry);
    throw forbidden("Your roles do not give access to the monitor.");
  }
  auditAggregateRead(ctx.db.orm, entry);
  return actor;
}

/**
 * Decides `reconcile_list` (roles that read pupils individually) and writes the audit row at
 * once, with the submitted ids in its context: a list of ids is a question about those pupils,
 * so the trail must show who asked about whom, not only how many.
 */
export async function reconciliationGate(
  request: FastifyRequest,
  ctx: HttpContext,
  context: Record<string, string>,
): Promise<CommandActor> {
  const { actor, entry } = monitorDecision(
    request,
    "reconcile_list",
    "monitor_reconciliation",
    context,
  );
  await appendAudit(ctx.db.orm, entry);
  if (entry.outcome === "denied") {
    throw forbidden(
      "Lijsten vergelijken kan alleen met een rol die leerlingen afzonderlijk mag inzien.",
    );
  }
  return actor;
}

/** Whether any rule could ever let one of the actor's roles do `action` on `kind` (rules as data). */
export function mayEver(actor: CommandActor, action: Action, kind: ResourceKind): boolean {
  return actor.policy.grants.some((g) =>
    RULES.some(
      (r) => r.resource === kind && r.actions.includes(action) && r.roles.includes(g.role),
    ),
  );
}

/** The pupils' facts the policy needs, for many pupils in a few queries. */
export async function pupilFactsOf(
  orm: Orm,
  pupilIds: readonly string[],
): Promise<Map<string, PupilFacts>> {
  const files = await loadPupilFiles(orm, pupilIds);
  const access = await caseAccessFactsOf(orm, pupilIds);
  const facts = new Map<string, PupilFacts>();
  for (const [id, pupil] of files) {
    const a = access.get(id);
    facts.set(id, {
      pupil,
      participantIds: a?.participantIds ?? [],
      consent: { childBirthDate: pupil.birthDate, records: a?.consentRecords ?? [] },
    });
  }
  return facts;
}

/**
 * The cases among `cases` the actor may read (policy `read_case`), each read audited as a list
 * read. Roles that can never read a case get an empty set without loading anything.
 */
export async function readableCases(
  ctx: HttpContext,
  actor: CommandActor,
  cases: readonly Case[],
  today: string,
  context: Record<string, string>,
): Promise<Set<string>> {
  const readable = new Set<string>();
  if (cases.length === 0 || !mayEver(actor, "read_case", "case")) return readable;
  const facts = await pupilFactsOf(ctx.db.orm, [...new Set(cases.map((c) => c.pupilId))]);
  const audit: AuditEntry[] = [];
  for (const c of cases) {
    const f = facts.get(c.pupilId);
    if (!f) continue;
    const grant = grantFor(actor.policy, "read_case", caseResource(c, f, today));
    if (!grant.allowed) continue;
    readable.add(c.id);
    audit.push({
      userId: actor.userId,
      role: grant.role,
      action: "read_case",
      resourceType: "case",
      resourceId: c.id,
      pupilId: c.pupilId,
      context: { ...actor.origin, caseId: c.id, reason: grant.reason, list: "true", ...context },
      outcome: "allowed",
    });
  }
  await appendAuditRows(ctx.db.orm, audit);
  return readable;
}

/** The policy's view of pupils and, for registered persons who are no pupil, of persons. */
export async function pupilScopesOf(
  orm: Orm,
  ids: readonly string[],
  today: string,
): Promise<Map<string, PupilScope>> {
  const scopes = new Map<string, PupilScope>();
  for (const [id, facts] of await pupilFactsOf(orm, ids)) scopes.set(id, pupilScope(facts, today));
  const missing = ids.filter((id) => !scopes.has(id));
  if (missing.length > 0) {
    for (const p of await orm
      .select({ id: population.personId, municipality: population.municipality })
      .from(population)
      .where(inArray(population.personId, missing))) {
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

/**
 * The persons among `ids` the actor may see (policy `read_pupil`), each shown one audited.
 * Roles that can never read a pupil get an empty set without loading anything.
 */
export async function readablePupils(
  ctx: HttpContext,
  actor: CommandActor,
  ids: readonly string[],
  today: string,
  context: Record<string, string>,
): Promise<Set<string>> {
  const readable = new Set<string>();
  if (ids.length === 0 || !mayEver(actor, "read_pupil", "pupil")) return readable;
  const scopes = await pupilScopesOf(ctx.db.orm, [...new Set(ids)], today);
  const audit: AuditEntry[] = [];
  for (const [id, pupil] of scopes) {
    const grant = grantFor(actor.policy, "read_pupil", { kind: "pupil", pupil });
    if (!grant.allowed) continue;
    readable.add(id);
    audit.push({
      userId: actor.userId,
      role: grant.role,
      action: "read_pupil",
      resourceType: context.resourceType ?? "monitor",
      resourceId: id,
      pupilId: id,
      context: { ...actor.origin, reason: grant.reason, list: "true", ...context },
      outcome: "allowed",
    });
  }
  await appendAuditRows(ctx.db.orm, audit);
  return readable;
}
