// The parent's view of their child's case (features/parent).
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
  contact: (organisation: string) => `Uw vaste contactpersoon werkt bij: ${organisation}.`,
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
  confirmWithdraw: (purpose: string) =>
    `Weet u zeker dat u uw toestemming voor "${purpose}" intrekt? Dit geldt meteen.`,
  recorded: "Uw keuze is vastgelegd.",
  documents: "Documenten voor u",
};

/** The plan, meetings and consent in the parent's words (t.more.parent). */
export const parentPageNl = {
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
    involve_partner: "Deze organisatie mag meedenken en meewerken aan een oplossing voor uw kind.",
    agree_with_plan:
      "U bent betrokken bij het plan, kunt zich vinden in de oplossing en doet wat is afgesproken.",
    binding_arbitration:
      "Als niemand het eens wordt, beslist een commissie. U kiest zelf iemand die namens u in die commissie zit. De uitspraak geldt voor iedereen.",
  } as Record<string, string>,
  childDecides:
    "Uw kind is 16 jaar of ouder en beslist hier zelf over. Vraag de school of de casusregisseur als u vragen heeft.",
  confirmWithdraw: "Ja, trek mijn toestemming in",
};
