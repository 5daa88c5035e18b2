// Dutch texts of the parent view, the pupil page, administration and the audit trail
// (features/screens-more.tsx), beside the ones they share in nl-case-file.ts.
import type { CaseCommandName } from "../../../src/domain/policy/case-actions.ts";
import type { Action, ResourceKind } from "../../../src/domain/policy/resources.ts";
import type { ScopeKind } from "../../../src/http/presenters/admin.ts";
import type { ImportKind as ImportKindCode } from "../../../src/import/kind-spec.ts";

const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const LONG_DATE = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function duration(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? "1 minuut" : `${minutes} minuten`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours.toLocaleString("nl-NL")} uur`;
}

export const moreNl = {
  pupil: {
    notFoundTitle: "Leerling niet gevonden",
    enrolmentsTable: (name: string) => `Inschrijvingen van ${name}`,
    caseLink: (phase: string, opened: string) => `Casus geopend op ${opened} (fase: ${phase})`,
    noAttendanceAccess:
      "Met uw rol ziet u het verzuim van deze leerling niet. De gegevens van de leerling ziet u wel.",
    calendarIntro: (from: string, to: string) =>
      `Het verzuim per schooldag van ${from} tot en met ${to}. Hoe donkerder een vakje, hoe meer van de lestijd de leerling afwezig was; de letter zegt om welk verzuim het vooral ging. Dezelfde gegevens staan ook in de tabel.`,
    authorizedHidden:
      "Geoorloofd verzuim (zoals ziekte) wordt niet getoond: daarvoor is toestemming (a) van de ouders nodig. Ongeoorloofd verzuim en te laat komen ziet u wel.",
    totalSchoolDays: "Schooldagen tot nu toe",
    totalDaysWithAbsence: "Dagen met verzuim",
    totalAbsent: "Afwezig in totaal",
    totalShare: (time: string, pct: number) =>
      `${time} (${pct.toLocaleString("nl-NL")}% van de lestijd)`,
    lateTimes: (n: number) => (n === 1 ? "1 keer" : `${n} keer`),
    hidden: "niet zichtbaar",
    duration,
    gridCaption:
      "Verzuimkalender van het schooljaar: weken van links naar rechts, dagen van boven naar beneden",
    keyboardHelp:
      "Gebruik de pijltjestoetsen om van dag naar dag te gaan (links en rechts: een week, boven en onder: een dag); Home en End gaan naar de eerste en laatste week.",
    weekdayColumn: "Dag van de week",
    weekdayShort: ["ma", "di", "wo", "do", "vr"],
    weekdayLong: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
    monthShort: (month: number) => MONTHS[month - 1] ?? "",
    weekOf: (date: string) => `week van ${date}`,
    longDate: (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`)),
    noSchoolDay: (date: string) => `${date}: geen schooldag of geen gegevens`,
    notAbsent: (date: string) => `${date}: niet afwezig`,
    absentDay: (date: string, pct: number, parts: string) =>
      `${date}: ${pct}% van de lestijd afwezig${parts ? ` (${parts})` : ""}`,
    partSick: (time: string) => `ziek ${time}`,
    partAuthorized: (time: string) => `overig geoorloofd ${time}`,
    partUnauthorized: (time: string) => `ongeoorloofd ${time}`,
    partLate: (count: number, time: string) =>
      `${count === 1 ? "1 keer" : `${count} keer`} te laat (${time})`,
    kindLetters: { sick: "Z", authorized: "G", unauthorized: "O", late: "L" } as Record<
      "sick" | "authorized" | "unauthorized" | "late",
      string
    >,
    kindNames: {
      sick: "Ziek",
      authorized: "Overig geoorloofd (bijv. medisch, verlof)",
      unauthorized: "Ongeoorloofd",
      late: "Te laat",
    } as Record<"sick" | "authorized" | "unauthorized" | "late", string>,
    legendNoSchoolDay: "Geen schooldag (weekend, vakantie, niet ingeschreven) of nog geen gegevens",
    tableTitle: (name: string) => `Dagen met verzuim van ${name}`,
    noAbsence: "Er is dit schooljaar geen verzuim geregistreerd.",
    colScheduled: "Lestijd (minuten)",
    colPercentage: "Afwezig (% van de dag)",
    colSick: "Ziek (minuten)",
    colAuthorized: "Overig geoorloofd (minuten)",
    colUnauthorized: "Ongeoorloofd (minuten)",
    colLate: "Te laat (minuten)",
  },
  parent: {
    closed: (date: string, outcome: string) => `De casus is op ${date} afgesloten: ${outcome}.`,
    goals: "Wat we willen bereiken",
    goal: (domain: string, text: string, measure: string, date: string) =>
      `${domain}: ${text} Dat zien we aan: ${measure} (uiterlijk ${date}).`,
    whoDoesWhat: "Wie doet wat",
    done: "Wat al gedaan is",
    nextMeeting: "Het volgende overleg",
    meetingOn: (kind: string, date: string) => `${kind} op ${date}.`,
    noMeeting: "Er is nog geen volgend overleg gepland.",
    noDocuments: "Er zijn (nog) geen documenten met u gedeeld.",
    purposeExplained: {
      share_authorized_absence_with_leerplicht:
        "De leerplichtambtenaar mag zien wanneer uw kind met een geldige reden (zoals ziekte) afwezig was, om mee te denken over hulp.",
      involve_partner:
        "Deze organisatie mag meedenken en meewerken aan een oplossing voor uw kind.",
      agree_with_plan:
        "U bent betrokken bij het plan, kunt zich vinden in de oplossing en doet wat is afgesproken.",
      binding_arbitration:
        "Als niemand het eens wordt, beslist een commissie. U kiest zelf iemand die namens u in die commissie zit. De uitspraak geldt voor iedereen.",
    } as Record<string, string>,
    childDecides:
      "Uw kind is 16 jaar of ouder en beslist hier zelf over. Vraag de school of de casusregisseur als u vragen heeft.",
    confirmWithdraw: "Ja, trek mijn toestemming in",
  },
  admin: {
    pageTitle: (part: string) => `Beheer: ${part}`,
    intro: {
      gebruikers:
        "Maak accounts aan met één rol en de school, gemeente, het samenwerkingsverband of het kind waarvoor die rol geldt. Een gedeactiveerd account kan meteen niet meer inloggen.",
      scholen:
        "De scholen met hun lestijd per weekdag en de vakanties en vrije dagen die voor hen gelden. Wijzigingen gaan via de imports.",
      regio:
        "De naam, gemeenten, vakantieregio, het schooljaar, de klok van een casus en het signaalprofiel van de regio. Elk onderdeel van Aanwezig rekent met deze instellingen.",
      imports:
        "Lees een CSV-bestand in (het formaat van de koppelvlakbeschrijving). Een bestand met een fout wordt in zijn geheel geweigerd; u ziet per regel wat er mis is.",
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
  },
  audit: {
    filters: "Logboek filteren",
    tableFor: (pupil: string) => `Logboek voor leerling ${pupil}`,
    empty: "Er zijn geen regels die bij de filters passen.",
    system: "systeem",
    pupil: "Leerling",
    route: "Verzoek",
    older: "Oudere regels laden",
    actionName: (action: string) => (AUDIT_ACTIONS as Record<string, string>)[action] ?? action,
    resource: (type: string, id: string | null) =>
      `${(AUDIT_RESOURCES as Record<string, string>)[type] ?? type}${id ? ` ${id}` : ""}`,
  },
};

