// The audit trail (domain.md §2: every read of personal data is logged). Append-only by design:
// this module offers no update or delete, and a trigger in the database refuses both.
import { and, desc, eq, lt, type SQL, sql } from "drizzle-orm";
import { purposeOf } from "../../domain/privacy/purpose.ts";
import type { Orm } from "../connect.ts";
import { auditLog, users } from "../schema/access.ts";

export type AuditOutcome = "allowed" | "denied";

export interface AuditContext {
  route: string;
  method: string;
  requestId?: string;
  caseId?: string;
  [key: string]: string | undefined;
}

export interface AuditEntry {
  userId: string | null;
  role: string | null;
  action: string;
  resourceType: string;
  resourceId: string | null;
  pupilId: string | null;
  context: AuditContext;
  outcome: AuditOutcome;
}

/**
 * The insert behind src/access's appendAudit, which checks every row against AuditEvent and
 * turns a failed write into a failed request. Nothing else calls this (src/access/boundary.test.ts).
 */
export async function insertAuditRows(orm: Orm, entries: readonly AuditEntry[]): Promise<void> {
  // NEN 7513 "why": the purpose of the route the event came from (src/domain/privacy/purpose.ts).
  await orm
    .insert(auditLog)
    .values(entries.map((e) => ({ ...e, purpose: purposeOf(e.context.route) })));
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: Date;
  userEmail: string | null;
  /** null on rows written before the purpose was recorded. */
  purpose: string | null;
}

export interface AuditQuery {
  pupilId?: string;
  userId?: string;
  /** The account's e-mail address (case-insensitive). */
  userEmail?: string;
  /** Keyset paging: only rows older than this id. */
  beforeId?: number;
  limit: number;
}

/** Newest first. */
export async function listAudit(orm: Orm, query: AuditQuery): Promise<AuditRecord[]> {
  const conditions: SQL[] = [];
  if (query.pupilId !== undefined) conditions.push(eq(auditLog.pupilId, query.pupilId));
  if (query.userId !== undefined) conditions.push(eq(auditLog.userId, query.userId));
  if (query.userEmail !== undefined) {
    conditions.push(sql`lower(${users.email}) = lower(${query.userEmail})`);
  }
  if (query.beforeId !== undefined) conditions.push(lt(auditLog.id, query.beforeId));
  const rows = await orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      userId: auditLog.userId,
      userEmail: users.email,
      role: auditLog.role,
      action: auditLog.action,
      resourceType: auditLog.resourceType,
      resourceId: auditLog.resourceId,
      pupilId: auditLog.pupilId,
      context: auditLog.context,
      outcome: auditLog.outcome,
      purpose: auditLog.purpose,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit);
  return rows.map((r) => ({
    ...r,
    context: r.context as AuditContext,
    outcome: r.outcome as AuditOutcome,
  }));
}
