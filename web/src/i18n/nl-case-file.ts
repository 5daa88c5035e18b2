// Dutch texts of the case file (/casussen/:id) and its forms.
export const caseFileNl = {
  title: (pupil: string) => `Casus ${pupil}`,
  summary: "Samenvatting",
  details: "Gegevens van de casus",
  navigation: {
    sections: "Onderdelen van de casus",
    canDo: "Wat u nu kunt doen",
    nothingToDo: "U kunt in deze casus nu niets vastleggen.",
  },
  pupilLink: "Naar de leerlingpagina",
  clockMode: { lesweken: "lesweken", calendar_weeks: "kalenderweken" } as Record<string, string>,
  // domain.md §5: the clock counts absence weeks (verzuimweken), in lesweken or calendar weeks
  // as the region has set it. Every screen says "verzuimweek"; the case file adds the unit.
  clockValue: (weeks: number, mode: string) => `verzuimweek ${weeks} (geteld in ${mode})`,
  openingBySignals: (n: number) =>
    n === 1 ? "Geopend vanuit 1 signaal" : `Geopend vanuit ${n} signalen`,
  openingByHand: "Met de hand geopend",
  closed: (outcome: string, date: string) => `Afgesloten op ${date}: ${outcome}`,
  guaranteeHeld: "De 3-maandentermijn is gehaald.",
  guaranteeMissed: "De 3-maandentermijn is niet gehaald.",
  sections: {
    actions: "Wat u kunt doen",
    timeline: "Tijdlijn van fasen en besluiten",
    deadlines: "Termijnen",
    ladder: "Ladder van effectiviteit",
    plan: "Plan",
    participants: "Deelnemers",
    consent: "Toestemming",
    stagnation: "Stagnatie",
    budget: "Frictiebudget",
    documents: "Documenten",
    meetings: "Overleggen",
    arbitration: "Bindende arbitrage",
    prosecutor: "Openbaar Ministerie",
    agenda: "Agenda doorbraakteam",
  },
  facts: {
    pupil: "Leerling",
    pupilId: "Leerlingnummer",
    school: "School",
    phase: "Fase",
    clock: "Klok",
    absenceStart: "Eerste verzuimdag",
    openedAt: "Geopend op",
    owner: "Casusverantwoordelijke",
    threeMonth: "Passend aanbod uiterlijk",
    opening: "Aanleiding",
    nextDeadline: "Volgende termijn",
  },
  loading: "De casus wordt geladen…",
  back: "Terug naar de casussen",
  noLongerVisible:
    "U neemt niet meer deel aan deze casus, dus het dossier is niet meer voor u zichtbaar. De school en leerplicht houden het dossier.",
  timeline: {
    date: "Datum",
    event: "Gebeurtenis",
    from: "Van",
    to: "Naar",
    by: "Door",
    reason: "Reden",
    system: "Automatisch (dagelijkse controle)",
    opened: "Casus geopend",
    absenceStart: "Eerste verzuimdag (begin van de klok)",
    signal: (name: string) => `Signaal: ${name}`,
    stagnation: (cause: string) => `Stagnatie gemeld: ${cause}`,
    stagnationResolved: (cause: string) => `Stagnatie opgelost: ${cause}`,
    meeting: (kind: string) => `Overleg: ${kind}`,
    consent: (purpose: string, decision: string) => `Toestemming ${purpose}: ${decision}`,
    ladder: (situation: string, mode: string) => `Ladder: ${situation}, ${mode}`,
    goal: (text: string) => `SMART-doel vastgesteld: ${text}`,
    closedWith: (outcome: string) => `Afgesloten: ${outcome}`,
    empty: "Nog geen besluiten vastgelegd.",
    breakthroughCheck: (expected: boolean) =>
      expected
        ? "Besluit week 8: passend aanbod verwacht binnen 4 weken"
        : "Besluit week 8: geen passend aanbod verwacht, doorbraakteam nodig",
  },
  deadlines: {
    deadline: "Termijn",
    due: "Uiterlijk",
    status: "Status",
    metOn: "Gehaald op",
    responsible: "Verantwoordelijk",
  },
  ladder: {
    situation: "Situatie",
    mode: "Werkwijze",
    date: "Sinds",
    reason: "Toelichting",
    empty: "Nog geen trede vastgelegd.",
  },
  plan: {
    goals: "Doelen",
    actions: "Acties",
    goalDomain: "Domein",
    goalText: "Doel",
    goalMeasure: "Meetbaar aan",
    goalTarget: "Streefdatum",
    noGoals: "Er zijn nog geen SMART-doelen.",
    action: "Actie",
    owner: "Eigenaar",
    organisation: "Organisatie",
    due: "Uiterlijk",
    status: "Status",
    overdue: "te laat",
    noActions: "Er zijn nog geen acties.",
    markDone: "Gedaan",
    markDoneFor: (action: string) => `Markeer "${action}" als gedaan`,
    addAction: "Actie toevoegen",
    description: "Wat moet er gebeuren?",
    ownerPerson: "Eigenaar (gebruiker)",
    ownerPersonHint: "De deelnemer die de actie uitvoert.",
    dueDate: "Uiterlijk op",
    descriptionRequired: "Beschrijf de actie.",
    ownerRequired: "Kies wie de actie uitvoert.",
    added: "De actie is toegevoegd aan het plan.",
  },
  participants: {
    person: "Deelnemer",
    role: "Rol",
    organisation: "Organisatie",
    since: "Sinds",
    until: "Tot",
    you: "(u)",
    owner: "casusverantwoordelijke",
  },
  consent: {
    purpose: "Doel",
    subject: "Partner",
    state: "Stand",
    authority: "Wie beslist",
    history: "Vastgelegde beslissingen",
    decision: "Beslissing",
    date: "Datum",
    giver: "Door",
    giverParent: "Ouder",
    giverChild: "Kind / jongere",
    record: "Toestemming vastleggen",
    purposeLabel: "Waarvoor",
    subjectLabel: "Partnerorganisatie",
    subjectHint: "Alleen bij (b): welke partner mag worden betrokken?",
    subjectRequired: "Noem de partnerorganisatie.",
    decisionLabel: "Beslissing",
    decisions: { given: "Gegeven", refused: "Geweigerd", withdrawn: "Ingetrokken" } as Record<
      string,
      string
    >,
    recorded: "De beslissing over toestemming is vastgelegd.",
  },
  stagnation: {
    cause: "Oorzaak",
    note: "Toelichting",
    flaggedAt: "Gemeld op",
    resolvedAt: "Opgelost op",
    open: "Nog niet opgelost",
    none: "Er is geen stagnatie gemeld.",
    flag: "Stagnatie melden",
    causeLabel: "Oorzaak van de stagnatie",
    causeRequired: "Kies de oorzaak.",
    noteLabel: "Toelichting",
    noteRequired: "Licht de stagnatie toe.",
    flagged: "De stagnatie is gemeld.",
  },
  budget: {
    kind: "Soort",
    amount: "Bedrag",
    purpose: "Doel of reden",
    date: "Datum",
    none: "Er zijn geen posten op het frictiebudget voor deze casus.",
  },
  documents: {
    name: "Document",
    size: "Grootte",
    visibility: "Zichtbaar voor",
    uploaded: "Toegevoegd op",
    none: "Er zijn geen documenten die u mag inzien.",
    download: (name: string) => `Download ${name}`,
  },
  meetings: {
    kind: "Overleg",
    date: "Datum",
    participants: "Deelnemers",
    decisions: "Besluiten",
    none: "Er zijn nog geen overleggen vastgelegd.",
  },
  events: {
    mentor_contact: "Contact mentor met leerling en ouders",
    professional_contact: "Contact door een professional",
    partner_conversation: "Gesprek door een partner",
    home_visit: "Huisbezoek",
    first_conversation: "Eerste gesprek",
    school_review: "Bespreking op school",
    director_review: "Bespreking met de casusregisseur",
    access_restored: "Toegang hersteld: toestemming opnieuw gegeven",
  } as Record<string, string>,
  arbitration: {
    startedAt: "Gestart op",
    parentsRepresentative: "Vertegenwoordiger ouders",
    ownPartnershipMember: "Lid eigen samenwerkingsverband",
    neighbouringPartnershipMember: "Lid naburig samenwerkingsverband",
    ruling: "Uitspraak",
    noRuling: "Nog geen uitspraak",
    parentsAccept: "Ouders aanvaarden de uitspraak",
  },
  prosecutor: {
    route: "Route",
    routes: {
      civil: "Civiel (via de Raad voor de Kinderbescherming)",
      criminal: "Strafrechtelijk",
    } as Record<string, string>,
    referredAt: "Doorverwezen op",
    reason: "Reden",
  },
  commands: {
    show: (label: string) => label,
    hideForm: "Formulier sluiten",
    noActionsYet:
      "De server geeft nog niet door welke handelingen u in deze casus mag doen; daarom staan hier nog geen knoppen.",
    addGoal: "SMART-doel toevoegen",
    goalDomain: "Domein",
    goalText: "Doel",
    goalMeasure: "Waaraan meet u het?",
    goalTarget: "Streefdatum",
    goalTextRequired: "Beschrijf het doel.",
    goalMeasureRequired: "Beschrijf hoe u het doel meet.",
    goalTargetRequired: "Vul een streefdatum in.",
    goalAdded: "Het doel is toegevoegd aan het plan.",
    dueRequired: "Vul een datum in.",
    giver: "Wie beslist",
    giverParent: "Een ouder / verzorger",
    giverChild: "Het kind / de jongere",
    whichParent: "Welke ouder / verzorger",
    knownParent: (n: number) => `Ouder ${n} (eerder vastgelegd)`,
    otherParent: "Een andere ouder / verzorger",
    parentName: "Naam of kenmerk van de ouder / verzorger",
    parentNameHint:
      "Zo herkent de casus later of dezelfde ouder opnieuw beslist of een andere ouder.",
    parentRequired: "Noem de ouder die beslist.",
    purposeRequired: "Kies waarvoor.",
    decisionRequired: "Kies de beslissing.",
    chooseOption: "Kies…",
    reasonHint: "Dit komt in de tijdlijn van de casus.",
    submit: "Vastleggen",
    intro:
      "Alleen de handelingen die uw rol in deze fase mag doen staan hier. De server controleert elke handeling opnieuw.",
    none: "In deze fase zijn er voor uw rol geen handelingen.",
    escalate: "Overdragen aan de casusregisseur",
    escalateHint: "De school verwacht dat het verzuim langer dan 4 weken duurt.",
    breakthrough: "Doorbraakteam bijeenroepen",
    meetingDate: "Datum overleg (optioneel)",
    arbitration: "Bindende arbitrage starten",
    parentsRepresentative: "Vertegenwoordiger namens de ouders",
    ownPartnershipMember: "Lid doorbraakteam van het eigen samenwerkingsverband",
    neighbouringPartnershipMember: "Lid van een naburig samenwerkingsverband",
    memberRequired: "Vul een naam in.",
    close: "Casus afsluiten",
    outcome: "Uitkomst",
    outcomeRequired: "Kies de uitkomst.",
    reason: "Reden",
    reasonRequired: "Geef een reden op.",
    done: {
      escalate: "De casus is overgedragen aan de casusregisseur.",
      breakthrough: "Het doorbraakteam is bijeengeroepen.",
      arbitration: "De bindende arbitrage is gestart.",
      close: "De casus is afgesloten.",
      stagnation: "De stagnatie is gemeld.",
      consent: "De beslissing over toestemming is vastgelegd.",
      actions: "De actie is toegevoegd aan het plan.",
      goals: "Het doel is toegevoegd aan het plan.",
    } as Record<string, string>,
  },
};

