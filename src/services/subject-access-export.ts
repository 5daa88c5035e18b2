// The right of access as a file (AVG art. 15, issue 18): a ZIP with everything held about one
// pupil as JSON (one file for all, the database's own names), the stored files (documents,
// letters) as they are, and a readable summary in Dutch (HTML) per kind of data.
import { strToU8, zipSync } from "fflate";
import type { SubjectData } from "./subject-access.ts";

/** What each table holds, in the words of the summary. */
const TABLE_NAMES: Record<string, string> = {
  pupils: "Leerling",
  pupil_contacts: "Contactpersonen",
  enrolments: "Inschrijvingen",
  attendance: "Verzuim",
  attendance_history: "Wijzigingen in het verzuim",
  population: "Gemeentelijke basisregistratie (uittreksel)",
  exemptions: "Vrijstellingen (import)",
  exemption_decisions: "Vrijstellingen",
  variawet_records: "Variawet",
  signal_states: "Signalen",
  signal_transitions: "Wijzigingen van signalen",
  signal_held_spans: "Signalen per dagelijkse evaluatie",
  sick_notable_observations: "Opvallend ziekteverzuim",
  duo_reports: "Verzuimmeldingen",
  duo_report_status_history: "Status van verzuimmeldingen",
  cases: "Casussen",
  case_transitions: "Fasen van de casus",
  case_participants: "Betrokkenen bij de casus",
  stagnation_flags: "Stagnatie",
  ladder_steps: "Ladder van effectiviteit",
  plan_goals: "Doelen in het plan",
  plan_actions: "Acties in het plan",
  meetings: "Overleggen",
  case_documents: "Documenten en brieven",
  consent_records: "Toestemmingen",
  case_events: "Contactmomenten",
  breakthrough_agenda: "Agenda van het doorbraakteam",
  arbitrations: "Arbitrage",
  prosecutor_referrals: "Verwijzing naar het Openbaar Ministerie",
  budget_ledger: "Frictiebudget",
  arrangement_placements: "Plaatsingen",
  waiting_list_entries: "Wachtlijsten",
  leave_requests: "Verlofaanvragen",
  mas_steps: "Aanpak leerplicht (MAS)",
  verwijsindex_reports: "Verwijsindex",
  youth_doctor_referrals: "Aanmeldingen bij de jeugdarts",
  handovers: "Warme overdracht PO-VO",
  youth_doctor_feedback: "Terugkoppeling van de jeugdarts",
  medical_notes: "Medische notities van de jeugdarts",
  subject_requests: "Verzoeken als betrokkene (AVG)",
  subject_request_steps: "Afhandeling van de verzoeken",
  role_assignments: "Ouderaccounts gekoppeld aan de leerling",
  audit_log: "Logboek: wie de gegevens heeft bekeken of gewijzigd",
};

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  return value;
}

function toJson(data: SubjectData, madeOn: string): string {
  const tables: Record<string, unknown[]> = {};
  for (const [table, rows] of Object.entries(data.tables)) {
    tables[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])),
    );
  }
  return JSON.stringify({ leerling: data.pupilId, gemaakt_op: madeOn, tabellen: tables }, null, 2);
}

const html = (text: string) =>
  text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");

function cell(value: unknown): string {
  const v = plain(value);
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return html(JSON.stringify(v));
  return html(String(v));
}

function toHtml(data: SubjectData, region: string, madeOn: string): string {
  const sections = Object.entries(data.tables)
    .sort(([a], [b]) => Object.keys(TABLE_NAMES).indexOf(a) - Object.keys(TABLE_NAMES).indexOf(b))
    .map(([table, rows]) => {
      const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      const title = TABLE_NAMES[table] ?? table;
      return `<section><h2>${html(title)} (${rows.length})</h2>
<table><caption>${html(title)} — tabel ${html(table)}</caption>
<thead><tr>${columns.map((c) => `<th scope="col">${html(c)}</th>`).join("")}</tr></thead>
<tbody>${rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(r[c])}</td>`).join("")}</tr>`).join("\n")}</tbody>
</table></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>Inzage in de gegevens van leerling ${html(data.pupilId)}</title>
<style>body{font-family:sans-serif;margin:2rem}table{border-collapse:collapse;margin-bottom:2rem}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left;vertical-align:top}caption{text-align:left;font-weight:bold}</style>
</head><body>
<h1>Inzage in de gegevens van leerling ${html(data.pupilId)}</h1>
<p>${html(region)} — gemaakt op ${html(madeOn)} op verzoek (AVG artikel 15). Dit overzicht bevat alles wat Aanwezig over deze leerling bewaart, per soort gegevens; het bestand leerling.json bevat hetzelfde voor een computer, de map bestanden de opgeslagen documenten en brieven.</p>
<p>Klopt er iets niet? U kunt vragen om correctie (artikel 16) of verwijdering (artikel 17) bij de privacyfunctionaris.</p>
${sections}
</body></html>
`;
}

/** The ZIP: leerling.json, samenvatting.html and bestanden/… */
export function subjectAccessZip(data: SubjectData, region: string, madeOn: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {
    "leerling.json": strToU8(toJson(data, madeOn)),
    "samenvatting.html": strToU8(toHtml(data, region, madeOn)),
  };
  for (const [name, bytes] of Object.entries(data.files)) entries[name] = bytes;
  return zipSync(entries, { level: 6 });
}