/**
 * The codes the audit trail's `action` column holds: every policy action (authorize.ts and the
 * read routes), every case command (the command frame and the daily job write the command's
 * name), and the operations that are not policy actions (administration, DUO reports, handling
 * a signal, reading attendance). Typed against the server's lists, so a new policy action or case
 * command without a Dutch label fails the type check; `consent` is an older code kept for rows
 * already written.
 */
type AuditActionCode =
  | Action
  | CaseCommandName
  | "read_attendance"
  | "read_duo_reports"
  | "read_duo_report"
  | "change_duo_report_status"
  | "handle_signal"
  | "upload_document"
  | "list_users"
  | "list_roles"
  | "create_user"
  | "deactivate_user"
  | "set_password"
  | "list_schools"
  | "import_file"
  | "read_import_job"
  | "read_import_log"
  | "read_region_settings"
  | "save_region_settings"
  | "list_breakthrough_teams"
  | "create_breakthrough_team"
  | "update_breakthrough_team"
  | "add_team_member"
  | "end_team_member"
  | "search_people"
  | "list_exemptions"
  | "record_exemption"
  | "update_exemption"
  | "list_variawet"
  | "record_variawet"
  | "update_variawet"
  | "list_arrangements"
  | "create_arrangement"
  | "update_arrangement"
  | "add_waiting_list_entry"
  | "end_waiting_list_entry"
  | "list_budgets"
  | "record_contribution"
  | "consent";