export const parentNl = {
  title: "Mijn kind",
  intro:
    "Hier ziet u wat er gebeurt rond het verzuim van uw kind: wie helpt, welke afspraken er zijn en waarvoor u toestemming geeft.",
  none: "Er loopt op dit moment geen casus rond uw kind.",
  childHeading: (name: string) => `Wat er gebeurt rond ${name}`,
  now: "Waar staan we nu?",
  weeksAbsent: (weeks: number) =>
    weeks === 1
      ? "Uw kind is 1 week niet (volledig) naar school geweest."
      : `Uw kind is ${weeks} weken niet (volledig) naar school geweest.`,
  promise: (date: string) =>
    `Wij hebben afgesproken dat uw kind uiterlijk ${date} weer onderwijs en/of zorg krijgt die past.`,
  plan: "Het plan",
  planEmpty: "Er staan nog geen afspraken in het plan.",
  whoDoesWhat: (what: string, organisation: string, date: string) =>
    `${organisation} zorgt ervoor dat: ${what} (uiterlijk ${date}).`,
  doneAction: (what: string) => `Gedaan: ${what}.`,
  deadlines: "Wat moet wanneer gebeuren?",
  deadlineLine: (what: string, date: string) => `${what}: uiterlijk ${date}.`,
  deadlineMet: (what: string, date: string) => `${what}: gebeurd op ${date}.`,
  consent: "Uw toestemming",
  consentIntro:
    "U beslist zelf waarvoor u toestemming geeft. U kunt een toestemming altijd weer intrekken; dat geldt meteen.",
  consentNow: (state: string) => `Nu: ${state}.`,
  give: "Toestemming geven",
  giveFor: (purpose: string) => `Toestemming geven voor ${purpose}`,
  refuse: "Weigeren",
  refuseFor: (purpose: string) => `Toestemming weigeren voor ${purpose}`,
  withdraw: "Toestemming intrekken",
  withdrawFor: (purpose: string) => `Toestemming intrekken voor ${purpose}`,
  recorded: "Uw keuze is vastgelegd.",
  /** After a decision: what was recorded, in one sentence after `recorded`. */
  recordedAs: {
    given: (purpose: string) => `U heeft toestemming gegeven voor ${purpose}.`,
    refused: (purpose: string) => `U heeft geen toestemming gegeven voor ${purpose}.`,
    withdrawn: (purpose: string) =>
      `U heeft uw toestemming voor ${purpose} ingetrokken. Dat geldt vanaf vandaag.`,
  },
  // domain.md §5 "Informed consent": parents decide, and the child from 12; from 16 the young
  // person decides alone (the same rule for every purpose, src/domain/cases/consent.ts).
  whoDecides: {
    parents: "Wie beslist: u als ouder. Uw kind is jonger dan 12 jaar.",
    parents_and_child:
      "Wie beslist: u én uw kind samen. Uw kind is 12 tot 16 jaar: de toestemming geldt alleen als u allebei ja zegt. Uw kind geeft zijn of haar keuze door aan de school of de casusregisseur.",
    child:
      "Wie beslist: uw kind zelf. Uw kind is 16 jaar of ouder; toestemming die u eerder gaf, telt niet meer.",
  } as Record<string, string>,
  /** What giving consent means, and for whom, per purpose (domain.md §5 and §2). */
  ifGiven: {
    share_authorized_absence_with_leerplicht: () =>
      "Als u toestemming geeft: de leerplichtambtenaar ziet ook het verzuim met een geldige reden, zoals ziekmeldingen. Verzuim zonder geldige reden ziet leerplicht altijd; dat staat in de wet.",
    involve_partner: (subject: string) =>
      `Als u toestemming geeft: de mensen van ${subject} doen mee in de casus en zien de gegevens die daarvoor nodig zijn.`,
    agree_with_plan: () =>
      "Als u toestemming geeft: u laat weten dat u achter het plan staat en doet wat is afgesproken.",
    binding_arbitration: () =>
      "Als u toestemming geeft: als niemand het eens wordt, kan een commissie een bindende uitspraak doen. U kiest iemand die namens u in de commissie zit.",
  } as Record<string, (subject: string) => string>,
  /** What withdrawing (or refusing) means, and for whom, per purpose. */
  ifWithdrawn: {
    share_authorized_absence_with_leerplicht: () =>
      "Als u intrekt: de leerplichtambtenaar ziet het verzuim met een geldige reden meteen niet meer.",
    involve_partner: (subject: string) =>
      `Als u intrekt: de mensen van ${subject} doen meteen niet meer mee en zien de casus en de gegevens van uw kind niet meer.`,
    agree_with_plan: () =>
      "Als u intrekt: de school en de casusregisseur zien dat u niet (meer) achter het plan staat en zoeken met u naar een andere afspraak.",
    binding_arbitration: () =>
      "Als u intrekt: er komt geen bindende arbitrage. Komt er geen oplossing, dan kan de casusregisseur de zaak voorleggen aan de Raad voor de Kinderbescherming of het Openbaar Ministerie.",
  } as Record<string, (subject: string) => string>,
  contactPerson: (who: string) => `Uw vaste contactpersoon is ${who}.`,
  overdue: "Te laat",
  deadlineOverdue: (what: string, date: string) =>
    `${what}: had uiterlijk ${date} moeten gebeuren.`,
  documents: "Documenten voor u",
};

