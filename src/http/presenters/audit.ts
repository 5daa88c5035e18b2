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
    })),
    next_before_id: records.length === limit ? (records.at(-1)?.id ?? null) : null,
  };
}