export const AUDIT_ACTIONS = {
  // Policy actions (src/domain/policy/resources.ts).
  read_pupil: "Leerling bekeken",
  read_attendance_unauthorized: "Ongeoorloofd verzuim bekeken",
  read_attendance_authorized: "Geoorloofd verzuim bekeken",
  read_signals: "Signalen bekeken",
  read_medical_notes: "Medische notities bekeken",
  open_case: "Casus geopend",
  read_case: "Casus bekeken",
  update_plan: "Plan bijgewerkt",
  record_consent: "Toestemming vastgelegd",
  flag_stagnation: "Stagnatie gemeld",
  escalate: "Opgeschaald",
  deescalate: "Afgeschaald",
  convene_breakthrough: "Doorbraakteam bijeengeroepen",
  start_arbitration: "Arbitrage gestart",
  refer_prosecutor: "Doorverwezen naar het OM",
  close_case: "Casus afgesloten",
  add_participant: "Deelnemer toegevoegd",
  remove_participant: "Deelnemer verwijderd",
  spend_budget: "Budget besteed",
  read_document: "Document bekeken",
  read_audit: "Logboek bekeken",
  read_monitor: "Monitor bekeken",
  reconcile_list: "Lijsten vergeleken (leerplichttelling)",
  manage_users: "Accounts beheerd",
  manage_schools: "Scholen beheerd",
  manage_region_settings: "Regio-instellingen beheerd",
  manage_breakthrough_teams: "Doorbraakteams beheerd",
  manage_arrangements: "Arrangementen beheerd",
  manage_exemptions: "Vrijstellingen beheerd",
  manage_budget_contributions: "Bijdragen frictiebudget beheerd",
  // Case commands (src/domain/policy/case-actions.ts).
  hand_to_director: "Overgedragen aan casusregisseur",
  record_arbitration_ruling: "Uitspraak arbitrage vastgelegd",
  close: "Casus afgesloten",
  request_breakthrough_check: "Besluit week 8 gevraagd",
  record_breakthrough_check: "Besluit week 8 vastgelegd",
  record_offer_started: "Passend aanbod gestart",
  mark_three_month_breach: "3-maandentermijn overschreden",
  add_plan_goal: "Doel toegevoegd",
  add_plan_action: "Actie toegevoegd",
  update_action_status: "Actie bijgewerkt",
  record_ladder_step: "Trede ladder vastgelegd",
  record_meeting: "Overleg vastgelegd",
  record_event: "Contact of bespreking vastgelegd",
  upload_document: "Document toegevoegd",
  resolve_stagnation: "Stagnatie opgelost",
  end_participation: "Deelname beëindigd",
  commit_budget: "Budget toegezegd",
  attribute_budget: "Budget toegerekend",
  reverse_budget_entry: "Budgetboeking teruggedraaid",
  // Other operations.
  read_attendance: "Verzuim bekeken",
  read_duo_reports: "Verzuimmeldingen bekeken",
  read_duo_report: "Verzuimmelding bekeken",
  change_duo_report_status: "Status verzuimmelding gewijzigd",
  handle_signal: "Signaal afgehandeld",
  list_users: "Accounts bekeken",
  list_roles: "Rollen bekeken",
  create_user: "Account aangemaakt",
  deactivate_user: "Account gedeactiveerd",
  set_password: "Wachtwoord ingesteld",
  list_schools: "Scholen bekeken",
  import_file: "Bestand ingelezen",
  read_import_job: "Importtaak bekeken",
  read_import_log: "Importlogboek bekeken",
  read_region_settings: "Regio-instellingen bekeken",
  save_region_settings: "Regio-instellingen opgeslagen",
  list_breakthrough_teams: "Doorbraakteams bekeken",
  create_breakthrough_team: "Doorbraakteam aangemaakt",
  update_breakthrough_team: "Doorbraakteam gewijzigd",
  add_team_member: "Lid aan doorbraakteam toegevoegd",
  end_team_member: "Lidmaatschap doorbraakteam beëindigd",
  search_people: "Personen gezocht",
  list_exemptions: "Vrijstellingen bekeken",
  record_exemption: "Vrijstelling vastgelegd",
  update_exemption: "Vrijstelling gewijzigd",
  list_variawet: "Variawet-afspraken bekeken",
  record_variawet: "Variawet-afspraak vastgelegd",
  update_variawet: "Variawet-afspraak gewijzigd",
  list_arrangements: "Arrangementen bekeken",
  create_arrangement: "Arrangement toegevoegd",
  update_arrangement: "Arrangement gewijzigd",
  add_waiting_list_entry: "Op wachtlijst gezet",
  end_waiting_list_entry: "Van wachtlijst gehaald",
  list_budgets: "Frictiebudgetten bekeken",
  record_contribution: "Bijdrage frictiebudget vastgelegd",
  consent: "Toestemming vastgelegd",
} as const satisfies Record<AuditActionCode, string>;

type AuditResourceCode =
  | ResourceKind
  | "attendance"
  | "duo_report"
  | "reconciliation"
  | "user"
  | "role"
  | "school"
  | "region_settings"
  | "breakthrough_team"
  | "exemption"
  | "variawet_record"
  | "arrangement"
  | "waiting_list"
  | "budget"
  | "person"
  | "import";

/** The audit trail's `resource_type`: the policy's resource kinds and the other audited things. */
export const AUDIT_RESOURCES = {
  pupil: "leerling",
  signal: "signaal",
  case: "casus",
  document: "document",
  audit_log: "logboek",
  monitor: "monitor",
  administration: "beheer",
  attendance: "verzuim van",
  duo_report: "verzuimmelding",
  reconciliation: "lijstvergelijking",
  user: "account",
  role: "rollen",
  school: "scholen",
  region_setup: "inrichting regio",
  region_settings: "regio-instellingen",
  breakthrough_team: "doorbraakteam",
  exemption: "vrijstelling",
  variawet_record: "Variawet-afspraak",
  arrangement: "arrangement",
  waiting_list: "wachtlijst",
  budget: "frictiebudget",
  person: "personen",
  import: "import",
} as const satisfies Record<AuditResourceCode, string>;