export const pupilNl = {
  title: (name: string) => `Leerling ${name}`,
  details: "Gegevens",
  pupilId: "Leerlingnummer",
  birthDate: "Geboortedatum",
  municipality: "Woonplaats (gemeente)",
  enrolments: "Inschrijvingen",
  school: "School",
  start: "Vanaf",
  end: "Tot en met",
  grade: "Groep / leerjaar",
  current: "nu",
  calendar: "Verzuimkalender",
  calendarIntro:
    "Elke dag is een vakje; hoe donkerder, hoe meer van de lestijd uw leerling afwezig was. Dezelfde gegevens staan ook in de tabel.",
  calendarName: "Verzuim per dag",
  showTable: "Toon als tabel",
  showGrid: "Toon als kalender",
  date: "Datum",
  absent: "Afwezig",
  scheduled: "Lestijd",
  percentage: "Deel van de dag",
  reasons: "Redenen",
  legend: "Legenda",
  levels: ["Niet afwezig", "Tot een kwart", "Tot de helft", "Tot driekwart", "(Bijna) hele dag"],
  dayLabel: (date: string, pct: number) => `${date}: ${pct}% afwezig`,
  cases: "Casussen",
  notFound: "Deze leerling bestaat niet, of u heeft er geen toegang toe.",
};

