// Leerplicht's MAS steps (src/domain/leerplicht/mas.ts): append-only rows per pupil.
import { asc, eq } from "drizzle-orm";
import type { IsoDate } from "../../domain/calendar/dates.ts";
import type { MasOutcome, MasRoute, MasStepKind } from "../../domain/leerplicht/mas.ts";
import type { Orm } from "../connect.ts";
import { masSteps } from "../schema/leerplicht.ts";
import { duoReports } from "../schema/signals.ts";

export interface StoredMasStep {
  id: string;
  pupilId: string;
  kind: MasStepKind;
  date: IsoDate;
  route: MasRoute | null;
  outcome: MasOutcome | null;
  organisation: string | null;
  note: string | null;
  caseId: string | null;
  duoReportId: string | null;
  recordedBy: string;
}

export async function insertMasStep(orm: Orm, step: StoredMasStep): Promise<void> {
  await orm.insert(masSteps).values(step);
}

/** The pupil's steps, oldest first (by date, then the order they were recorded in). */
export async function masStepsOfPupil(orm: Orm, pupilId: string): Promise<StoredMasStep[]> {
  const rows = await orm
    .select()
    .from(masSteps)
    .where(eq(masSteps.pupilId, pupilId))
    .orderBy(asc(masSteps.date), asc(masSteps.recordedAt), asc(masSteps.id));
  return rows.map(({ recordedAt: _, ...r }) => ({
    ...r,
    kind: r.kind as MasStepKind,
    route: r.route as MasRoute | null,
    outcome: r.outcome as MasOutcome | null,
  }));
}

/** The pupil a DUO report belongs to, if the report exists. */
export async function pupilOfDuoReport(orm: Orm, reportId: string): Promise<string | undefined> {
  const [row] = await orm
    .select({ pupilId: duoReports.pupilId })
    .from(duoReports)
    .where(eq(duoReports.id, reportId));
  return row?.pupilId;
}
