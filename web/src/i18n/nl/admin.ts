// Administration: accounts, schools and imports (features/admin).
import type { ScopeKind } from "../../../../src/http/presenters/admin.ts";
import type { ImportKind as ImportKindCode } from "../../../../src/import/kind-spec.ts";
import { mappingsNl } from "./mappings.ts";

export const adminNl = {
  title: "Beheer",
  intro:
    "Het beheer van gebruikers, scholen en imports. Hieronder staat wat de server hiervoor nu aanbiedt.",
  sections: {
    gebruikers: "Gebruikers",
    scholen: "Scholen en kalenders",
    imports: "Imports",
    kolomindelingen: "Kolomindelingen",
    koppelingen: "Koppelingen",
    regio: "Regio",
    brieven: "Briefsjablonen",
    "e-mail": "E-mail",
  } as Record<string, string>,
  subNav: "Onderdelen van het beheer",
  operations: "Beschikbare functies van de API",
  method: "Methode",
  path: "Adres",
  summary: "Omschrijving",
  noOperations: "De server biedt hiervoor nog geen functies aan.",
  cliHint: {
    gebruikers:
      "Gebruikers en rollen worden nu op de server aangemaakt; de demo maakt één account per rol.",
    scholen:
      "Scholen en vakanties worden ingelezen met: aanwezig import schools BESTAND en aanwezig import closures BESTAND.",
    imports:
      "CSV-bestanden worden ingelezen met: aanwezig import SOORT BESTAND (schools, closures, pupils, enrolments, attendance, population, exemptions).",
  } as Record<string, string>,
};

