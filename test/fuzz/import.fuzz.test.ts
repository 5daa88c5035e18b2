// Fuzzing the imports (issue 13 item 3) through the function `aanwezig import` and the upload
// use, importFile, on a real database (both engines). Generated files of every kind: valid rows
// in any column order, separator, quoting, line end (LF, CRLF, CR) and encoding (UTF-8 with or
// without BOM, UTF-16 LE/BE with BOM, Windows-1252 when told so); and mutated ones: hostile
// fields (NUL, control, zero-width and bidi characters, huge fields, wrong types, stray quotes),
// a missing column, short rows, bytes that are not valid UTF-8, truncated or random files.
// Properties: the import never throws; a rejected file changes no table but the import log; an
// accepted file changes only its kind's tables, by exactly the rows it reports, stores its text
// in NFC, and importing it again changes nothing.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/connect.ts";
import type { FileEncoding } from "../../src/import/decode.ts";
import type { ImportKind } from "../../src/import/kind-spec.ts";
import { type ImportResult, importFile } from "../../src/import/run-import.ts";
import { engines } from "../support/databases.ts";
import { ATTENDANCE, importRegion, importText, tempDir } from "../support/import-files.ts";
import { changedTables, fingerprint, fuzzRuns, fuzzSeed, fuzzTimeout } from "./support.ts";

type Row = Record<string, string>;

interface KindGen {
  columns: readonly string[];
  key: readonly string[];
  row: fc.Arbitrary<Row>;
  /** The tables an accepted file of this kind may change (besides import_log). */
  tables: readonly string[];
  /** The table and column whose stored text the file states (NFC). */
  probe?: { table: string; column: string; keyColumns?: readonly string[] };
}

// Names as Dutch files hold them, some typed decomposed (e + U+0308): stored as NFC.
const NAMES = ["Anna", "Eëlco", "Çelik", "Ümit", "de Vries", "O'Neill", "Zoë", "Noël", "Åsa"];
const text = fc
  .tuple(fc.constantFrom(...NAMES), fc.boolean(), fc.constantFrom("", " jr", "-Smit", ", B."))
  .map(([name, decompose, suffix]) => (decompose ? name.normalize("NFD") : name) + suffix);
