// NEN 7513 (issue 18 part 3): every audit row says why the data was processed — the purpose of the
// route (or job, or command) it came from, in Dutch for the privacy officer. The purposes are the
// processing purposes of docs/privacy/dpia.md §2; the legal basis is the Leerplichtwet 1969 and
// the AVG's public task (art. 6(1)(e)). Pure: the audit repository fills the column on insert.

/** Route prefixes, most specific first, with their purpose. */
const PURPOSES: readonly (readonly [prefix: string, purpose: string])[] = [
  ["/api/privacy/requests", "Rechten van betrokkenen (AVG art. 15–17, 21)"],
  ["/api/privacy/pupils", "Rechten van betrokkenen: inzage (AVG art. 15)"],
  ["/api/privacy", "Bewaartermijnen (AVG art. 5 lid 1 sub e)"],
  ["/api/audit", "Toezicht op de toegang tot gegevens (NEN 7513)"],
  ["/api/monitor", "Monitoring en beleid met geaggregeerde cijfers (Leerplichtwet art. 25)"],
  ["/api/duo-reports", "Verzuimmelding (Leerplichtwet art. 21)"],
  ["/api/leave-requests", "Verlof beoordelen (Leerplichtwet art. 11, 13a, 14)"],
  ["/api/cases", "Casusregie: aanpak van verzuim en thuiszitten (Leerplichtwet art. 16, 21a, 22)"],
  ["/api/handover", "Warme overdracht PO-VO (passend onderwijs, met toestemming)"],
  ["/api/signals", "Verzuimsignalering (Leerplichtwet art. 21a)"],
  ["/api/pupils", "Leerlingdossier en verzuim (Leerplichtwet art. 18, 21)"],
  ["/api/letters", "Brieven aan ouders en leerling (Leerplichtwet)"],
  ["/api/notifications", "Berichten aan betrokken medewerkers"],
  ["/api/admin", "Beheer van accounts, scholen en imports"],
  ["/api/setup", "Inrichting van de regio"],
  ["/api/region", "Inrichting van de regio"],
  ["/api/session", "Aanmelden en sessiebeheer (informatiebeveiliging)"],
  ["/api/password-set", "Aanmelden en sessiebeheer (informatiebeveiliging)"],
  ["/api/oidc", "Aanmelden en sessiebeheer (informatiebeveiliging)"],
  ["job:", "Dagelijkse verwerking: signalen, termijnen en bewaartermijnen"],
  ["cli:", "Beheer via de opdrachtregel"],
  ["demo", "Demonstratiegegevens (synthetisch)"],
];

export const DEFAULT_PURPOSE = "Uitvoering van de leerplichttaak (Leerplichtwet 1969)";

/** The purpose of processing for an audit row from `route` (an /api/v1 path counts as /api). */
export function purposeOf(route: string | undefined): string {
  const path = (route ?? "").replace(/^\/api\/v1\//, "/api/");
  for (const [prefix, purpose] of PURPOSES) if (path.startsWith(prefix)) return purpose;
  return DEFAULT_PURPOSE;
}
