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
    suppressedLineNote:
      "Waar een lijn onderbroken is, gaat het om 1 tot en met 4 kinderen (“< 5”); het precieze aantal staat niet in de grafiek en niet in de tabel.",
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
    runningQuarter: (quarter: string, date: string) => `${quarter} (t/m ${date})`,
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
      "Vergelijk de eigen thuiszitterslijst van een samenwerkingsverband, school of gemeente met het register: wie staat op de ene lijst en niet op de andere, en waarom.",
    file: "Thuiszitterslijst (CSV)",
    fileHelp:
      "Een CSV-bestand met een kolom pupil_id (of leerlingnummer), gescheiden door ; of ,. Alleen de leerlingnummers worden verstuurd; andere kolommen blijven op uw computer.",
    fileRequired: "Kies een CSV-bestand.",
    fileNoIds: "In dit bestand staat geen kolom pupil_id of leerlingnummer.",
    scope: "Lijst van",
    scopeRegion: "De hele regio",
    scopeKinds: {
      school: (id: string) => `School ${id}`,
      partnership: (id: string) => `Samenwerkingsverband ${id}`,
      municipality: (id: string) => `Gemeente ${id}`,
    } as Record<string, (id: string) => string>,
    asOf: "Peildatum",
    submit: "Vergelijk",
    submitting: "Bezig met vergelijken…",
    resultTitle: "Uitkomst van de vergelijking",
    onlyInList: "Alleen op de eigen lijst",
    onlyInRegister: "Alleen in het register",
    summary: (listSize: number, list: number, register: number, both: string) =>
      `${listSize === 1 ? "1 leerling" : `${listSize} leerlingen`} op de lijst: ${both} op beide lijsten, ${list} alleen op de eigen lijst, ${register} alleen in het register.`,
    notShown: (list: string, register: string) =>
      `Niet vergeleken: ${list} nummers op de eigen lijst die het register niet kent of die u niet mag inzien. Alleen geteld: ${register} thuiszitters in het register die u niet mag inzien.`,
    pupil: "Leerling",
    reason: "Reden",
    detail: "Toelichting",
    caseState: "Casus",
    caseStates: { open: "Open", closed: "Afgesloten" } as Record<string, string>,
    reasons: {
      unknown_person: "Onbekend in het register",
      exemption: "Heeft een vrijstelling",
      not_enrolled: "Niet ingeschreven op een school",
      outside_scope: "Valt buiten het gebied van deze lijst",
      case_closed: "De casus is afgesloten",
      signal_not_holding: "Het verzuimsignaal geldt niet meer op de peildatum",
      no_absence_signal: "Geen verzuimsignaal in het register",
      thuiszitter_inspectie: "Thuiszitter volgens de Inspectie (langdurig ongeoorloofd verzuim)",
      thuiszitter_breed: "Thuiszitter volgens de brede definitie (langdurig verzuim)",
      absolute_absence: "Absoluut verzuim (bij geen school ingeschreven)",
      exemption_5a: "Vrijstelling artikel 5 onder a",
    } as Record<string, string>,
    legal: "ongeoorloofd",
  },
  cohort: {
    title: "Oud-thuiszitters",
    intro:
      "Hoe het kinderen vergaat na het afsluiten van hun casus: weer naar school, aanwezigheid, schoolwisselingen, nieuwe signalen en vertrek met of zonder startkwalificatie. Per kwartaal waarin de casus is afgesloten.",
    show: "Toon cohorten",
    cohort: "Afgesloten in",
    tableTitle: "Oud-thuiszitters per cohort",
    empty: "Er zijn nog geen afgesloten casussen om te volgen.",
    measures: {
      former_thuiszitters: "Oud-thuiszitters",
      reentered: "Weer naar school",
      enrolled_now: "Nu ingeschreven",
      attendance_90: "Sindsdien ten minste 90% aanwezig",
      changed_school: "Van school gewisseld",
      new_signal: "Nieuw verzuimsignaal",
      long_term_absent_again: "Opnieuw langdurig afwezig",
      new_case: "Nieuwe casus",
      left_education: "Onderwijs verlaten",
      left_with_start_qualification: "Verlaten met startkwalificatie",
      left_start_qualification_unknown: "Verlaten, startkwalificatie onbekend",
    } as Record<string, string>,
    outcome: (name: string) => `Uitkomst: ${name}`,
    noStartQualifications:
      "Het register legt geen startkwalificaties vast; wie het onderwijs verliet, staat daarom bij ‘startkwalificatie onbekend’.",
    pupilsTitle: "Leerlingen in de cohorten",
    pupilsNotShown: "Met uw rol ziet u alleen de totalen, niet de leerlingen zelf.",
    columns: {
      case: "Casus",
      pupil: "Leerling",
      closedAt: "Afgesloten op",
      outcome: "Uitkomst",
      reentered: "Weer naar school",
      schoolChanges: "Schoolwisselingen",
      attendance: "Aanwezig sinds afsluiten",
      signals: "Signalen nu",
      newCase: "Nieuwe casus",
      left: "Onderwijs verlaten",
      startQualification: "Startkwalificatie",
    },
    startQualification: { obtained: "Behaald", unknown: "Onbekend" } as Record<string, string>,
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
