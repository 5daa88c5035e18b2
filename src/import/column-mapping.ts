// Column mappings (issue 14 item 3): a school system's export whose headers are not canonical
// (interfaces.md "Canonical CSV files") is mapped once per source — which of its columns is the
// pupil number, the date, the period, the reason code, … and how its own codes map onto the
// canonical ones (domain.md §3 reason codes) — saved under a name and reused for every delivery.
// Pure: the checks of a mapping and its application to a file's header and rows. The import
// (read-rows.ts) applies the plan before the kind's own validation, so a mapped file is checked,
// staged and merged exactly like a canonical one (same atomicity and idempotency).
import { z } from "zod";
import { isSchoolId } from "../domain/input/identifiers.ts";
import { EXEMPTION_KINDS, HOLIDAY_REGIONS, PERIODS, REASONS, SECTORS } from "./codes.ts";
import { FILE_ENCODINGS, type FileEncoding } from "./decode.ts";
import { IMPORT_KINDS, type ImportKind } from "./kind-spec.ts";

/** Every column a canonical file of the kind may have (interfaces.md), required ones first. */
export const CANONICAL_COLUMNS: Record<ImportKind, readonly string[]> = {
  schools: [
    "school_id",
    "name",
    "sector",
    "municipality",
    "partnership",
    "holiday_region",
    "minutes_mon",
    "minutes_tue",
    "minutes_wed",
    "minutes_thu",
    "minutes_fri",
  ],
  closures: ["scope", "start_date", "end_date", "name"],
  pupils: [
    "pupil_id",
    "given_name",
    "family_name",
    "birth_date",
    "municipality",
    "parent_name",
    "parent_email",
    "parent_phone",
  ],
  enrolments: ["pupil_id", "school_id", "start_date", "end_date", "grade"],
  attendance: ["pupil_id", "school_id", "date", "period", "minutes", "reason", "note"],
  population: [
    "person_id",
    "given_name",
    "family_name",
    "birth_date",
    "municipality",
    "registered_from",
  ],
  exemptions: ["pupil_id", "kind", "start_date", "end_date", "advice_partnership", "advice_doctor"],
};

/** The code columns of each kind and their canonical codes: a mapping may translate these. */
export const CODE_COLUMNS: Record<ImportKind, Readonly<Record<string, readonly string[]>>> = {
  schools: { sector: SECTORS, holiday_region: HOLIDAY_REGIONS },
  closures: {},
  pupils: {},
  enrolments: {},
  attendance: { period: PERIODS, reason: REASONS },
  population: {},
  exemptions: {
    kind: EXEMPTION_KINDS,
    advice_partnership: ["yes", "no"],
    advice_doctor: ["yes", "no"],
  },
};

/** The date columns of each kind: a mapping may read them in a source's own date format. */
export const DATE_COLUMNS: Record<ImportKind, readonly string[]> = {
  schools: [],
  closures: ["start_date", "end_date"],
  pupils: ["birth_date"],
  enrolments: ["start_date", "end_date"],
  attendance: ["date"],
  population: ["birth_date", "registered_from"],
  exemptions: ["start_date", "end_date"],
};

/**
 * The date formats a source may write (Dutch notation: d = day, m = month, j = year):
 * `dd-mm-jjjj` two-digit day and month, `d-m-jjjj` one or two digits, `jjjj-mm-dd` canonical.
 * The separator may be `-`, `/` or `.` in each (school systems differ, spreadsheets too).
 */
