// The Verwijsindex risicojongeren (src/domain/cases/verwijsindex.ts): the case director records
// that the case's pupil was reported to the regional reference index, reads the reports and
// exports the fields the index needs. Authorized on the case through src/access (one audit row
// per read, record or export, allowed or denied); nothing is sent anywhere.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import {
  type AccessActor,
  caseResource,
  gate,
  loadPupilFacts,
  may,
  type PupilFacts,
  type Refusal,
} from "../access/index.ts";
import type { Database, Orm } from "../db/connect.ts";
import { loadCase } from "../db/repositories/cases.ts";
import { verwijsindexReports } from "../db/schema/leerplicht.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { Case } from "../domain/cases/model.ts";
import {
  checkVerwijsindexReport,
  type VerwijsindexError,
  type VerwijsindexReport,
} from "../domain/cases/verwijsindex.ts";

export interface StoredVerwijsindexReport extends VerwijsindexReport {
  id: string;
  caseId: string;
  pupilId: string;
  recordedBy: string;
}

type Result<T> =
  | ({ ok: true } & T)
  | Refusal
  | { ok: false; error: VerwijsindexError; message: string };

const HIDDEN: Refusal = {
  ok: false,
  error: "not_found",
  reason: "no such case",
  message: "No such case, or not one you may see.",
};

async function gated(
  orm: Orm,
  actor: AccessActor,
  caseId: string,
  today: IsoDate,
  action: "read_verwijsindex" | "record_verwijsindex",
  audited: "read_verwijsindex" | "record_verwijsindex" | "export_verwijsindex",
): Promise<{ ok: true; case: Case; facts: PupilFacts } | Refusal> {
  const c = await loadCase(orm, caseId);
  const facts = c ? await loadPupilFacts(orm, c.pupilId) : undefined;
  const resource = c && facts ? caseResource(c, facts, today) : null;
  const verdict = await gate(
    orm,
    actor,
    action,
    resource,
    {
      action: audited,
      resourceType: "verwijsindex",
      resourceId: null,
      pupilId: c?.pupilId ?? "",
      context: { caseId },
    },
    resource ? { visibleWith: { action: "read_case", resource } } : {},
  );
  if (!verdict.ok) return verdict.error === "not_found" ? HIDDEN : verdict;
  if (!c || !facts) return HIDDEN;
  return { ok: true, case: c, facts };
}

async function reportsOf(orm: Orm, caseId: string): Promise<StoredVerwijsindexReport[]> {
  const rows = await orm
    .select()
    .from(verwijsindexReports)
    .where(eq(verwijsindexReports.caseId, caseId))
    .orderBy(verwijsindexReports.reportedOn, verwijsindexReports.recordedAt);
  return rows.map(({ recordedAt: _, ...r }) => r);
}

export function recordVerwijsindexReport(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: VerwijsindexReport,
  today: IsoDate,
): Promise<Result<{ report: StoredVerwijsindexReport }>> {
  return db.transaction(async (tx) => {
    const allowed = await gated(
      tx.orm,
      actor,
      caseId,
      today,
      "record_verwijsindex",
      "record_verwijsindex",
    );
    if (!allowed.ok) return allowed;
    const check = checkVerwijsindexReport(input, allowed.facts.pupil.birthDate, today);
    if (!check.ok) return check;
    const report: StoredVerwijsindexReport = {
      id: randomUUID(),
      caseId,
      pupilId: allowed.case.pupilId,
      reportedOn: input.reportedOn,
      reportedBy: input.reportedBy.trim(),
      organisation: input.organisation.trim(),
      recordedBy: actor.userId,
    };
    await tx.orm.insert(verwijsindexReports).values(report);
    return { ok: true, report };
  });
}

/** The case's reports and the pupil's fields the index asks for (read, or export). */
export async function readVerwijsindex(
  db: Database,
  actor: AccessActor,
  caseId: string,
  today: IsoDate,
  purpose: "read" | "export",
): Promise<Result<{ reports: StoredVerwijsindexReport[]; facts: PupilFacts; mayRecord: boolean }>> {
  const allowed = await gated(
    db.orm,
    actor,
    caseId,
    today,
    "read_verwijsindex",
    purpose === "read" ? "read_verwijsindex" : "export_verwijsindex",
  );
  if (!allowed.ok) return allowed;
  return {
    ok: true,
    reports: await reportsOf(db.orm, caseId),
    facts: allowed.facts,
    mayRecord: may(actor, "record_verwijsindex", caseResource(allowed.case, allowed.facts, today))
      .ok,
  };
}