/** The administration screens' forms and tables (t.adminScreens). */
export const adminScreensNl = {
  pageTitle: (part: string) => `Beheer: ${part}`,
  intro: {
    "e-mail":
      "De mailserver waarmee Aanwezig meldingen verstuurt, en de e-mails die nog weg moeten of mislukt zijn.",
    brieven:
      "De brieven die medewerkers vanuit een casus maken. Pas de tekst aan voor uw regio; bekijk eerst een voorbeeld. Schrijf in eenvoudige taal (B1).",
    gebruikers:
      "Maak accounts aan met één rol en de school, gemeente, het samenwerkingsverband of het kind waarvoor die rol geldt. Een gedeactiveerd account kan meteen niet meer inloggen.",
    scholen:
      "De scholen met hun lestijd per weekdag en de vakanties en vrije dagen die voor hen gelden. Wijzigingen gaan via de imports.",
    imports:
      "Lees een CSV-bestand in (het formaat van de koppelvlakbeschrijving). Een bestand met een fout wordt in zijn geheel geweigerd; u ziet per regel wat er mis is.",
    kolomindelingen: mappingsNl.intro,
    koppelingen:
      "Een koppelingstoken laat een schoolsysteem of een nachtelijk script bestanden aanleveren via de API (POST /api/v1/imports/SOORT), alleen voor de gekozen soorten bestanden en scholen. Elk gebruik staat in het logboek.",
  } as Record<string, string>,
  usersTable: "Accounts",
  newAccount: "Nieuw account",
  name: "Naam",
  email: "E-mailadres",
  password: "Eerste wachtwoord (optioneel)",
  passwordHint:
    "Minstens 12 tekens. Laat leeg voor een account dat alleen via de inlog van de eigen organisatie (OIDC) inlogt.",
  role: "Rol",
  chooseRole: "Kies een rol",
  chooseSchool: "Kies een school",
  scopeLabel: {
    school: "School",
    municipality: "Gemeente",
    partnership: "Samenwerkingsverband (code, bijv. PO2605)",
    pupil: "Leerlingnummer van het kind",
  } satisfies Record<Exclude<ScopeKind, "none">, string>,
  scopeRequired: {
    school: "Kies de school waarvoor deze rol geldt.",
    municipality: "Vul de gemeente in waarvoor deze rol geldt.",
    partnership: "Vul de code van het samenwerkingsverband in.",
    pupil: "Vul het leerlingnummer van het kind in.",
    none: "",
  } satisfies Record<ScopeKind, string>,
  noScopeNeeded: "Deze rol geldt voor de hele regio; er hoeft niets bij gekozen te worden.",
  create: "Account aanmaken",
  created: (email: string) => `Het account ${email} is aangemaakt.`,
  nameRequired: "Vul de naam in.",
  emailInvalid: "Vul een geldig e-mailadres in, zoals naam@school.nl.",
  passwordShort: "Het wachtwoord moet minstens 12 tekens hebben.",
  roleRequired: "Kies een rol.",
  roles: "Rollen",
  status: "Status",
  active: "Actief",
  inactive: (date: string) => `Gedeactiveerd op ${date}`,
  action: "Actie",
  deactivate: "Deactiveren",
  confirmDeactivate: (email: string) => `Ja, deactiveer ${email}`,
  deactivated: (email: string) => `Het account ${email} is gedeactiveerd.`,
  scopeSchool: (id: string) => `school ${id}`,
  scopeMunicipality: (m: string) => `gemeente ${m}`,
  scopePartnership: (p: string) => `samenwerkingsverband ${p}`,
  scopePupil: (id: string) => `kind ${id}`,
  scopeRegion: (r: string) => `regio ${r}`,
  scopeNone: "hele regio",
  schoolsTable: "Scholen",
  noSchools: "Er zijn nog geen scholen ingelezen.",
  schoolId: "BRIN",
  schoolName: "School",
  sector: "Sector",
  municipality: "Gemeente",
  partnership: "Samenwerkingsverband",
  holidayRegion: "Vakantieregio",
  minutesOn: {
    mon: "ma (min.)",
    tue: "di (min.)",
    wed: "wo (min.)",
    thu: "do (min.)",
    fri: "vr (min.)",
  },
  closureCount: "Vrije dagen/vakanties",
  closuresHeading: "Vakanties en vrije dagen",
  chooseSchoolForClosures: "Toon de vakanties en vrije dagen van",
  closuresTable: (school: string) => `Vakanties en vrije dagen van ${school}`,
  noClosures: "Er zijn voor deze school geen vakanties of vrije dagen ingelezen.",
  closureName: "Naam",
  closureStart: "Van",
  closureEnd: "Tot en met",
  closureScope: "Geldt voor",
  scopeOfClosure: (scope: string, schoolId: string) =>
    scope === "all"
      ? "alle scholen"
      : scope === schoolId
        ? "alleen deze school"
        : `vakantieregio ${scope}`,
  newImport: "Bestand inlezen",
  importOrder:
    "Volgorde bij een nieuwe regio: scholen, vakanties, leerlingen, inschrijvingen, verzuim; daarna bevolking en vrijstellingen.",
  kind: "Soort bestand",
  chooseKind: "Kies de soort",
  kinds: {
    schools: "Scholen (schools)",
    closures: "Vakanties en vrije dagen (closures)",
    pupils: "Leerlingen (pupils)",
    enrolments: "Inschrijvingen (enrolments)",
    attendance: "Verzuim (attendance)",
    population: "Bevolkingsregister (population)",
    exemptions: "Vrijstellingen (exemptions)",
  } satisfies Record<ImportKindCode, string>,
  file: "CSV-bestand",
  encoding: "Tekenset",
  encodingDescription:
    "Een bestand met een BOM (UTF-8 of UTF-16) wordt altijd herkend. Kies Windows-1252 voor een bestand dat Excel op Windows als gewone CSV heeft opgeslagen en waarin letters als ë of ç niet goed overkomen.",
  encodings: {
    "utf-8": "UTF-8 (automatisch)",
    "windows-1252": "Windows-1252 (Excel op Windows)",
  } satisfies Record<"utf-8" | "windows-1252", string>,
  kindRequired: "Kies de soort bestand.",
  fileRequired: "Kies een CSV-bestand.",
  startImport: "Inlezen",
  progressHeading: "Voortgang",
  uploading: (pct: number) => `Bestand versturen: ${pct}%`,
  queued: (file: string) => `${file} staat klaar om ingelezen te worden…`,
  phases: { reading: "regels lezen", checking: "controleren", writing: "opslaan" } as Record<
    string,
    string
  >,
  phaseLine: (step: number, of: number, phase: string, rows: number) =>
    `Stap ${step} van ${of}: ${phase} (${rows.toLocaleString("nl-NL")} regels)`,
  imported: (file: string, rows: number, ins: number, upd: number, same: number) =>
    `${file} is ingelezen: ${rows} regels, ${ins} nieuw, ${upd} gewijzigd, ${same} ongewijzigd.`,
  rejected: (file: string, total: number) =>
    `${file} is geweigerd: ${total === 1 ? "1 fout" : `${total} fouten`} gevonden. Er is niets ingelezen. Verbeter het bestand en lees het opnieuw in.`,
  moreErrors: (n: number) => `Hieronder staan de eerste fouten; er zijn er nog ${n}.`,
  failed: (file: string) =>
    `Het inlezen van ${file} is onverwacht mislukt. Er is niets ingelezen; de fout is vastgelegd op de server.`,
  errorsTable: (file: string) => `Fouten in ${file}`,
  line: "Regel",
  column: "Kolom",
  reason: "Wat is er mis",
  logHeading: "Importlogboek",
  noImports: "Er is nog niets ingelezen.",
  startedAt: "Gestart",
  outcome: "Uitkomst",
  outcomes: { imported: "Ingelezen", rejected: "Geweigerd" } as Record<string, string>,
  rows: "Regels",
  inserted: "Nieuw",
  updated: "Gewijzigd",
  unchanged: "Ongewijzigd",
  errorCount: "Fouten",
  actor: "Door",
};