export const DATE_FORMATS = ["dd-mm-jjjj", "d-m-jjjj", "jjjj-mm-dd"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

const DATE_PATTERNS: Record<DateFormat, RegExp> = {
  "dd-mm-jjjj": /^(?<d>\d{2})[-/.](?<m>\d{2})[-/.](?<y>\d{4})$/,
  "d-m-jjjj": /^(?<d>\d{1,2})[-/.](?<m>\d{1,2})[-/.](?<y>\d{4})$/,
  "jjjj-mm-dd": /^(?<y>\d{4})[-/.](?<m>\d{2})[-/.](?<d>\d{2})$/,
};

/** A source's date in its format as `YYYY-MM-DD`, or undefined when it is not a real date. */
export function convertDate(value: string, format: DateFormat): string | undefined {
  const groups = DATE_PATTERNS[format].exec(value.trim())?.groups;
  if (!groups) return undefined;
  const y = Number(groups.y);
  const m = Number(groups.m);
  const d = Number(groups.d);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return undefined;
  }
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The column naming a row's school, which a school's own mapping fills when the file lacks it. */
const SCHOOL_COLUMN: Partial<Record<ImportKind, string>> = {
  enrolments: "school_id",
  attendance: "school_id",
};

export interface ColumnMapping {
  name: string;
  kind: ImportKind;
  /** The source's school (a school's own system); null: a source of the whole region. */
  schoolId: string | null;
  /** How a file of this source without a BOM is read. */
  encoding: FileEncoding;
  /** Canonical column → the source's header for it. */
  columns: Readonly<Record<string, string>>;
  /** Canonical column → one value for every row (a column the source does not have). */
  fixed: Readonly<Record<string, string>>;
  /** Canonical code column → (the source's code → the canonical code). */
  values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Canonical date column → the source's date format (absent: the canonical `YYYY-MM-DD`). */
  dates: Readonly<Record<string, DateFormat>>;
}

const NAME_MAX = 100;
const HEADER_MAX = 200;
const CODE_MAX = 100;

const oneLine = (what: string, max: number) =>
  z
    .string(`${what}: verwacht tekst`)
    .trim()
    .min(1, `${what}: verplicht`)
    .max(max, `${what}: hoogstens ${max} tekens`)
    .refine(
      (v) => !/[\p{Cc}\p{Cf}]/u.test(v),
      `${what}: bevat een besturings- of onzichtbaar teken`,
    );

/** What the API takes to create or replace a mapping (snake_case, as the API speaks). */
export const columnMappingInputSchema = z
  .strictObject({
    name: oneLine("naam", NAME_MAX),
    kind: z.enum(IMPORT_KINDS, `soort: kies uit ${IMPORT_KINDS.join(", ")}`),
    school_id: z
      .string()
      .trim()
      .refine(isSchoolId, "school: geen schoolcode (BRIN + vestiging, bv. 12AB00)")
      .nullable()
      .default(null),
    encoding: z.enum(FILE_ENCODINGS, "tekenset: kies utf-8 of windows-1252").default("utf-8"),
    columns: z.record(z.string(), oneLine("kolom van de bron", HEADER_MAX)).default({}),
    fixed: z.record(z.string(), oneLine("vaste waarde", HEADER_MAX)).default({}),
    values: z
      .record(z.string(), z.record(oneLine("code van de bron", CODE_MAX), z.string()))
      .default({}),
    dates: z
      .record(z.string(), z.enum(DATE_FORMATS, `datumnotatie: kies uit ${DATE_FORMATS.join(", ")}`))
      .default({}),
  })
  .superRefine((input, ctx) => {
    for (const issue of checkMapping(fromInput(input))) {
      ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  });

export type ColumnMappingInput = z.input<typeof columnMappingInputSchema>;

export function fromInput(input: z.output<typeof columnMappingInputSchema>): ColumnMapping {
  return {
    name: input.name,
    kind: input.kind,
    schoolId: input.school_id,
    encoding: input.encoding,
    columns: input.columns,
    fixed: input.fixed,
    values: input.values,
    dates: input.dates,
  };
}

export interface MappingIssue {
  path: (string | number)[];
  message: string;
}

const norm = (header: string) => header.trim().toLowerCase();

/**
 * What a mapping must satisfy whatever the file (Dutch: what, where, how to fix): only the kind's
 * canonical columns, each source column for one canonical column, a column either read or fixed,
 * code translations only for code columns and only onto canonical codes.
 */
export function checkMapping(mapping: ColumnMapping): MappingIssue[] {
  const issues: MappingIssue[] = [];
  const canonical = CANONICAL_COLUMNS[mapping.kind];
  const codes = CODE_COLUMNS[mapping.kind];
  const unknown = (column: string) =>
    `'${column}' is geen kolom van ${mapping.kind}; kies uit ${canonical.join(", ")}`;
  const usedBy = new Map<string, string>();
  for (const [column, source] of Object.entries(mapping.columns)) {
    if (!canonical.includes(column)) {
      issues.push({ path: ["columns", column], message: unknown(column) });
      continue;
    }
    const earlier = usedBy.get(norm(source));
    if (earlier !== undefined) {
      issues.push({
        path: ["columns", column],
        message: `kolom '${source}' van de bron is al gekoppeld aan ${earlier}; kies voor ${column} een andere kolom`,
      });
    }
    usedBy.set(norm(source), column);
  }
  for (const [column, value] of Object.entries(mapping.fixed)) {
    if (!canonical.includes(column)) {
      issues.push({ path: ["fixed", column], message: unknown(column) });
    } else if (mapping.columns[column] !== undefined) {
      issues.push({
        path: ["fixed", column],
        message: `${column} komt al uit kolom '${mapping.columns[column]}'; kies een kolom of een vaste waarde, niet allebei`,
      });
    } else if (codes[column] && !codes[column].includes(value)) {
      issues.push({
        path: ["fixed", column],
        message: `'${value}' is geen geldige ${column}; kies uit ${codes[column].join(", ")}`,
      });
    }
  }
  for (const [column, table] of Object.entries(mapping.values)) {
    const allowed = codes[column];
    if (allowed === undefined) {
      const list = Object.keys(codes);
      issues.push({
        path: ["values", column],
        message:
          list.length === 0
            ? `${mapping.kind} heeft geen codekolommen om te vertalen`
            : `'${column}' is geen codekolom van ${mapping.kind}; vertaal alleen ${list.join(", ")}`,
      });
      continue;
    }
    for (const [source, target] of Object.entries(table)) {
      if (!allowed.includes(target)) {
        issues.push({
          path: ["values", column, source],
          message: `code '${source}' wordt '${target}', maar dat is geen geldige ${column}; kies uit ${allowed.join(", ")}`,
        });
      }
    }
  }
  const dateColumns = DATE_COLUMNS[mapping.kind];
  for (const column of Object.keys(mapping.dates)) {
    if (!dateColumns.includes(column)) {
      issues.push({
        path: ["dates", column],
        message:
          dateColumns.length === 0
            ? `${mapping.kind} heeft geen datumkolommen`
            : `'${column}' is geen datumkolom van ${mapping.kind}; kies uit ${dateColumns.join(", ")}`,
      });
    }
  }
  const schoolColumn = SCHOOL_COLUMN[mapping.kind];
  const fixedSchool = schoolColumn ? mapping.fixed[schoolColumn] : undefined;
  if (fixedSchool !== undefined && mapping.schoolId !== null && fixedSchool !== mapping.schoolId) {
    issues.push({
      path: ["fixed", schoolColumn as string],
      message: `de vaste school ${fixedSchool} is niet de school van de kolomindeling (${mapping.schoolId}); laat hem leeg of kies dezelfde`,
    });
  }
  return issues;
}

/** A row error of the mapping itself (the column is the canonical one). */
export interface MappedError {
  column: string;
  reason: string;
}

export interface MappingPlan {
  /** The canonical header the kind's validation reads (unmapped source columns keep their name). */
  header: string[];
  /** Header problems (line 1): a source column the mapping names that the file lacks. */
  errors: MappedError[];
  /** How an error's column is shown: the source's header with the canonical name. */
  label(column: string): string;
  /**
   * The row's fields in `header` order (the caller has checked the row is as long as the file's
   * header); `errors` when a code has no translation.
   */
  translate(fields: readonly string[]): { fields: string[]; errors: MappedError[] };
}

/**
 * The plan for one file: its header (as read) renamed to canonical names, fixed columns appended
 * (the school of a school's own mapping when the file has no school column), and the code
 * translations. A source column named like a canonical column that the mapping takes from
 * elsewhere is set aside (`bron:NAME`), so it cannot be read twice.
 */
export function planMapping(mapping: ColumnMapping, sourceHeader: readonly string[]): MappingPlan {
  const canonical = CANONICAL_COLUMNS[mapping.kind];
  const sourceOf = new Map<string, string>(); // normalised source header → canonical column
  for (const [column, source] of Object.entries(mapping.columns))
    sourceOf.set(norm(source), column);
  const mappedTo = new Set(Object.keys(mapping.columns));
  const fixed = new Map(Object.entries(mapping.fixed));
  const schoolColumn = SCHOOL_COLUMN[mapping.kind];
  const header = sourceHeader.map((raw) => {
    const name = norm(raw);
    const column = sourceOf.get(name);
    if (column !== undefined) return column;
    if (canonical.includes(name) && (mappedTo.has(name) || fixed.has(name))) return `bron:${name}`;
    return name;
  });
  if (
    schoolColumn !== undefined &&
    mapping.schoolId !== null &&
    !fixed.has(schoolColumn) &&
    !header.includes(schoolColumn)
  ) {
    fixed.set(schoolColumn, mapping.schoolId);
  }
  const errors: MappedError[] = [];
  for (const [column, source] of Object.entries(mapping.columns)) {
    if (!header.includes(column)) {
      errors.push({
        column,
        reason: `kolom '${source}' ontbreekt in de kopregel; kolomindeling '${mapping.name}' leest ${column} daaruit — controleer de kolomindeling of het bestand`,
      });
    }
  }
  const fixedColumns = [...fixed.keys()];
  const fixedValues = [...fixed.values()];
  const codes = CODE_COLUMNS[mapping.kind];
  const translations: { index: number; column: string; table: Map<string, string> }[] = [];
  for (const [column, table] of Object.entries(mapping.values)) {
    const index = header.indexOf(column);
    if (index === -1 || codes[column] === undefined) continue;
    const lookup = new Map<string, string>();
    for (const [source, target] of Object.entries(table)) lookup.set(norm(source), target);
    translations.push({ index, column, table: lookup });
  }
  const conversions: { index: number; column: string; format: DateFormat }[] = [];
  for (const [column, format] of Object.entries(mapping.dates)) {
    const index = header.indexOf(column);
    if (index !== -1 && DATE_COLUMNS[mapping.kind].includes(column)) {
      conversions.push({ index, column, format });
    }
  }
  const labels = new Map<string, string>();
  for (const [column, source] of Object.entries(mapping.columns)) {
    labels.set(column, `${source} (${column})`);
  }
  return {
    header: [...header, ...fixedColumns],
    errors,
    label: (column) => labels.get(column) ?? column,
    translate(fields) {
      const out = fields.slice(0, header.length);
      const rowErrors: MappedError[] = [];
      for (const { index, column, table } of translations) {
        const value = out[index]?.trim();
        if (value === undefined || value === "") continue;
        const target = table.get(value.toLowerCase());
        if (target !== undefined) out[index] = target;
        else if (!(codes[column] as readonly string[]).includes(value)) {
          rowErrors.push({
            column,
            reason: `code '${value}' staat niet in kolomindeling '${mapping.name}'; voeg hem toe aan de kolomindeling (Beheer → Kolomindelingen) of corrigeer de rij`,
          });
        }
      }
      for (const { index, column, format } of conversions) {
        const value = out[index]?.trim();
        if (value === undefined || value === "") continue;
        const converted = convertDate(value, format);
        if (converted !== undefined) out[index] = converted;
        else {
          rowErrors.push({
            column,
            reason: `'${value}' is geen datum in de notatie ${format} van kolomindeling '${mapping.name}'; corrigeer de rij of de datumnotatie van de kolomindeling`,
          });
        }
      }
      return { fields: [...out, ...fixedValues], errors: rowErrors };
    },
  };
}

/** The distinct values of some columns of a sample (the screen offers them for translation). */
export function distinctValues(
  rows: readonly (readonly string[])[],
  index: number,
  max = 100,
): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[index]?.trim();
    if (value) seen.add(value);
    if (seen.size >= max) break;
  }
  return [...seen].sort((a, b) => a.localeCompare(b, "nl"));
}

