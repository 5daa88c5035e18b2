// Leerplicht's own records (domain.md §2, §7): the steps of the Methodische Aanpak Schoolverzuim
// per pupil (src/domain/leerplicht/mas.ts), with or without a case. Append-only (guarded by a
// trigger in the custom part of the migration): a mistaken step is corrected by a new step with
// a note, never by changing the record the leerplichttelling counted.
import { date, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const day = (name: string) => date(name, { mode: "string" });

export const masSteps = pgTable(
  "mas_steps",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id").notNull(),
    /** MasStepKind */
    kind: text("kind").notNull(),
    date: day("date").notNull(),
    /** official_report: civil | criminal */
    route: text("route"),
    /** outcome: MasOutcome */
    outcome: text("outcome"),
    /** care_referral: the organisation referred to */
    organisation: text("organisation"),
    note: text("note"),
    /** The pupil's case the step belongs to, when there is one. */
    caseId: text("case_id"),
    /** The DUO report (verzuimmelding) the procedure followed, when there is one. */
    duoReportId: text("duo_report_id"),
    /** The user who recorded the step. */
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mas_steps_pupil_idx").on(t.pupilId, t.date)],
);

/**
 * The regional reference index (Verwijsindex risicojongeren, seed 001): a case director's record
 * that a pupil was reported to the index. Nothing is sent from here; the fields the index needs
 * are exported (CSV). Append-only like the MAS steps.
 */
export const verwijsindexReports = pgTable(
  "verwijsindex_reports",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id").notNull(),
    pupilId: text("pupil_id").notNull(),
    reportedOn: day("reported_on").notNull(),
    /** Who reported (name and function), as the index knows the reporter. */
    reportedBy: text("reported_by").notNull(),
    organisation: text("organisation").notNull(),
    recordedBy: text("recorded_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("verwijsindex_reports_case_idx").on(t.caseId)],
);
