// The Verwijsindex risicojongeren (seed 001: "Nut en noodzaak van de VerwijsIndex Risicojongeren
// (VIR) onderzoeken en eventueel implementeren"; domain.md §5 the case director steers the
// chain): a professional reports (signaleert) a young person to the regional reference index so
// that professionals who report the same person find each other. Aanwezig sends nothing: the case
// director records that the pupil was reported (date, by whom) and exports the fields the index
// asks for. Pure.
import { type IsoDate, isIsoDate } from "../calendar/dates.ts";

export interface VerwijsindexReport {
  reportedOn: IsoDate;
  reportedBy: string;
  organisation: string;
}

export type VerwijsindexError = "invalid_date";

export function checkVerwijsindexReport(
  report: VerwijsindexReport,
  birthDate: IsoDate,
  today: IsoDate,
): { ok: true } | { ok: false; error: VerwijsindexError; message: string } {
  if (!isIsoDate(report.reportedOn) || report.reportedOn > today || report.reportedOn < birthDate) {
    return {
      ok: false,
      error: "invalid_date",
      message: "A report to the index lies between birth and today.",
    };
  }
  return { ok: true };
}

/** The columns of the export, in the order the index's intake form asks them. */
export const VERWIJSINDEX_COLUMNS = [
  "leerlingnummer",
  "voornaam",
  "achternaam",
  "geboortedatum",
  "woongemeente",
  "datum_melding",
  "melder",
  "organisatie_melder",
  "casus",
] as const;
