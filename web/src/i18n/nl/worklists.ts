// The start pages' worklists (features/worklists): signals, cases, deadlines, DUO reports.
export const worklistsNl = {
  worklist: {
    newSignals: "Nieuwe signalen van uw school",
    newSignalsIntro:
      "Signalen die nog niet aan een casus gekoppeld zijn. Bij elk signaal ziet u waarom het afging.",
    myCases: "Mijn casussen",
    myCasesIntro: "Casussen waarvan u casusverantwoordelijke bent, met de eerstvolgende termijn.",
    schoolCases: "Casussen van de school",
    deadlines: "Termijnen",
    deadlinesIntro: "Termijnen die te laat zijn of binnen twee weken verlopen, de vroegste eerst.",
    noDeadlines: "Er zijn geen termijnen die aandacht vragen.",
    absoluteSignals: "Absoluut verzuim",
    absoluteIntro:
      "Leerplichtige kinderen zonder inschrijving op een school en zonder vrijstelling.",
    otherSignals: "Signalen die u mag zien",
    duoReports: "Verzuimmeldingen bij DUO",
    caseload: "Mijn caseload",
    caseloadIntro:
      "Per casus de klok in verzuimweken, de fase en de volgende termijn. Te late termijnen en casussen waarbij de 3-maandentermijn in gevaar is staan bovenaan.",
    parentLink: "Bekijk wat er rond uw kind gebeurt",
    auditLink: "Naar het logboek",
    allSignalsLink: "Alle signalen bekijken",
    allCasesLink: "Alle casussen bekijken",
    weeklyReview: "Wekelijkse bespreking",
    weeklyReviewDue: (date: string) => `uiterlijk ${date}`,
    noNewSignals: "Er zijn geen nieuwe signalen.",
    noCases: "U heeft geen casussen.",
    caseLink: (pupil: string) => `Casus van ${pupil}`,
    duoIntro:
      "Verzuimmeldingen die klaarstaan of bij DUO lopen. Een melding moet binnen 5 werkdagen na het bereiken van 16 uur bij DUO zijn.",
    duoNone: "Er zijn geen verzuimmeldingen die aandacht vragen.",
    duoType: "Soort melding",
    duoTypes: {
      "16_uur": "16 uur ongeoorloofd verzuim",
      langdurig_relatief: "Langdurig relatief verzuim (meer dan 4 weken)",
      luxe: "Luxeverzuim",
      "18plus": "18-plusser",
      overig: "Overig",
    } as Record<string, string>,
    duoRepeat: (n: number) => `herhaling ${n}`,
    duoPeriod: "Periode",
    duoDue: "Melden uiterlijk",
    duoStatus: "Status",
    duoHours: "Uren afwezig",
    /** Not sent to DUO and past its due date. */
    duoOverdue: "Melding te laat",
    /** Sent to DUO, after its due date. */
    duoSentLate: "Te laat gemeld",
    duoStatuses: {
      concept: "Klaar om te melden",
      geregistreerd: "Geregistreerd bij DUO",
      in_behandeling: "In behandeling",
      afgesloten: "Afgesloten",
      ter_kennisgeving: "Ter kennisgeving",
      ingetrokken: "Ingetrokken",
    } as Record<string, string>,
    duoUnavailable: "Het overzicht van verzuimmeldingen",
    absoluteNone: "Er is geen absoluut verzuim bekend.",
    otherSignalsIntro:
      "Signalen over inwoners van uw gemeente. Signalen die op geoorloofd verzuim (zoals ziekte) rusten, ziet u alleen met toestemming (a) van de ouders.",
    deadlineCase: "Casus",
    chainIntro: "De casussen waarin u deelnemer bent.",
  },
};
