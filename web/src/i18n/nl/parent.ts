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

/** The plan, meetings and consent in the parent's words (t.parentPage). */
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
