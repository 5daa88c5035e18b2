// Dutch texts of the worklists' filters, counts and pager, and of the table pager (issue 11
// deliverable 5). nl.ts joins them as `t.work`.
export const worklistControlsNl = {
  /** A section heading with its count: "Verzuimmeldingen bij DUO (12, waarvan 3 te laat)". */
  heading: (title: string, n: number, late?: number) =>
    late ? `${title} (${n}, waarvan ${late} te laat)` : `${title} (${n})`,
  /** The count when a filter hides rows: "(4 van 17)". */
  headingFiltered: (title: string, shown: number, total: number, late?: number) =>
    late
      ? `${title} (${shown} van ${total}, waarvan ${late} te laat)`
      : `${title} (${shown} van ${total})`,
  filters: {
    legend: "Werklijst filteren",
    show: "Toon",
    showAll: "Alles",
    showOverdue: "Alleen wat te laat is",
    showNew: "Alleen nieuwe signalen (nog niet behandeld)",
    kind: "Soort signaal of melding",
    allKinds: "Alle soorten",
    signalKinds: "Signalen",
    duoKinds: "Verzuimmeldingen",
    municipality: "Gemeente",
    allMunicipalities: "Al mijn gemeenten",
    reset: "Filters wissen",
    summary: (parts: string[]) =>
      parts.length === 0
        ? "Geen filter: alle lijsten op deze pagina tonen alles."
        : `Alle lijsten op deze pagina gefilterd op: ${parts.join(", ")}. De aantallen staan in de koppen.`,
  },
  pager: {
    label: (title: string) => `Pagina's van ${title}`,
    previous: "Vorige",
    next: "Volgende",
    page: (n: number) => `Pagina ${n}`,
    range: (from: number, to: number, total: number) => `Rij ${from}–${to} van ${total}`,
  },
  actions: {
    viewPupil: "Leerling bekijken",
    viewPupilOf: (pupil: string) => `Leerling bekijken: ${pupil}`,
    noSchoolForCase: "Geen school dit schooljaar: eerst inschrijven, dan een casus.",
  },
  caseOverdue: "Termijn te laat",
  /** A quarter in the monitor's quarter list that has not ended yet. */
  runningQuarter: (quarter: string) => `${quarter} (loopt nog)`,
};
