// Everything shown about one case (GET /api/cases/{id}), loaded in one place: the case, its
// pupil, school calendar, events, plan, consent, documents (metadata only), budget lines,
// arbitration committee, prosecutor referral and breakthrough agenda.
import type { SchoolCalendar } from "../../domain/calendar/school-calendar.ts";
import type { ConsentFile } from "../../domain/cases/consent.ts";
import type { Case } from "../../domain/cases/model.ts";
import type { Plan } from "../../domain/cases/plan.ts";
import type { LedgerEntry } from "../../domain/money/ledger.ts";
import type { Orm } from "../connect.ts";
import { ledgerLinesOfCase } from "./budget.ts";
import { loadArbitration, loadProsecutorReferral } from "./cases.ts";
import { agendaOfCase } from "./cases-breakthrough.ts";
import { eventsOfCase, type StoredCaseEvent } from "./cases-events.ts";
import { loadSchoolCalendar, type PupilFile } from "./cases-pupil.ts";
import { type DocumentMeta, listDocuments } from "./documents.ts";
import { schoolNamesOf } from "./names.ts";
import { loadPlan } from "./plan.ts";

export interface CaseView {
  case: Case;
  pupil: PupilFile;
  /** The case school's name (shown beside its BRIN code). */
  schoolName: string;
  calendar: SchoolCalendar;
  consent: ConsentFile;
  events: StoredCaseEvent[];
  plan: Plan;
  documents: DocumentMeta[];
  budget: LedgerEntry[];
  arbitration: Awaited<ReturnType<typeof loadArbitration>>;
  referral: Awaited<ReturnType<typeof loadProsecutorReferral>>;
  agenda: Awaited<ReturnType<typeof agendaOfCase>>;
}

export async function loadCaseView(
  orm: Orm,
  c: Case,
  pupil: PupilFile,
  consent: ConsentFile,
): Promise<CaseView | undefined> {
  const calendar = await loadSchoolCalendar(orm, c.schoolId);
  if (!calendar) return undefined;
  return {
    case: c,
    pupil,
    schoolName: (await schoolNamesOf(orm, [c.schoolId])).get(c.schoolId) ?? c.schoolId,
    calendar,
    consent,
    events: await eventsOfCase(orm, c.id),
    plan: await loadPlan(orm, c.id),
    documents: await listDocuments(orm, c.id),
    budget: await ledgerLinesOfCase(orm, c.id),
    arbitration: await loadArbitration(orm, c.id),
    referral: await loadProsecutorReferral(orm, c.id),
    agenda: await agendaOfCase(orm, c.id),
  };
}
