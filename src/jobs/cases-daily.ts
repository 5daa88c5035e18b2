// domain.md §5, the daily job of the closed chain: for every open case, apply what
// dueEscalations says is due today (hand-over at absence week 4, the week-8 question, the
// breakthrough team at week 12, marking the 3-month breach) and list the deadlines that are
// due or overdue for their responsible people. Idempotent by construction: an applied item is
// no longer due, so a second run on the same date applies nothing.
//
// Each case runs in its own transaction, so one case's failure does not hold up the region.
// The hand-over names the region's case director as owner when one is registered for the
// pupil's municipality (the director "holds the case from week 4").

import { appendAudit } from "../access/index.ts";
import { putOnAgenda } from "../commands/convene-breakthrough.ts";
import { withRegionDirector } from "../commands/region-director.ts";
import type { Database } from "../db/connect.ts";
import {
  activeParticipantsOfPupil,
  loadCase,
  loadOpenCases,
  saveCase,
} from "../db/repositories/cases.ts";
import { eventsOfCase } from "../db/repositories/cases-events.ts";
import { loadPupilFile, loadSchoolCalendar } from "../db/repositories/cases-pupil.ts";
import { loadConsentFile } from "../db/repositories/consent.ts";
import { loadPlan } from "../db/repositories/plan.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import type { CaseCommand } from "../domain/cases/commands.ts";
import { caseDeadlines, type Deadline } from "../domain/cases/deadlines.ts";
import { dueEscalations } from "../domain/cases/escalations.ts";
import type { Case, CaseActor, CasePhase } from "../domain/cases/model.ts";
import { applyTransition } from "../domain/cases/transitions.ts";

/** The pg-boss job name the scheduler registers advanceCases under. */
export const CASES_DAILY_JOB = "cases-daily";

export interface AppliedEscalation {
  caseId: string;
  kind: string;
  command: CaseCommand["type"];
  from: CasePhase;
  to: CasePhase;
}

export interface RaisedDeadline extends Deadline {
  caseId: string;
  pupilId: string;
}

export interface AdvanceReport {
  asOf: IsoDate;
  casesChecked: number;
  applied: AppliedEscalation[];
  /** Items the domain refused (should not happen; kept visible rather than thrown). */
  refused: { caseId: string; kind: string; error: string }[];
  /** Deadlines due today, tomorrow or overdue (and the guarantee at risk or breached), per case. */
  deadlines: RaisedDeadline[];
}

export async function advanceCases(
  db: Database,
  asOf: IsoDate,
  actor = "system",
): Promise<AdvanceReport> {
  const report: AdvanceReport = { asOf, casesChecked: 0, applied: [], refused: [], deadlines: [] };
  const system: CaseActor = { kind: "system", job: actor === "system" ? CASES_DAILY_JOB : actor };
  for (const open of await loadOpenCases(db.orm)) {
    report.casesChecked++;
    await db.transaction(async (tx) => {
      let c = (await loadCase(tx.orm, open.id)) as Case;
      const calendar = await loadSchoolCalendar(tx.orm, c.schoolId);
      const consent = await loadConsentFile(tx.orm, c.pupilId);
      const pupil = await loadPupilFile(tx.orm, c.pupilId);
      if (!calendar || !consent || !pupil) return;
      for (const item of dueEscalations(c, calendar, asOf)) {
        const command = await withRegionDirector(tx.orm, item.command, pupil.municipality);
        const result = applyTransition(c, command, system, asOf, { calendar, consent });
        if (!result.ok) {
          report.refused.push({ caseId: c.id, kind: item.kind, error: result.error });
          continue;
        }
        await saveCase(tx.orm, c, result.case);
        c = result.case;
        if (command.type === "convene_breakthrough") {
          const participantIds = await activeParticipantsOfPupil(tx.orm, c.pupilId);
          await putOnAgenda(
            { tx, case: c, facts: { pupil, consent, participantIds }, today: asOf },
            result.record.reason,
          );
        }
        await appendAudit(tx.orm, {
          userId: null,
          role: "system",
          action: command.type,
          resourceType: "case",
          resourceId: c.id,
          pupilId: c.pupilId,
          context: {
            route: `job:${CASES_DAILY_JOB}`,
            method: "JOB",
            caseId: c.id,
            reason: item.kind,
          },
          outcome: "allowed",
        });
        report.applied.push({
          caseId: c.id,
          kind: item.kind,
          command: command.type,
          from: result.record.from,
          to: result.record.to,
        });
      }
      const deadlines = caseDeadlines(c, calendar, asOf, {
        events: await eventsOfCase(tx.orm, c.id),
        plan: await loadPlan(tx.orm, c.id),
      });
      for (const d of deadlines) {
        if (
          d.status === "overdue" ||
          d.status === "at_risk" ||
          d.status === "breached" ||
          (d.status === "open" && d.dueDate <= addDays(asOf, 1))
        ) {
          report.deadlines.push({ ...d, caseId: c.id, pupilId: c.pupilId });
        }
      }
    });
  }
  return report;
}