const dateIn = (from: number, to: number) =>
  fc
    .date({
      min: new Date(Date.UTC(from, 0, 1)),
      max: new Date(Date.UTC(to, 11, 31)),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
const afterOrEmpty = (start: string) =>
  fc.oneof(
    fc.constant(""),
    fc.integer({ min: 0, max: 400 }).map((days) => {
      const d = new Date(`${start}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    }),
  );
const municipality = fc.constantFrom("Utrecht", "Zeist", "'s-Hertogenbosch", "Súdwest-Fryslân");

const SCHOOL_IDS = ["12AB00", "34CD00", "56EF00", "56EF01", "78GH00"];
const PUPIL_IDS = ["P001", "P002", "P003", "P100", "P101", "P102", "P103"];
const PERSON_IDS = ["X900", "X901", "X902", "X903"];
const MARCH_DAYS = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"];
const REASONS = ["sick", "medical", "leave", "unreported", "truant", "late", "other_authorized"];

const KINDS: Record<ImportKind, KindGen> = {
  schools: {
    columns: [
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
    key: ["school_id"],
    // At least 300 minutes a day: the attendance generator below stays within any school day.
    row: fc.record({
      school_id: fc.constantFrom(...SCHOOL_IDS),
      name: text,
      sector: fc.constantFrom("po", "vo", "so", "vso", "mbo"),
      municipality,
      partnership: fc.constantFrom("PO2605", "VO2606"),
      holiday_region: fc.constantFrom("midden", "noord", "zuid"),
      minutes_mon: fc.integer({ min: 300, max: 600 }).map(String),
      minutes_tue: fc.integer({ min: 300, max: 600 }).map(String),
      minutes_wed: fc.integer({ min: 300, max: 600 }).map(String),
      minutes_thu: fc.integer({ min: 300, max: 600 }).map(String),
      minutes_fri: fc.integer({ min: 300, max: 600 }).map(String),
    }),
    tables: ["schools"],
    probe: { table: "schools", column: "name" },
  },
  closures: {
    columns: ["scope", "start_date", "end_date", "name"],
    key: ["scope", "start_date"],
    // Never in March 2026, the month the attendance generator writes.
    row: fc
      .record({
        scope: fc.constantFrom("all", "noord", "midden", "zuid", "12AB00", "34CD00"),
        start_date: dateIn(2026, 2027).filter((d) => !d.startsWith("2026-03")),
        name: text,
      })
      .map((r) => ({ ...r, end_date: r.start_date })),
    tables: ["closures"],
    probe: { table: "closures", column: "name" },
  },
  pupils: {
    columns: [
      "pupil_id",
      "given_name",
      "family_name",
      "birth_date",
      "municipality",
      "parent_name",
      "parent_email",
      "parent_phone",
    ],
    key: ["pupil_id"],
    row: fc.record({
      pupil_id: fc.constantFrom(...PUPIL_IDS),
      given_name: text,
      family_name: text,
      birth_date: dateIn(2008, 2016),
      municipality,
      parent_name: fc.oneof(fc.constant(""), text),
      parent_email: fc.constantFrom("", "ouder@example.org"),
      parent_phone: fc.constantFrom("", "0612345678", "+31 6 12345678"),
    }),
    tables: ["pupils", "pupil_contacts"],
    probe: { table: "pupils", column: "family_name" },
  },
  enrolments: {
    columns: ["pupil_id", "school_id", "start_date", "end_date", "grade"],
    key: ["pupil_id", "school_id", "start_date"],
    row: fc
      .record({
        pupil_id: fc.constantFrom("P001", "P002", "P003"),
        school_id: fc.constantFrom("12AB00", "34CD00"),
        start_date: dateIn(2020, 2026),
        grade: fc.constantFrom("", "1", "5", "8"),
      })
      .chain((r) => afterOrEmpty(r.start_date).map((end_date) => ({ ...r, end_date }))),
    tables: ["enrolments"],
    probe: { table: "enrolments", column: "grade" },
  },
  attendance: {
    columns: ["pupil_id", "school_id", "date", "period", "minutes", "reason", "note"],
    key: ["pupil_id", "date", "period"],
    // Lessons 1-10 of at most 20 minutes: a day never exceeds 200 minutes.
    row: fc
      .record({
        who: fc.constantFrom(["P001", "12AB00"], ["P003", "34CD00"]),
        date: fc.constantFrom(...MARCH_DAYS),
        period: fc.integer({ min: 1, max: 10 }).map(String),
        minutes: fc.integer({ min: 0, max: 20 }).map(String),
        reason: fc.constantFrom(...REASONS),
        note: fc.oneof(
          fc.constant(""),
          text,
          text.map((t) => `${t}\nregel twee\t(tab)`),
        ),
      })
      .map(({ who, ...r }) => ({ pupil_id: who[0]!, school_id: who[1]!, ...r })),
    tables: ["attendance", "attendance_history", "signal_input_changes"],
    probe: { table: "attendance", column: "note", keyColumns: ["pupil_id", "date", "period"] },
  },
  population: {
    columns: [
      "person_id",
      "given_name",
      "family_name",
      "birth_date",
      "municipality",
      "registered_from",
    ],
    key: ["person_id"],
    row: fc
      .record({
        person_id: fc.constantFrom(...PERSON_IDS),
        given_name: text,
        family_name: text,
        birth_date: dateIn(2008, 2016),
        municipality,
      })
      .map((r) => ({ ...r, registered_from: r.birth_date })),
    tables: ["population"],
    probe: { table: "population", column: "family_name" },
  },
  exemptions: {
    columns: ["pupil_id", "kind", "start_date", "end_date", "advice_partnership", "advice_doctor"],
    key: ["pupil_id", "kind", "start_date"],
    row: fc
      .record({
        pupil_id: fc.constantFrom("P001", "P002", "P003", "X900"),
        kind: fc.constantFrom("5a", "5b", "5c", "15", "3a", "11"),
        start_date: dateIn(2024, 2026),
        advice_partnership: fc.constantFrom("yes", "no"),
        advice_doctor: fc.constantFrom("yes", "no"),
      })
      .chain((r) => afterOrEmpty(r.start_date).map((end_date) => ({ ...r, end_date }))),
    tables: ["exemptions"],
  },
};

// ---- how a file is written -------------------------------------------------------------------

interface Layout {
  separator: ";" | ",";
  lineEnd: "\n" | "\r\n" | "\r";
  trailingLineEnd: boolean;
  quoteAll: boolean;
  extraColumn: boolean;
  order: number[];
  encoding: "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";
}

const layout = (columns: number): fc.Arbitrary<Layout> =>
  fc.record({
    separator: fc.constantFrom(";" as const, "," as const),
    lineEnd: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const),
    trailingLineEnd: fc.boolean(),
    quoteAll: fc.boolean(),
    extraColumn: fc.boolean(),
    order: fc.shuffledSubarray(
      Array.from({ length: columns }, (_, i) => i),
      { minLength: columns, maxLength: columns },
    ),
    encoding: fc.constantFrom(
      "utf-8" as const,
      "utf-8-bom" as const,
      "utf-16le" as const,
      "utf-16be" as const,
      "windows-1252" as const,
    ),
  });

function field(value: string, l: Layout): string {
  const needs = value.includes(l.separator) || /["\r\n]/.test(value);
  return l.quoteAll || needs ? `"${value.replaceAll('"', '""')}"` : value;
}

function csvText(columns: readonly string[], rows: readonly Row[], l: Layout): string {
  const cols = l.order.map((i) => columns[i]!);
  if (l.extraColumn) cols.push("opmerking_bron");
  const lines = [cols.map((c) => field(c, l)).join(l.separator)];
  for (const row of rows) {
    lines.push(cols.map((c) => field(row[c] ?? 'extra; "waarde"', l)).join(l.separator));
  }
  return lines.join(l.lineEnd) + (l.trailingLineEnd ? l.lineEnd : "");
}

/** Windows-1252 for the characters the generators use (Latin-1 letters; no 0x80-0x9F). */
function windows1252(text: string): Buffer | undefined {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code > 0xff || (code >= 0x80 && code < 0xa0)) return undefined;
  }
  return Buffer.from(text, "latin1");
}

function encode(text: string, l: Layout): { bytes: Buffer; encoding: FileEncoding } {
  switch (l.encoding) {
    case "utf-8":
      return { bytes: Buffer.from(text, "utf8"), encoding: "utf-8" };
    case "utf-8-bom":
      return { bytes: Buffer.from(`\uFEFF${text}`, "utf8"), encoding: "utf-8" };
    case "utf-16le":
      return { bytes: Buffer.from(`\uFEFF${text}`, "utf16le"), encoding: "utf-8" };
    case "utf-16be": {
      const le = Buffer.from(`\uFEFF${text}`, "utf16le");
      return { bytes: le.swap16(), encoding: "utf-8" };
    }
    case "windows-1252": {
      // Told so, as `--encoding windows-1252` does; text Windows-1252 cannot hold goes as UTF-8.
      const bytes = windows1252(text.normalize("NFC"));
      return bytes
        ? { bytes, encoding: "windows-1252" }
        : { bytes: Buffer.from(text, "utf8"), encoding: "utf-8" };
    }
  }
}

/** Distinct natural keys: a file with a duplicate key is (rightly) refused. */
function uniqueRows(gen: KindGen, max: number): fc.Arbitrary<Row[]> {
  return fc.uniqueArray(gen.row, {
    minLength: 1,
    maxLength: max,
    selector: (row) => gen.key.map((k) => row[k]).join("\u0001"),
  });
}

// ---- mutations -------------------------------------------------------------------------------

const HOSTILE: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "P00\u00001",
    "Jan\u0007",
    "\u0085x",
    "P001\u200B",
    "\u202Eexe.pdf",
    "\u2066a\u2069",
    "\uFEFFnaam",
    "\uFFFD",
    "",
    " ",
    '"',
    'half "quote',
    "a;b,c",
    "regel\neen",
    "regel\rtwee",
    "\t",
    "2026-02-30",
    "2026-13-01",
    "1900-00-00",
    "03/09/2026",
    "-1",
    "1e3",
    "99999999999999999999",
    "NaN",
    "12ab00",
    "12AB000",
    "all ",
    '=HYPERLINK("http://x")',
    "null",
    "\\N",
    "'; DROP TABLE pupils; --",
  ),
  fc.constantFrom(201, 10_001, 1_000_000).map((n) => "x".repeat(n)),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

type Mutation =
  | { kind: "field"; row: number; column: number; value: string }
  | { kind: "dropColumn"; column: number }
  | { kind: "shortRow"; row: number }
  | { kind: "longRow"; row: number }
  | { kind: "bytes"; at: number; bytes: number[] }
  | { kind: "truncate"; at: number }
  | { kind: "untold1252" };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("field" as const),
      row: fc.nat(),
      column: fc.nat(),
      value: HOSTILE,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("dropColumn" as const), column: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("shortRow" as const), row: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("longRow" as const), row: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("bytes" as const),
      at: fc.nat(),
      bytes: fc.array(fc.constantFrom(0x00, 0x80, 0xc3, 0xeb, 0xfe, 0xff, 0x0d, 0x22), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant({ kind: "untold1252" as const }) },
);

interface FileCase {
  kind: ImportKind;
  rows: Row[];
  layout: Layout;
  mutations: Mutation[];
}

function build(c: FileCase): { bytes: Buffer; encoding: FileEncoding } {
  const gen = KINDS[c.kind];
  let columns = [...gen.columns];
  const rows = c.rows.map((r) => ({ ...r }));
  let l = c.layout;
  for (const m of c.mutations) {
    if (m.kind === "field") {
      const row = rows[m.row % rows.length]!;
      row[columns[m.column % columns.length]!] = m.value;
    } else if (m.kind === "dropColumn" && columns.length > 1) {
      const drop = columns[m.column % columns.length]!;
      columns = columns.filter((col) => col !== drop);
      l = { ...l, order: l.order.filter((i) => i < columns.length) };
    } else if (m.kind === "shortRow") {
      const row = rows[m.row % rows.length]!;
      delete row[columns.at(-1)!];
      row.__short = "1";
    } else if (m.kind === "longRow") {
      rows[m.row % rows.length]!.__long = "1";
    }
  }
  let text = csvText(columns, rows, l);
  if (rows.some((r) => r.__short || r.__long)) {
    // Rewrite the marked rows with a field too few or too many.
    const lines = text.split(l.lineEnd);
    rows.forEach((r, i) => {
      const line = lines[i + 1];
      if (line === undefined) return;
      if (r.__short) lines[i + 1] = line.slice(0, Math.max(0, line.lastIndexOf(l.separator)));
      if (r.__long) lines[i + 1] = `${line}${l.separator}te veel${l.separator}velden`;
    });
    text = lines.join(l.lineEnd);
  }
  let { bytes, encoding } = encode(text, l);
  for (const m of c.mutations) {
    if (m.kind === "bytes") {
      const at = m.at % (bytes.length + 1);
      bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
    } else if (m.kind === "truncate") {
      bytes = bytes.subarray(0, m.at % (bytes.length + 1));
    } else if (m.kind === "untold1252") {
      bytes = windows1252(text.normalize("NFC")) ?? bytes;
      encoding = "utf-8";
    }
  }
  return { bytes, encoding };
}

const fileCase = (kind: ImportKind, mutated: boolean): fc.Arbitrary<FileCase> =>
  fc.record({
    kind: fc.constant(kind),
    rows: uniqueRows(KINDS[kind], 12),
    layout: layout(KINDS[kind].columns.length),
    mutations: mutated ? fc.array(mutation, { minLength: 1, maxLength: 3 }) : fc.constant([]),
  });

// ---- the properties --------------------------------------------------------------------------

const ALL_KINDS = Object.keys(KINDS) as ImportKind[];
const LOGS = new Set(["import_log", "data_versions"]);

describe.each(engines())("fuzzed import files on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const dir = tempDir();
  let n = 0;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await importRegion(db, dir);
    const attendance = await importText(db, dir, "attendance", ATTENDANCE);
    expect(attendance.outcome).toBe("imported");
  });
  afterAll(async () => {
    await dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  async function run(
    c: FileCase,
  ): Promise<{ result: ImportResult; path: string; encoding: FileEncoding }> {
    const { bytes, encoding } = build(c);
    const path = join(dir, `fuzz-${n++}.csv`);
    writeFileSync(path, bytes);
    const result = await importFile(db, { kind: c.kind, path, encoding, actor: "fuzz" });
    return { result, path, encoding };
  }

  /** The accepted file changed only its kind's tables, by the rows it says; again: nothing. */
  async function checkAccepted(
    c: FileCase,
    before: Awaited<ReturnType<typeof fingerprint>>,
    outcome: { result: ImportResult; path: string; encoding: FileEncoding },
  ): Promise<void> {
    const gen = KINDS[c.kind];
    const { result } = outcome;
    const after = await fingerprint(db);
    // data_versions: a statement trigger counts writes to the region's tables (the monitor's
    // cache key), also when the merge changed no row.
    const allowed = new Set(["import_log", "data_versions", ...gen.tables]);
    expect(changedTables(before, after).filter((t) => !allowed.has(t))).toEqual([]);
    const main = gen.tables[0]!;
    expect(after[main]!.rows - before[main]!.rows).toBe(result.inserted);
    expect(result.inserted + result.updated + result.unchanged).toBe(result.rows);
    const again = await importFile(db, {
      kind: c.kind,
      path: outcome.path,
      encoding: outcome.encoding,
      actor: "fuzz",
    });
    expect(again.outcome).toBe("imported");
    expect([again.inserted, again.updated]).toEqual([0, 0]);
    const third = await fingerprint(db);
    expect(changedTables(after, third).filter((t) => !LOGS.has(t))).toEqual([]);
  }

  for (const kind of ALL_KINDS) {
    it(
      `${kind}: a file of valid rows in any layout and encoding is imported, exactly as it says`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fileCase(kind, false), async (c) => {
            const before = await fingerprint(db);
            const outcome = await run(c);
            expect(outcome.result.errors, JSON.stringify(outcome.result.errors)).toEqual([]);
            expect(outcome.result.outcome).toBe("imported");
            expect(outcome.result.rows).toBe(c.rows.length);
            await checkAccepted(c, before, outcome);
            const probe = KINDS[kind].probe;
            if (probe) {
              const keys = probe.keyColumns ?? KINDS[kind].key;
              for (const row of c.rows) {
                const where = keys.map((k, i) => `${k}::text = $${i + 1}`).join(" AND ");
                const stored = await db.sql.query<{ v: string | null }>(
                  `SELECT ${probe.column} AS v FROM ${probe.table} WHERE ${where}`,
                  keys.map((k) => row[k]),
                );
                const expected =
                  row[probe.column] === "" ? null : row[probe.column]!.normalize("NFC");
                expect(stored.map((s) => s.v)).toEqual([expected]);
              }
            }
          }),
          { numRuns: fuzzRuns(3), ...fuzzSeed() },
        );
      },
      fuzzTimeout(120_000),
    );

    it(
      `${kind}: a mutated file never throws; refused, it changes nothing; accepted, only what it says`,
      async () => {
        await fc.assert(
          fc.asyncProperty(fileCase(kind, true), async (c) => {
            const before = await fingerprint(db);
            const outcome = await run(c);
            const { result } = outcome;
            if (result.outcome === "rejected") {
              expect(result.errors.length).toBeGreaterThan(0);
              for (const e of result.errors) {
                expect(e.line).toBeGreaterThanOrEqual(0);
                expect(e.reason).toEqual(expect.any(String));
              }
              const after = await fingerprint(db);
              expect(changedTables(before, after)).toEqual(["import_log"]);
            } else {
              // A mutation may leave a valid file (a stray quote inside a quoted field, an
              // extra column); then it must be imported without a trace of the hostile bytes.
              await checkAccepted(c, before, outcome);
              const main = KINDS[kind].tables[0]!;
              const bad = await db.sql.query(
                `SELECT 1 FROM ${main} t WHERE t::text ~ '[\\u0001-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u200B\\u202E\\uFFFD]' LIMIT 1`,
              );
              expect(bad).toEqual([]);
            }
          }),
          { numRuns: fuzzRuns(5), ...fuzzSeed() },
        );
      },
      fuzzTimeout(120_000),
    );
  }
});
