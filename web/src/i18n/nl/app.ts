// The app's frame in Dutch: name, header, navigation, the overview page, the pages every user
// can meet (not found, no access), role names, and what every screen shares (common, tables).
import type { RoleCode } from "../../../../src/domain/policy/roles.ts";

export const appNl = {
  app: {
    name: "Aanwezig",
    tagline: "Verzuimsignalen, casusregie en monitoring rond thuiszitters",
    documentTitle: (page: string) => `${page} – Aanwezig`,
    skipToContent: "Naar de hoofdinhoud",
    mainNavigation: "Hoofdmenu",
    footer: "Aanwezig – open source onder de EUPL-1.2. Alleen synthetische gegevens in de demo.",
    loading: "Bezig met laden…",
    loadFailed: "De gegevens konden niet worden geladen. Probeer het later opnieuw.",
  },
  header: {
    userLabel: "Ingelogd als",
    rolesLabel: "Rol",
    logout: "Uitloggen",
    loggingOut: "Bezig met uitloggen…",
  },
  nav: {
    home: "Overzicht",
    signals: "Signalen",
    cases: "Casussen",
    myChild: "Mijn kind",
    monitor: "Monitor",
    audit: "Logboek",
    agenda: "Doorbraakteam",
    duoReports: "Verzuimmeldingen",
    admin: "Beheer",
    pupilSearch: "Leerlingen zoeken",
    setup: "Inrichting",
    leave: "Verlof",
    youthDoctor: "Jeugdarts",
    privacyRequests: "AVG-verzoeken",
  },
  home: {
    title: "Overzicht",
    welcome: (name: string) => `Welkom, ${name}.`,
    parent: {
      title: "Uw kind",
      body: "Wat de school en de hulpverleners samen met u doen rond uw kind: het plan, de afspraken en uw toestemmingen.",
      noCase: "Er loopt op dit moment geen casus rond uw kind.",
      caseLine: (name: string, phase: string, opened: string) =>
        `${name}: ${phase} (gestart op ${opened})`,
    },
    policy: {
      title: "Monitor",
      body: "De geaggregeerde cijfers over verzuim en thuiszitters in uw gebied, zonder persoonsgegevens. Aantallen van 1 tot en met 4 worden niet getoond.",
      links: [
        { to: "/monitor", label: "Overzicht: signalen, thuiszitters en casussen" },
        { to: "/monitor/trends", label: "Trends over de tijd" },
        { to: "/monitor/kpi", label: "Kengetallen van de aanpak" },
        { to: "/monitor/kwartaalrapport", label: "Kwartaalrapport" },
      ],
    },
    admin: {
      title: "Beheer",
      body: "De stand van accounts, scholen en imports.",
      accounts: (active: number, inactive: number) =>
        `${active} actieve ${active === 1 ? "account" : "accounts"}${inactive > 0 ? `, ${inactive} gedeactiveerd` : ""}`,
      schools: (n: number) => `${n} ${n === 1 ? "school" : "scholen"}`,
      noImport: "Er is nog geen bestand ingelezen.",
      lastImport: (kind: string, date: string, outcome: string) =>
        `Laatste import: ${kind} op ${date} (${outcome})`,
    },
    privacy: {
      title: "Privacy",
      body: "Wie welke persoonsgegevens heeft bekeken of gewijzigd, in welke rol, en of dat mocht.",
      recent: "Recente activiteit in het logboek",
      entry: (at: string, who: string, action: string, resource: string, outcome: string) =>
        `${at} — ${who}: ${action} (${resource}) — ${outcome}`,
      retention: {
        title: "Bewaartermijnen",
        body: "Elke nacht verwijdert Aanwezig wat over zijn bewaartermijn is (verzuimmeldingen en gesloten casussen na 5 jaar, verzuim en signalen na de leerplicht, het leerplichtdossier tot 19 jaar, het logboek na 5 jaar). Hieronder de laatste keren: hoeveel rijen, niet van wie.",
        none: "De bewaartermijnen zijn nog niet toegepast.",
        table: "Laatste keren dat de bewaartermijnen zijn toegepast",
        columns: {
          asOf: "Peildatum",
          kind: "Soort",
          status: "Stand",
          startedBy: "Gestart door",
          removed: "Verwijderd of geanonimiseerd",
        },
        dryRun: "proef (niets verwijderd)",
        real: "uitgevoerd",
        startedBy: { job: "nachtelijke taak", cli: "opdrachtregel" } as Record<string, string>,
        statuses: {
          running: "bezig",
          completed: "klaar",
          failed: "mislukt",
          interrupted: "onderbroken (wordt hervat)",
        } as Record<string, string>,
        classes: {
          closed_case: "gesloten casussen",
          duo_report: "verzuimmeldingen",
          attendance_and_signals: "verzuim en signalen",
          pupil: "leerlinggegevens",
          audit_log: "logboek",
        } as Record<string, string>,
        nothing: "niets over de termijn",
        perClass: (name: string, rows: number) =>
          `${name}: ${rows} ${rows === 1 ? "rij" : "rijen"}`,
      },
    },
    none: "Aan uw account is nog geen rol gekoppeld. Neem contact op met de functioneel beheerder.",
  },
  section: {
    comingSoon: "Dit onderdeel is nog in ontwikkeling.",
  },
  forbidden: {
    title: "Geen toegang",
    body: "Met uw rol heeft u geen toegang tot deze pagina.",
  },
  notFound: {
    title: "Pagina niet gevonden",
    body: "Deze pagina bestaat niet (meer). Controleer het adres of ga naar het overzicht.",
    homeLink: "Naar het overzicht",
  },
  roles: {
    teacher: "Mentor / leerkracht",
    care_coordinator: "Zorgcoördinator",
    school_head: "Schooldirectie",
    attendance_officer: "Leerplichtambtenaar",
    case_director: "Casusregisseur",
    partnership_consultant: "Samenwerkingsverband",
    youth_doctor: "Jeugdarts",
    youth_care: "Jeugdteam",
    breakthrough_member: "Doorbraakteam",
    parent: "Ouder / verzorger",
    policy_officer: "Beleidsmedewerker",
    app_admin: "Functioneel beheerder",
    privacy_officer: "Privacyfunctionaris",
  } satisfies Record<RoleCode, string>,
  unknownRole: (code: string) => `Onbekende rol (${code})`,
  common: {
    yes: "ja",
    no: "nee",
    none: "Geen",
    unknown: "Onbekend",
    save: "Opslaan",
    saving: "Bezig met opslaan…",
    cancel: "Annuleren",
    saved: "Opgeslagen.",
    required: "Dit veld is verplicht.",
    dateInvalid: "Vul een datum in als dd-mm-jjjj.",
    dateNotPast: "Kies vandaag of een datum in de toekomst.",
    showDetails: "Details",
    weeks: (n: number) => (n === 1 ? "1 week" : `${n} weken`),
    days: (n: number) => (n === 1 ? "1 dag" : `${n} dagen`),
    minutesAsHours: (minutes: number) =>
      `${(Math.round((minutes / 60) * 10) / 10).toLocaleString("nl-NL")} uur`,
    count: (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`,
    all: "Alle",
    loading: "Bezig met laden…",
    notAvailable: (what: string) =>
      `${what} is nog niet beschikbaar: de server biedt hiervoor nog geen gegevens aan.`,
  },
  table: {
    empty: "Er zijn geen rijen om te tonen.",
    exportCsv: "Download als CSV",
    exportXlsx: "Download als Excel",
    exportLabel: (title: string) => `Exporteer ${title}`,
    scrollRegion: (title: string) => `${title} (schuif horizontaal voor meer kolommen)`,
    rowCount: (n: number) => (n === 1 ? "1 rij" : `${n} rijen`),
    sortBy: (column: string) => `Sorteer op ${column}`,
  },
  demo: {
    label: "Demo-omgeving:",
    banner: (date: string) =>
      `de datum staat vast op ${date}. Alle kinderen en gegevens zijn verzonnen (synthetisch).`,
  },
};
