// The audit trail as the privacy officer reads it: who, in which role, did what to whose data,
// when, on which route, and whether it was allowed.
import { z } from "zod";
import type { AuditRecord } from "../../db/repositories/audit.ts";

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime({ offset: true }),
    user_id: z.string().nullable(),
    user_email: z.string().nullable(),
    role: z.string().nullable(),
    action: z.string(),
    resource_type: z.string(),
    resource_id: z.string().nullable(),
    pupil_id: z.string().nullable(),
    context: z.record(z.string(), z.string().optional()),
    outcome: z.enum(["allowed", "denied"]),
    purpose: z
      .string()
      .nullable()
      .describe("NEN 7513 'why': the purpose of the processing, from the route; null on old rows"),
  })
  .meta({ id: "AuditEntry" });

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    next_before_id: z
      .number()
      .int()
      .nullable()
      .describe("pass as before_id for the next (older) page; null on the last page"),
  })
  .meta({ id: "AuditPage" });

export function presentAuditPage(
  records: AuditRecord[],
  limit: number,
): z.infer<typeof AuditPageSchema> {
  return {
    entries: records.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      user_id: r.userId,
      user_email: r.userEmail,
      role: r.role,
      action: r.action,
      resource_type: r.resourceType,
      resource_id: r.resourceId,
      pupil_id: r.pupilId,
      context: r.context,
      outcome: r.outcome,
      purpose: r.purpose,
    })),
    next_before_id: records.length === limit ? (records.at(-1)?.id ?? null) : null,
  };
}

/** The NEN 7513 fields of the trail as CSV columns: who, what, whose data, when, why, result. */
export const AUDIT_CSV_COLUMNS = [
  "id",
  "tijdstip",
  "gebruiker",
  "gebruiker_id",
  "rol",
  "handeling",
  "soort_gegeven",
  "gegeven_id",
  "leerling_id",
  "doel",
  "route",
  "methode",
  "uitkomst",
] as const;

export function auditCsvRows(records: AuditRecord[]): string[][] {
  return records.map((r) => [
    String(r.id),
    r.at.toISOString(),
    r.userEmail ?? (r.userId === null ? "systeem" : ""),
    r.userId ?? "",
    r.role ?? "",
    r.action,
    r.resourceType,
    r.resourceId ?? "",
    r.pupilId ?? "",
    r.purpose ?? "",
    r.context.route ?? "",
    r.context.method ?? "",
    r.outcome,
  ]);
}