export const monitorNl = {
  title: "Monitor",
  intro:
    'Geaggregeerde cijfers op een peildatum, zonder namen. Aantallen van 1 tot en met 4 kinderen worden niet getoond ("< 5").',
  asOf: "Peildatum",
  by: "Indelen naar",
  byOptions: {
    school: "School",
    municipality: "Gemeente (woonplaats)",
    partnership: "Samenwerkingsverband",
  } as Record<string, string>,
  show: "Toon cijfers",
  tableTitle: "Monitor",
  group: "Groep",
  measure: "Maatstaf",
  count: "Aantal",
  suppressed: "< 5",
  /** A euro sum or a percentage that rests on 1–4 children: not "< 5" (that reads as €5 or 5%). */
  suppressedFigure: "afgeschermd (1–4 kinderen)",
  /** A KPI without cases in the quarter: nothing to show, nothing suppressed. */
  noCases: "geen casussen",
  noGroup: "(zonder school)",
  signal: (name: string) => `Signaal: ${name}`,
  casesOpen: (phase: string) => `Open casussen in fase ${phase}`,
  casesWeeks: (bucket: string) => `Open casussen, verzuim ${bucket}`,
};

export const adminNl = {
  title: "Beheer",
  intro:
    "Het beheer van gebruikers, scholen en imports. Hieronder staat wat de server hiervoor nu aanbiedt.",
  sections: {
    gebruikers: "Gebruikers",
    scholen: "Scholen en kalenders",
    imports: "Imports",
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

export const auditNl = {
  title: "Logboek",
  intro:
    "Wie heeft wanneer welke persoonsgegevens bekeken of gewijzigd. Het raadplegen van het logboek wordt zelf ook vastgelegd.",
  pupil: "Leerlingnummer (optioneel)",
  show: "Toon logboek",
  tableTitle: "Logboek",
  at: "Tijdstip",
  user: "Gebruiker",
  role: "Rol",
  action: "Handeling",
  resource: "Gegeven",
  outcome: "Uitkomst",
  outcomes: { allowed: "Toegestaan", denied: "Geweigerd" } as Record<string, string>,
};
