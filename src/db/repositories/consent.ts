// Informed consent records (domain.md §5), append-only: a database trigger refuses UPDATE and
// DELETE, and this module only inserts and reads. The domain's ConsentFile (consent.ts) is the
// pupil's birth date with every record in the order it was made.
import { asc, eq } from "drizzle-orm";
import type {
  ConsentDecision,
  ConsentFile,
  ConsentPurpose,
  ConsentRecord,
} from "../../domain/cases/consent.ts";
import type { Orm } from "../connect.ts";
import { consentRecords } from "../schema/cases.ts";
import { pupils } from "../schema/region.ts";

/** A stored consent row as the domain's ConsentRecord. */
export function consentRecordOf(r: typeof consentRecords.$inferSelect): ConsentRecord {
  return {
    id: r.id,
    purpose: r.purpose as ConsentPurpose,
    ...(r.subject ? { subject: r.subject } : {}),
    decision: r.decision as ConsentDecision,
    giver:
      r.giverKind === "child"
        ? { kind: "child" }
        : { kind: "parent", personId: r.giverPersonId ?? "" },
    at: r.at,
    recordedBy: r.recordedBy,
  };
}

export async function loadConsentFile(orm: Orm, pupilId: string): Promise<ConsentFile | undefined> {
  const [pupil] = await orm
    .select({ birthDate: pupils.birthDate })
    .from(pupils)
    .where(eq(pupils.pupilId, pupilId));
  if (!pupil) return undefined;
  const rows = await orm
    .select()
    .from(consentRecords)
    .where(eq(consentRecords.pupilId, pupilId))
    .orderBy(asc(consentRecords.seq));
  return {
    childBirthDate: pupil.birthDate,
    records: rows.map(consentRecordOf),
  };
}

export async function appendConsentRecord(
  orm: Orm,
  pupilId: string,
  caseId: string | null,
  record: ConsentRecord,
): Promise<void> {
  await orm.insert(consentRecords).values({
    id: record.id,
    pupilId,
    caseId,
    purpose: record.purpose,
    subject: record.subject ?? null,
    decision: record.decision,
    giverKind: record.giver.kind,
    giverPersonId: record.giver.kind === "parent" ? record.giver.personId : null,
    at: record.at,
    recordedBy: record.recordedBy,
  });
}
