// Leerplicht's procedure (MAS, src/domain/leerplicht/mas.ts): the attendance officer of the
// pupil's municipality records a step, with or without a case. One transaction: the pupil's
// facts, the gate (one audit row, allowed or denied), the domain's rules, the row. A step is
// linked to the pupil's open case when there is one, so its case director reads it in the case
// file; it may name the DUO report (verzuimmelding) the procedure followed.
import { randomUUID } from "node:crypto";
import {
  type AccessActor,
  gate,
  loadPupilFacts,
  may,
  pupilScope,
  type Refusal,
} from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { findOpenCaseIdOfPupil } from "../db/repositories/cases.ts";
import {
  insertMasStep,
  masStepsOfPupil,
  pupilOfDuoReport,
  type StoredMasStep,
} from "../db/repositories/mas-steps.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { checkMasStep, type MasStepError, type MasStepInput } from "../domain/leerplicht/mas.ts";

export type MasRefusalCode = MasStepError | "report_other_pupil";

export type MasResult<T> =
  | ({ ok: true } & T)
  | Refusal
  | { ok: false; error: MasRefusalCode; message: string };

const HIDDEN: Refusal = {
  ok: false,
  error: "not_found",
  reason: "no such pupil",
  message: "No such resource, or not one you may see.",
};

export function recordMasStep(
  db: Database,
  actor: AccessActor,
  pupilId: string,
  input: MasStepInput & { duoReportId?: string | null },
  today: IsoDate,
): Promise<MasResult<{ step: StoredMasStep }>> {
  return db.transaction(async (tx) => {
    const facts = await loadPupilFacts(tx.orm, pupilId);
    const resource = facts ? { kind: "pupil" as const, pupil: pupilScope(facts, today) } : null;
    const allowed = await gate(
      tx.orm,
      actor,
      "record_mas_step",
      resource,
      {
        action: "record_mas_step",
        resourceType: "mas_step",
        resourceId: null,
        pupilId,
        context: { kind: input.kind },
      },
      resource ? { visibleWith: { action: "read_mas_steps", resource } } : {},
    );
    if (!allowed.ok) return allowed.error === "not_found" ? HIDDEN : allowed;
    if (!facts) return HIDDEN;
    const check = checkMasStep(input, facts.pupil.birthDate, today);
    if (!check.ok) return check;
    if (input.duoReportId && (await pupilOfDuoReport(tx.orm, input.duoReportId)) !== pupilId) {
      return {
        ok: false,
        error: "report_other_pupil",
        message: "The DUO report named is not one of this pupil's.",
      };
    }
    const step: StoredMasStep = {
      id: randomUUID(),
      pupilId,
      kind: input.kind,
      date: input.date,
      route: input.route ?? null,
      outcome: input.outcome ?? null,
      organisation: input.organisation?.trim() || null,
      note: input.note?.trim() || null,
      caseId: (await findOpenCaseIdOfPupil(tx.orm, pupilId)) ?? null,
      duoReportId: input.duoReportId ?? null,
      recordedBy: actor.userId,
    };
    await insertMasStep(tx.orm, step);
    return { ok: true, step };
  });
}

/** The pupil's steps for leerplicht, or for the case director of the pupil's open case. */
export async function readMasSteps(
  db: Database,
  actor: AccessActor,
  pupilId: string,
  today: IsoDate,
): Promise<MasResult<{ steps: StoredMasStep[]; mayRecord: boolean }>> {
  const facts = await loadPupilFacts(db.orm, pupilId);
  const resource = facts ? { kind: "pupil" as const, pupil: pupilScope(facts, today) } : null;
  const allowed = await gate(db.orm, actor, "read_mas_steps", resource, {
    action: "read_mas_steps",
    resourceType: "mas_step",
    resourceId: null,
    pupilId,
  });
  if (!allowed.ok || !resource) return HIDDEN;
  return {
    ok: true,
    steps: await masStepsOfPupil(db.orm, pupilId),
    mayRecord: may(actor, "record_mas_step", resource).ok,
  };
}