/** Names school systems often give a canonical column (lower case), for a first suggestion. */
const SYNONYMS: Record<string, readonly string[]> = {
  pupil_id: ["leerlingnummer", "leerling_id", "leerlingid", "llnr", "leerling", "studentnummer"],
  person_id: ["persoonsnummer", "persoon_id", "anummer", "a_nummer"],
  school_id: ["brin", "brinvest", "brin_vestiging", "schoolcode", "school"],
  date: ["datum", "dag", "verzuimdatum", "absentiedatum"],
  period: ["lesuur", "uur", "dagdeel", "periode"],
  minutes: ["minuten", "aantal_minuten", "duur", "minuten_afwezig"],
  reason: ["reden", "code", "verzuimcode", "absentiecode", "absentiereden", "verzuimreden"],
  note: ["opmerking", "toelichting", "notitie"],
  given_name: ["voornaam", "roepnaam"],
  family_name: ["achternaam", "familienaam"],
  birth_date: ["geboortedatum"],
  municipality: ["gemeente", "woonplaats"],
  start_date: ["begindatum", "startdatum", "ingangsdatum", "datum_in"],
  end_date: ["einddatum", "datum_uit"],
  grade: ["leerjaar", "groep", "klas"],
  name: ["naam", "omschrijving"],
};

/**
 * A first guess at the columns of a source (the screen offers it; the user confirms): a header
 * that is already canonical, or one of its usual Dutch names.
 */
export function suggestColumns(
  kind: ImportKind,
  sourceHeader: readonly string[],
): Record<string, string> {
  const suggestion: Record<string, string> = {};
  const taken = new Set<string>();
  for (const column of CANONICAL_COLUMNS[kind]) {
    const names = [column, ...(SYNONYMS[column] ?? [])];
    const found = sourceHeader.find(
      (raw) => !taken.has(raw) && names.includes(norm(raw).replace(/[\s-]+/g, "_")),
    );
    if (found !== undefined) {
      suggestion[column] = found;
      taken.add(found);
    }
  }
  return suggestion;
}
