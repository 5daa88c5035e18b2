// Issue 16 item 1: the named fields a letter template may use. A closed list: a template naming
// any other field is refused (template.ts), so a template can never reach data the recipient may
// not see. Every field here is something a parent may read in a letter about their own child
// (domain.md §2 "a leak is the worst bug"): names, birth date, school, the case's reference and
// dates, the sender. Medical notes, absence reasons, consent details and documents are not
// fields. `invoer.*` fields are typed in by the professional who makes the letter.

export type LetterFieldSource = "case" | "input";

export interface LetterField {
  /** Dutch description shown to the administrator and in the "Brief maken" form. */
  label: string;
  source: LetterFieldSource;
  /** Shown in the administrator's preview; synthetic. */
  example: string;
}

export const LETTER_FIELDS = {
  vandaag: { label: "Datum van vandaag", source: "case", example: "4 december 2026" },
  "regio.naam": { label: "Naam van de regio", source: "case", example: "Regio Voorbeeld" },
  "leerling.naam": { label: "Naam van de leerling", source: "case", example: "Sam de Vries" },
  "leerling.voornaam": { label: "Voornaam van de leerling", source: "case", example: "Sam" },
  "leerling.geboortedatum": {
    label: "Geboortedatum van de leerling",
    source: "case",
    example: "12 maart 2012",
  },
  "school.naam": { label: "Naam van de school", source: "case", example: "De Voorbeeldschool" },
  "ouder.naam": {
    label: "Naam van de eerste contactpersoon (ouder of verzorger)",
    source: "case",
    example: "J. de Vries",
  },
  "zaak.kenmerk": { label: "Kenmerk van de casus", source: "case", example: "A1B2C3D4" },
  "zaak.begin_verzuim": {
    label: "Eerste dag van het verzuim",
    source: "case",
    example: "3 november 2026",
  },
  "afzender.naam": {
    label: "Naam van wie de brief maakt",
    source: "case",
    example: "P. Jansen",
  },
  "invoer.datum": {
    label: "Datum (van het gesprek of overleg)",
    source: "input",
    example: "15 december 2026",
  },
  "invoer.tijd": { label: "Tijd", source: "input", example: "10.00 uur" },
  "invoer.plaats": { label: "Plaats", source: "input", example: "Stadskantoor, kamer 2.14" },
  "invoer.periode": {
    label: "Periode van het verlof",
    source: "input",
    example: "8 tot en met 12 februari 2027",
  },
  "invoer.toelichting": {
    label: "Toelichting (in eenvoudige woorden)",
    source: "input",
    example: "Wij hebben met u gesproken over de afwezigheid van Sam.",
  },
  "invoer.ontvanger": {
    label: "Naar wie de brief gaat (organisatie)",
    source: "input",
    example: "Jeugdteam Voorbeeld",
  },
} as const satisfies Record<string, LetterField>;

export type LetterFieldName = keyof typeof LETTER_FIELDS;

export const LETTER_FIELD_NAMES = Object.keys(LETTER_FIELDS) as LetterFieldName[];

export const INPUT_FIELD_NAMES = LETTER_FIELD_NAMES.filter(
  (f) => LETTER_FIELDS[f].source === "input",
);

export function isLetterField(name: string): name is LetterFieldName {
  return Object.hasOwn(LETTER_FIELDS, name);
}

export type LetterValues = Partial<Record<LetterFieldName, string>>;

export const EXAMPLE_VALUES: LetterValues = Object.fromEntries(
  LETTER_FIELD_NAMES.map((f) => [f, LETTER_FIELDS[f].example]),
);

const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** An ISO date as a Dutch letter writes it: "4 december 2026". */
export function dutchDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d || m < 1 || m > 12) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
