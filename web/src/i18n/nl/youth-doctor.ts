// M@ZL: the school's referral to the youth doctor (aanmelding), the feedback (terugkoppeling) and
// the youth doctor's medical notes — on the pupil page and on the youth doctor's worklist.
export const youthDoctorNl = {
  loadCapacities: {
    full: "Volledig belastbaar",
    limited: "Beperkt belastbaar",
    none_for_now: "Tijdelijk niet belastbaar",
  },
  statuses: { open: "Wacht op jeugdarts", answered: "Teruggekoppeld" },
  section: {
    title: "Jeugdarts (M@ZL)",
    intro:
      "Meld een leerling met opvallend ziekteverzuim aan bij de jeugdarts, met de vraag van de school. De jeugdarts koppelt terug wat de leerling op school aankan; medische gegevens blijven bij de jeugdarts.",
    table: (name: string) => `Aanmeldingen bij de jeugdarts voor ${name}`,
    empty: "Deze leerling is nog niet aangemeld bij de jeugdarts.",
    refer: "Aanmelden bij de jeugdarts",
    done: "De leerling is aangemeld bij de jeugdarts.",
  },
  observations: {
    title: "Opvallend ziekteverzuim",
    intro:
      "Legt u als mentor of zorgcoördinator vast dat het ziekteverzuim van deze leerling opvalt (bijvoorbeeld: wordt vaak ziek naar huis gestuurd), dan krijgt de leerling het signaal 'opvallend ziekteverzuim'. Beschrijf wat de school ziet, zonder medische gegevens.",
    table: (name: string) => `Observaties opvallend ziekteverzuim voor ${name}`,
    empty: "Er is geen opvallend ziekteverzuim vastgelegd.",
    record: "Opvallend ziekteverzuim vastleggen",
    done: "De observatie is vastgelegd; het signaal 'opvallend ziekteverzuim' staat bij de signalen.",
    recordedOn: "Datum observatie",
    recordedOnRequired: "Vul de datum van de observatie in.",
    recordedOnFuture: "De datum ligt na vandaag; kies vandaag of een eerdere dag.",
    endDate: "Geldt tot en met (optioneel)",
    endDateBefore: "De einddatum ligt vóór de datum van de observatie; kies een latere datum.",
    note: "Wat valt op? (kort, geen medische gegevens)",
    noteDescription:
      "Hoogstens 300 tekens. Bijvoorbeeld: hoe vaak, op welke dagen, wat is afgesproken.",
    noteRequired: "Beschrijf kort wat de school is opgevallen.",
    noteTooLong: "De toelichting is te lang: hoogstens 300 tekens.",
    ongoing: "loopt nog",
  },
  columns: {
    pupil: "Leerling",
    school: "School",
    referredOn: "Aangemeld op",
    question: "Vraag van de school",
    status: "Status",
    feedback: "Terugkoppeling",
  },
  feedbackText: (capacity: string, advice: string, date: string) =>
    `${capacity} (${date}): ${advice}`,
  fields: {
    question: "Vraag van de school aan de jeugdarts",
    questionRequired: "Vul de vraag van de school in.",
    consentOn: "Toestemming ouders (en leerling vanaf 12 jaar) gegeven op",
    consentDescription:
      "De jeugdarts wordt alleen betrokken met toestemming; vanaf 16 jaar beslist de jongere zelf.",
    consentRequired: "Vul de datum van de toestemming in.",
    referredOn: "Datum aanmelding",
    referredOnRequired: "Vul de datum van de aanmelding in.",
    loadCapacity: "Belastbaarheid",
    loadCapacityRequired: "Kies de belastbaarheid.",
    advice: "Advies aan de school (geen medische gegevens)",
    adviceRequired: "Vul het advies aan de school in.",
    givenOn: "Datum terugkoppeling",
    givenOnRequired: "Vul de datum van de terugkoppeling in.",
    note: "Medische notitie",
    noteRequired: "Vul de notitie in.",
    writtenOn: "Datum",
    writtenOnRequired: "Vul de datum in.",
  },
  worklist: {
    title: "Aanmeldingen jeugdarts",
    intro:
      "Leerlingen die de school bij u heeft aangemeld vanwege ziekteverzuim (M@ZL). Geef de school een terugkoppeling over de belastbaarheid; uw medische notities ziet alleen u.",
    open: "Open aanmeldingen",
    answered: "Teruggekoppeld",
    emptyOpen: "Er zijn geen open aanmeldingen.",
    emptyAnswered: "Er zijn nog geen teruggekoppelde aanmeldingen.",
    referral: (name: string, date: string) => `${name}, aangemeld op ${date}`,
    feedback: "Terugkoppeling geven",
    feedbackDone: "De terugkoppeling staat bij de school.",
    notes: "Medische notities (alleen jeugdarts)",
    notesEmpty: "Nog geen medische notities.",
    writeNote: "Notitie schrijven",
    noteDone: "De notitie is opgeslagen.",
  },
};

// The reference index (Verwijsindex risicojongeren) in the case file, for the case director.
export const verwijsindexNl = {
  title: "Verwijsindex risicojongeren",
  intro:
    "Leg vast dat de leerling is gemeld bij de regionale Verwijsindex. Aanwezig verstuurt niets: download de gegevens die de Verwijsindex vraagt als CSV.",
  table: (name: string) => `Meldingen bij de Verwijsindex voor ${name}`,
  empty: "Er is nog geen melding bij de Verwijsindex vastgelegd.",
  reportedOn: "Gemeld op",
  reportedOnRequired: "Vul de datum van de melding in.",
  reportedBy: "Gemeld door",
  reportedByDescription: "Naam en functie van de melder, zoals de Verwijsindex die kent.",
  reportedByRequired: "Vul in wie de melding deed.",
  organisation: "Organisatie",
  organisationRequired: "Vul de organisatie van de melder in.",
  record: "Melding vastleggen",
  done: "De melding bij de Verwijsindex is vastgelegd.",
  csv: "Gegevens voor de Verwijsindex downloaden (CSV)",
};
