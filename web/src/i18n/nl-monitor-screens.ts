// Dutch texts of the monitor's screens (features/monitor): the dashboard at a date, trends over
// quarters, the KPIs, the quarterly report, reconciliation and the former thuiszitters.
export const monitorScreensNl = {
  subNav: "Onderdelen van de monitor",
  pages: {
    dashboard: "Peildatum",
    trends: "Trends per kwartaal",
    kpis: "Kritieke prestatie-indicatoren",
    report: "Kwartaalrapport",
    reconciliation: "Lijsten vergelijken",
    cohort: "Oud-thuiszitters",
    telling: "Leerplichttelling",
  },
  notAvailable: (what: string) =>
    `${what}: nog niet beschikbaar. De server biedt deze gegevens nog niet aan; dit scherm werkt vanzelf zodra dat wel zo is.`,
  privacyNote:
    "Alleen totalen, zonder namen of leerlingnummers. Aantallen van 1 tot en met 4 kinderen worden getoond als “< 5”.",
  dashboard: {
    title: "Monitor",
    intro: (date: string, by: string) => `Cijfers op ${date}, ingedeeld naar ${by.toLowerCase()}.`,
    empty: "Op deze peildatum zijn er geen cijfers voor deze indeling.",
    dateRequired: "Vul een peildatum in.",
  },
  sections: {
    signals: {
      title: "Signalen per code",
      body: "Leerlingen met een verzuimsignaal dat op de peildatum geldt.",
    },
    thuiszitters: {
      title: "Thuiszitters: definitie van de Inspectie en brede definitie",
      body: "De Inspectie telt alleen langdurig ongeoorloofd verzuim; de brede definitie telt ook geoorloofd langdurig verzuim, absoluut verzuim en vrijstellingen op grond van artikel 5 onder a.",
    },
    casesPhase: {
      title: "Open casussen per fase",
      body: "Casussen die op de peildatum open zijn, naar de fase waarin ze zich bevinden.",
    },
    casesDuration: {
      title: "Open casussen per verzuimduur",
      body: "Hoe lang het verzuim op de peildatum duurt, gerekend vanaf de eerste verzuimdag.",
    },
    absolute: {
      title: "Absoluut verzuim",
      body: "Leerplichtige kinderen die bij geen enkele school staan ingeschreven.",
    },
    exemptions: {
      title: "Vrijstellingen per soort",
      body: "Vrijstellingen die op de peildatum gelden.",
    },
    stagnation: {
      title: "Stagnatie",
      body: "Open casussen met een gemelde stagnatie, naar oorzaak en naar wachtlijst per aanbieder.",
    },
    outcomes: {
      title: "Geopende en afgesloten casussen",
      body: "In het schooljaar tot en met de peildatum: geopende casussen, afgesloten casussen per uitkomst en of de 3-maandengarantie is gehaald.",
    },
    budget: {
      title: "Besteed frictiebudget",
      body: "Toegezegde bedragen uit het gedeelde budget in het schooljaar tot en met de peildatum (in euro's). Een bedrag van minder dan 5 kinderen wordt niet getoond.",
    },
    other: {
      title: "Overige cijfers",
      body: "Cijfers die de server aanbiedt en die nog geen eigen onderdeel hebben.",
    },
  } as Record<string, { title: string; body: string }>,
  measures: {
    named: {
      cases_open: "Alle open casussen",
      cases_opened: "Geopend",
      cases_open_no_offer_gt3m: "Langer dan 3 maanden zonder passend aanbod",
      "cases_closed_guarantee:held": "Afgesloten, 3-maandengarantie gehaald",
      "cases_closed_guarantee:broken": "Afgesloten, 3-maandengarantie niet gehaald",
      budget_spent_eur: "Besteed (euro)",
    } as Record<string, string>,
    exemptionKinds: {
      "5a": "Art. 5 onder a (lichamelijk of psychisch)",
      "5b": "Art. 5 onder b (richting van het onderwijs)",
      "5c": "Art. 5 onder c (school in het buitenland)",
      "15": "Art. 15 (ander onderwijs)",
      "3a": "Art. 3a (kwalificatieplicht)",
      "11": "Art. 11 (verlof)",
    } as Record<string, string>,
    exemptionOther: (code: string) => `Vrijstelling ${code}`,
    waitingListAt: (provider: string) => `Wachtlijst bij aanbieder ${provider}`,
  },
  figure: {
    showTable: "Toon als tabel",
    showChart: "Toon als grafiek",
    viewLabel: (title: string) => `Weergave van ${title}`,
    measureInChart: "Maatstaf in de grafiek",
    chartDescription: (title: string, groups: number) =>
      `Staafdiagram: ${title}, ${groups === 1 ? "1 groep" : `${groups} groepen`}. De getallen staan in de tabel bij deze grafiek.`,
    lineDescription: (title: string) =>
      `Lijndiagram: ${title} per kwartaal. De getallen staan in de tabel bij deze grafiek.`,
    suppressedNote:
      "Een staaf met “< 5” staat voor 1 tot en met 4 kinderen; het precieze aantal wordt niet getoond.",
    chartLoading: "De grafiek wordt geladen…",
  },
  trends: {
    title: "Trends per kwartaal",
    intro:
      "Het verloop per kwartaal: elk kwartaal geteld op de laatste dag ervan, of op vandaag als het kwartaal nog loopt.",
    from: "Vanaf kwartaal",
    to: "Tot en met kwartaal",
    measure: "Maatstaf",
    show: "Toon trend",
    quarter: "Kwartaal",
    tableTitle: (measure: string) => `${measure} per kwartaal`,
    empty: "Voor deze keuze zijn er geen cijfers.",
    linesNote: (shown: number) =>
      `De grafiek toont de ${shown} grootste groepen van het laatste kwartaal; de tabel toont alle groepen.`,
    quarterInvalid: "Vul een kwartaal in als jjjj-Kn, bijvoorbeeld 2026-K1.",
  },
  kpis: {
    title: "Kritieke prestatie-indicatoren",
    intro:
      "De termijnen van de sluitende aanpak per kwartaal: welk deel van de casussen de norm haalde, naast het streefpercentage.",
    quarter: "Kwartaal",
    show: "Toon indicatoren",
    tableTitle: (quarter: string) => `Prestatie-indicatoren ${quarter}`,
    chartTitle: "Streefwaarde en realisatie",
    indicator: "Indicator",
    target: "Streefwaarde",
    actual: "Realisatie",
    met: "Norm gehaald",
    total: "Aantal casussen",
    reached: "Streefwaarde gehaald",
    targetSeries: "Streefwaarde (%)",
    actualSeries: "Realisatie (%)",
    cases: (n: number) => (n === 1 ? "1 casus" : `${n} casussen`),
    caseLink: (id: string) => `Casus ${id}`,
    casesTitle: "Casussen achter de indicatoren",
    evaluatedAt: (date: string) => `Beoordeeld op ${date}.`,
    pending: "Nog niet verlopen",
    caseColumn: "Casus",
    school: "School",
    due: "Uiterste datum",
    status: "Stand",
    metOn: "Gehaald op",
    statuses: { met: "Gehaald", missed: "Niet gehaald", pending: "Loopt nog" } as Record<
      string,
      string
    >,
    casesNotShown: "Met uw rol ziet u alleen de totalen, niet de casussen zelf.",
    names: {
      first_professional_contact: "Eerste contact door een professional binnen 1 week",
      first_contact: "Eerste contact door een professional binnen 1 week",
      smart_goals: "SMART-doelen binnen 1 maand",
      goals: "SMART-doelen binnen 1 maand",
      first_conversation: "Eerste gesprek binnen 14 dagen",
      three_month_guarantee: "Geen kind langer dan 3 maanden zonder passend aanbod",
      no_child_over_3_months: "Geen kind langer dan 3 maanden zonder passend aanbod",
    } as Record<string, string>,
    empty: "In dit kwartaal zijn er geen casussen voor deze indicatoren.",
  },
  report: {
    title: "Kwartaalrapport",
    intro:
      "Een afdrukbaar overzicht van een kwartaal: de indicatoren, de cijfers op de laatste dag van het kwartaal en de trend. Kies ‘Afdrukken’ en dan ‘Opslaan als pdf’ voor een pdf.",
    quarter: "Kwartaal",
    show: "Toon rapport",
    print: "Afdrukken",
    heading: (quarter: string, by: string) => `Kwartaalrapport ${quarter}, per ${by.toLowerCase()}`,
    madeOn: (date: string) => `Opgesteld op ${date}.`,
    figuresAt: (date: string) => `Cijfers op ${date}`,
  },
  reconciliation: {
    title: "Lijsten vergelijken",
    intro:
      "Vergelijk de eigen thuiszitterslijst van een samenwerkingsverband of school met het register: wie staat op de ene lijst en niet op de andere, en waarom.",
    file: "Thuiszitterslijst (CSV)",
    fileHelp:
      "Een CSV-bestand met een kolom pupil_id (leerlingnummer), gescheiden door ; of ,. Andere kolommen worden genegeerd.",
    fileRequired: "Kies een CSV-bestand.",
    fileNoIds: "In dit bestand staat geen kolom pupil_id met leerlingnummers.",
    asOf: "Peildatum",
    submit: "Vergelijk",
    submitting: "Bezig met vergelijken…",
    onlyInList: "Alleen op de eigen lijst",
    onlyInRegister: "Alleen in het register",
    inBoth: "Op beide lijsten",
    summary: (list: number, register: number, both: number) =>
      `${list} alleen op de eigen lijst, ${register} alleen in het register, ${both} op beide.`,
    pupil: "Leerling",
    reason: "Reden",
    unknownReason: "Onbekend",
    resultTitle: "Uitkomst van de vergelijking",
    reasons: {} as Record<string, string>,
    sent: (n: number) =>
      n === 1
        ? "1 leerlingnummer gevonden in het bestand."
        : `${n} leerlingnummers gevonden in het bestand.`,
  },
  cohort: {
    title: "Oud-thuiszitters",
    intro:
      "Hoe het kinderen vergaat na het afsluiten van hun casus: weer naar school, aanwezigheid, schoolwisselingen, nieuwe signalen en vertrek met of zonder startkwalificatie. Per kwartaal waarin de casus is afgesloten.",
    show: "Toon cohorten",
    cohort: "Afgesloten in",
    tableTitle: "Oud-thuiszitters per cohort",
    empty: "Er zijn nog geen afgesloten casussen om te volgen.",
    measures: {} as Record<string, string>,
  },
  columns: {
    group: "Groep",
  },
  telling: {
    title: "Leerplichttelling en jaarverslag",
    intro:
      "De jaarlijkse telling van artikel 25 van de Leerplichtwet en de cijfers voor het gemeentelijke jaarverslag (in te dienen vóór 1 oktober), per woongemeente en voor de hele regio, uit het register.",
    schoolYear: "Schooljaar",
    schoolYearOption: (start: number) => `${start}-${start + 1}`,
    show: "Toon telling",
    referenceDate: (date: string) =>
      `Standen op ${date}; aantallen in de loop van het schooljaar tot en met die datum.`,
    tableTitle: (year: string) => `Leerplichttelling ${year}`,
    category: "Onderdeel",
    region: "Hele regio",
    notesTitle: "Wat het register niet kan tellen",
    notes: {
      halt_verwijzingen:
        "Halt-verwijzingen worden niet in Aanwezig vastgelegd; neem ze over uit de cijfers van Halt.",
      startkwalificatie:
        "Een startkwalificatie is alleen bekend als het register die vastlegt; voortijdig schoolverlaters zonder vastgelegde startkwalificatie tellen als vertrokken zonder.",
    } as Record<string, string>,
    categories: {
      leerplichtig_of_kwalificatieplichtig: "Leerplichtigen en kwalificatieplichtigen",
      voortijdig_schoolverlaters_zonder_startkwalificatie:
        "Voortijdig schoolverlaters zonder startkwalificatie",
      relatief_verzuim_meldingen: "Meldingen relatief verzuim",
      relatief_verzuim_personen: "Leerlingen met een melding relatief verzuim",
      absoluut_verzuim: "Absoluut verzuim",
      langdurig_relatief_verzuim: "Langdurig relatief verzuim (thuiszitters, Inspectie)",
      thuiszitters_breed: "Thuiszitters (brede definitie)",
      processen_verbaal: "Processen-verbaal",
      raad_voor_de_kinderbescherming: "Meldingen bij de Raad voor de Kinderbescherming",
      casussen_geopend: "Geopende casussen",
      casussen_gesloten: "Afgesloten casussen",
      garantie_3_maanden_gehouden: "Afgesloten, 3-maandengarantie gehaald",
      garantie_3_maanden_niet_gehouden: "Afgesloten, 3-maandengarantie niet gehaald",
    } as Record<string, string>,
    reportTypes: {
      "16_uur": "16 uur ongeoorloofd verzuim",
      langdurig_relatief: "langdurig relatief verzuim",
      luxe: "luxeverzuim",
      "18plus": "18-plussers",
      overig: "overig verzuim",
    } as Record<string, string>,
    reportsOfType: (type: string) => `Meldingen relatief verzuim: ${type}`,
    exemptionsOfKind: (kind: string) => `Vrijstellingen: ${kind}`,
    newExemptionsOfKind: (kind: string) => `Nieuwe vrijstellingen: ${kind}`,
    closedWith: (outcome: string) => `Afgesloten met uitkomst: ${outcome}`,
  },
};
