// The exemption register's extras (domain.md §6) beside the imported `exemptions` rows: who
// decided, and for art. 5 sub a who advised and when. Variawet records sit here too: both are
// the municipality's register of arrangements outside regular full-time education.
import { and, asc, eq } from "drizzle-orm";
import type { Exemption, ExemptionKind } from "../../domain/money/exemptions.ts";
import type { VariawetArrangement } from "../../domain/money/variawet.ts";
import type { Orm } from "../connect.ts";
import { exemptionDecisions, variawetRecords } from "../schema/cases.ts";
import { exemptions } from "../schema/region.ts";

/** The register of one pupil: imported rows joined with the recorded decision details. */
export async function loadExemptions(orm: Orm, pupilId: string): Promise<Exemption[]> {
  const rows = await orm
    .select({ e: exemptions, d: exemptionDecisions })
    .from(exemptions)
    .leftJoin(
      exemptionDecisions,
      and(
        eq(exemptionDecisions.pupilId, exemptions.pupilId),
        eq(exemptionDecisions.kind, exemptions.kind),
        eq(exemptionDecisions.startDate, exemptions.startDate),
      ),
    )
    .where(eq(exemptions.pupilId, pupilId))
    .orderBy(asc(exemptions.startDate));
  return rows.map(({ e, d }) => ({
    id: `${e.pupilId}:${e.kind}:${e.startDate}`,
    pupilId: e.pupilId,
    kind: e.kind as ExemptionKind,
    startDate: e.startDate,
    ...(e.endDate ? { endDate: e.endDate } : {}),
    decisionMaker: d?.decisionMaker ?? e.decidedBy ?? "",
    ...(e.kind === "5a"
      ? {
          advice5a: {
            partnership: {
              given: e.advicePartnership,
              ...(d?.advicePartnershipBy ? { by: d.advicePartnershipBy } : {}),
              ...(d?.advicePartnershipOn ? { date: d.advicePartnershipOn } : {}),
            },
            doctor: {
              given: e.adviceDoctor,
              ...(d?.adviceDoctorBy ? { by: d.adviceDoctorBy } : {}),
              ...(d?.adviceDoctorOn ? { date: d.adviceDoctorOn } : {}),
            },
          },
        }
      : {}),
  }));
}

export async function recordExemptionDecision(
  orm: Orm,
  row: typeof exemptionDecisions.$inferInsert,
): Promise<void> {
  await orm
    .insert(exemptionDecisions)
    .values(row)
    .onConflictDoUpdate({
      target: [exemptionDecisions.pupilId, exemptionDecisions.kind, exemptionDecisions.startDate],
      set: row,
    });
}

export async function insertVariawet(orm: Orm, record: VariawetArrangement): Promise<void> {
  await orm.insert(variawetRecords).values({
    id: record.id,
    pupilId: record.pupilId,
    schoolId: record.schoolId,
    startDate: record.startDate,
    endDate: record.endDate,
    hoursPerWeek: record.hoursPerWeek,
    approved: record.approval?.approved ?? null,
    approvedBy: record.approval?.by ?? null,
    approvedOn: record.approval?.date ?? null,
    caseId: record.caseId ?? null,
  });
}

export async function loadVariawet(orm: Orm, pupilId: string): Promise<VariawetArrangement[]> {
  const rows = await orm
    .select()
    .from(variawetRecords)
    .where(eq(variawetRecords.pupilId, pupilId))
    .orderBy(asc(variawetRecords.startDate));
  return rows.map((r) => ({
    id: r.id,
    pupilId: r.pupilId,
    schoolId: r.schoolId,
    startDate: r.startDate,
    endDate: r.endDate,
    hoursPerWeek: r.hoursPerWeek,
    approval:
      r.approved === null || !r.approvedBy || !r.approvedOn
        ? null
        : { approved: r.approved, by: r.approvedBy, date: r.approvedOn },
    ...(r.caseId ? { caseId: r.caseId } : {}),
  }));
}
