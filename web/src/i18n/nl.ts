// Every Dutch text the web app shows. Components read them through `t` (index.ts), never as
// literals, so an English file (en.ts, typed `Messages`) can follow without touching screens.
import type { RoleCode } from "../../../src/domain/policy/roles.ts";
import { adminNl, auditNl, caseFileNl, monitorNl, parentNl, pupilNl } from "./nl-case-file.ts";
import { caseFileMoreNl } from "./nl-case-file-more.ts";
import { domainNl } from "./nl-domain.ts";
import { monitorScreensNl } from "./nl-monitor-screens.ts";
import { moreNl } from "./nl-more.ts";
import { screensNl } from "./nl-screens.ts";
import { worklistsNl } from "./nl-worklists.ts";

export const nl = {
  locale: "nl-NL",
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
  login: {
    title: "Inloggen",
    intro: "Log in met het e-mailadres en wachtwoord van uw account.",
    email: "E-mailadres",
    password: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    errorSummaryTitle: "Controleer het formulier",
    emailRequired: "Vul uw e-mailadres in.",
    emailInvalid: "Vul een geldig e-mailadres in, zoals naam@school.nl.",
    passwordRequired: "Vul uw wachtwoord in.",
    badCredentials:
      "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
    tooManyAttempts:
      "U heeft te vaak geprobeerd in te loggen. Wacht een kwartier en probeer het dan opnieuw.",
    failed: "Inloggen lukt nu niet. Probeer het later opnieuw.",
    oidcIntro:
      "Werkt u bij een organisatie die aangesloten is? Log dan in via uw eigen organisatie.",
    oidc: "Inloggen via uw organisatie",
    orLocal: "Of log in met een account van Aanwezig:",
    demoTitle: "Demo-omgeving",
    demoAccounts:
      "Log in met een demo-account, bijvoorbeeld zorgcoordinator@demo.aanwezig.nl, casusregisseur@demo.aanwezig.nl, leerplicht@demo.aanwezig.nl, ouder@demo.aanwezig.nl of beleid@demo.aanwezig.nl, met het wachtwoord demo-wachtwoord.",
  },
  setPassword: {
    title: "Wachtwoord instellen",
    intro:
      "Kies een wachtwoord voor uw account: minstens 12 tekens, bijvoorbeeld een zin van een paar woorden die niet bij elkaar horen. Deze link werkt één keer.",
    password: "Nieuw wachtwoord",
    repeat: "Herhaal het wachtwoord",
    submit: "Wachtwoord instellen",
    submitting: "Bezig met opslaan…",
    passwordRequired: "Vul een wachtwoord in.",
    passwordShort: "Het wachtwoord moet minstens 12 tekens lang zijn.",
    passwordLong: "Het wachtwoord mag hoogstens 1024 tekens lang zijn.",
    mismatch: "De twee wachtwoorden zijn niet gelijk.",
    noToken:
      "Deze link is niet volledig. Open de link precies zoals u hem heeft gekregen, of vraag de beheerder om een nieuwe.",
    done: "Uw wachtwoord is ingesteld.",
    toLogin: "Naar inloggen",
    failed: "Het wachtwoord kon nu niet worden ingesteld. Probeer het later opnieuw.",
  },
  nav: {
    home: "Overzicht",
    signals: "Signalen",
    cases: "Casussen",
    myChild: "Mijn kind",
    monitor: "Monitor",
    audit: "Logboek",
    agenda: "Doorbraakteam",
    admin: "Beheer",
    pupilSearch: "Leerlingen zoeken",
  },
  pupilSearch: {
    title: "Leerlingen zoeken",
    intro:
      "Zoek op (een deel van) de naam of het begin van het leerlingnummer. U vindt alleen leerlingen die u mag zien.",
    label: "Naam of leerlingnummer",
    submit: "Zoeken",
    tooShort: "Vul minstens 2 tekens in.",
    resultsLabel: "Gevonden leerlingen",
    pupil: "Leerling",
    schools: "School",
    none: "Geen leerlingen gevonden die u mag zien.",
    count: (n: number) =>
      n === 1 ? "1 leerling gevonden." : `${n} leerlingen gevonden (hoogstens 20).`,
    pickTitle: "Zoek de leerling",
    pickHint:
      "Zoek op naam of leerlingnummer en kies de leerling; het leerlingnummer wordt dan ingevuld.",
    pick: (pupil: string) => `Kies ${pupil}`,
    picked: (pupil: string) => `Gekozen: ${pupil}.`,
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
  ...domainNl,
  ...screensNl,
  caseFile: caseFileNl,
  caseFileMore: caseFileMoreNl,
  parent: parentNl,
  pupil: pupilNl,
  monitor: monitorNl,
  admin: adminNl,
  audit: auditNl,
  more: moreNl,
  monitorScreens: monitorScreensNl,
  work: worklistsNl,
};

export type Messages = typeof nl;
