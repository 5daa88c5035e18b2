// The signals list and why a signal went off (features/signals).
export const signalsNl = {
  signals: {
    title: "Signalen",
    intro: "Verzuimsignalen op de gekozen datum, met de cijfers en data waarom ze afgingen.",
    asOf: "Peildatum",
    code: "Soort signaal",
    allCodes: "Alle signalen",
    show: "Toon signalen",
    tableTitle: "Signalen",
    pupil: "Leerling",
    school: "School",
    signal: "Signaal",
    why: "Waarom",
    raisedOn: "Eerste keer op",
    state: "Status",
    action: "Actie",
    openCase: "Casus openen",
    openCaseFor: (pupil: string) => `Casus openen voor ${pupil}`,
    newState: "Nieuw",
    markKnown: "Markeer als bekend",
    markKnownFor: (pupil: string, signal: string) =>
      `Markeer het signaal "${signal}" van ${pupil} als bekend`,
    knownReason: "Waarom is dit bekend of verklaard?",
    knownReasonRequired: "Geef aan waarom het signaal bekend of verklaard is.",
    knownSubmit: "Markeer als bekend",
    knownDone: "Gemarkeerd als bekend.",
    inCase: "In een casus",
    viewCase: "Bekijk casus",
    filter: "Filter",
    noneAtDate: "Er zijn op deze datum geen signalen die u mag zien.",
    person: "Persoon",
    legal: "Inspectiedefinitie (overwegend ongeoorloofd)",
    broad: "Brede definitie",
    states: { raised: "Nieuw", open: "Open", handled: "Behandeld", resolved: "Opgelost" } as Record<
      string,
      string
    >,
  },
  /** Why a signal fired, in one plain Dutch sentence built from its evidence (domain.md §4). */
  explain: {
    LEGAL_16H: (hours: string, from: string, to: string) =>
      `${hours} ongeoorloofd afwezig tussen ${from} en ${to}. Vanaf 16 uur in 4 lesweken moet de school dit bij DUO melden.`,
    PREVENTIVE_10H: (hours: string, from: string, to: string) =>
      `${hours} ongeoorloofd afwezig tussen ${from} en ${to}. Vanaf 10 uur in 4 lesweken is een vroegtijdige melding gewenst.`,
    SICK_FREQUENT: (episodes: number, from: string) =>
      `${episodes} keer kort ziek gemeld sinds ${from}.`,
    SICK_LONG: (days: number, from: string, ongoing: boolean) =>
      ongoing
        ? `Al ${days} schooldagen achter elkaar ziek, sinds ${from}.`
        : `${days} schooldagen achter elkaar ziek geweest, vanaf ${from}.`,
    SICK_SPREAD: (days: number, episodes: number, from: string) =>
      `${days} ziektedagen in ${episodes} periodes sinds ${from}.`,
    SICK_NOTABLE: "Een professional heeft opvallend ziekteverzuim vastgelegd.",
    LATE_REPEATED: (times: number, from: string) => `${times} keer te laat gekomen sinds ${from}.`,
    UNDER_50: (pct: string, from: string, to: string) =>
      `${pct} van de lestijd afwezig tussen ${from} en ${to}, elke week meer dan de helft.`,
    LONG_TERM_ABSENT: (from: string, to: string) =>
      `Tussen ${from} en ${to} vier weken lang geen enkele les aanwezig geweest.`,
    PERSISTENT_10: (pct: string, from: string) =>
      `${pct} van de lestijd afwezig sinds ${from} (aanhoudend verzuim vanaf 10%).`,
    EARLY_YEARS_20: (pct: string, age: number) =>
      `${pct} van de lestijd afwezig dit schooljaar, op ${age}-jarige leeftijd (vanaf 20%).`,
    ABSOLUTE: (age: number, since: string) =>
      `Leerplichtig kind van ${age} jaar, ingeschreven in de gemeente sinds ${since}, zonder inschrijving op een school en zonder vrijstelling.`,
    EXEMPTION_5A_NO_ADVICE: (since: string) =>
      `Vrijstelling artikel 5 onder a sinds ${since} zonder advies van het samenwerkingsverband en een onafhankelijk arts.`,
    fallback: "Zie de cijfers hieronder.",
  },
};
