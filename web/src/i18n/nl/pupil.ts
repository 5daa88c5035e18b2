// The pupil search and the pupil page with its absence calendar (features/pupil).
const MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const LONG_DATE = new Intl.DateTimeFormat("nl-NL", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

function duration(minutes: number): string {
  if (minutes < 60) return minutes === 1 ? "1 minuut" : `${minutes} minuten`;
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours.toLocaleString("nl-NL")} uur`;
}

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

/** The search for a pupil by name or number (also the picker of "open a case"). */
export const pupilSearchNl = {
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
};

/** The pupil page's tables and calendar (t.pupilPage). */
export const pupilPageNl = {
  notFoundTitle: "Leerling niet gevonden",
  enrolmentsTable: (name: string) => `Inschrijvingen van ${name}`,
  caseLink: (phase: string, opened: string) => `Casus geopend op ${opened} (fase: ${phase})`,
  noAttendanceAccess:
    "Met uw rol ziet u het verzuim van deze leerling niet. De gegevens van de leerling ziet u wel.",
  calendarIntro: (from: string, to: string) =>
    `Het verzuim per schooldag van ${from} tot en met ${to}. Hoe donkerder een vakje, hoe meer van de lestijd de leerling afwezig was; de letter zegt om welk verzuim het vooral ging. Dezelfde gegevens staan ook in de tabel.`,
  authorizedHidden:
    "Geoorloofd verzuim (zoals ziekte) wordt niet getoond: daarvoor is toestemming (a) van de ouders nodig. Ongeoorloofd verzuim en te laat komen ziet u wel.",
  totalSchoolDays: "Schooldagen tot nu toe",
  totalDaysWithAbsence: "Dagen met verzuim",
  totalAbsent: "Afwezig in totaal",
  totalShare: (time: string, pct: number) =>
    `${time} (${pct.toLocaleString("nl-NL")}% van de lestijd)`,
  lateTimes: (n: number) => (n === 1 ? "1 keer" : `${n} keer`),
  hidden: "niet zichtbaar",
  duration,
  gridCaption:
    "Verzuimkalender van het schooljaar: weken van links naar rechts, dagen van boven naar beneden",
  keyboardHelp:
    "Gebruik de pijltjestoetsen om van dag naar dag te gaan (links en rechts: een week, boven en onder: een dag); Home en End gaan naar de eerste en laatste week.",
  weekdayColumn: "Dag van de week",
  weekdayShort: ["ma", "di", "wo", "do", "vr"],
  weekdayLong: ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"],
  monthShort: (month: number) => MONTHS[month - 1] ?? "",
  weekOf: (date: string) => `week van ${date}`,
  longDate: (iso: string) => LONG_DATE.format(new Date(`${iso}T00:00:00Z`)),
  noSchoolDay: (date: string) => `${date}: geen schooldag of geen gegevens`,
  notAbsent: (date: string) => `${date}: niet afwezig`,
  absentDay: (date: string, pct: number, parts: string) =>
    `${date}: ${pct}% van de lestijd afwezig${parts ? ` (${parts})` : ""}`,
  partSick: (time: string) => `ziek ${time}`,
  partAuthorized: (time: string) => `overig geoorloofd ${time}`,
  partUnauthorized: (time: string) => `ongeoorloofd ${time}`,
  partLate: (count: number, time: string) =>
    `${count === 1 ? "1 keer" : `${count} keer`} te laat (${time})`,
  kindLetters: { sick: "Z", authorized: "G", unauthorized: "O", late: "L" } as Record<
    "sick" | "authorized" | "unauthorized" | "late",
    string
  >,
  kindNames: {
    sick: "Ziek",
    authorized: "Overig geoorloofd (bijv. medisch, verlof)",
    unauthorized: "Ongeoorloofd",
    late: "Te laat",
  } as Record<"sick" | "authorized" | "unauthorized" | "late", string>,
  legendNoSchoolDay: "Geen schooldag (weekend, vakantie, niet ingeschreven) of nog geen gegevens",
  tableTitle: (name: string) => `Dagen met verzuim van ${name}`,
  noAbsence: "Er is dit schooljaar geen verzuim geregistreerd.",
  colScheduled: "Lestijd (minuten)",
  colPercentage: "Afwezig (% van de dag)",
  colSick: "Ziek (minuten)",
  colAuthorized: "Overig geoorloofd (minuten)",
  colUnauthorized: "Ongeoorloofd (minuten)",
  colLate: "Te laat (minuten)",
};
