// Column mappings (issue 14 item 3): the checks of a saved mapping and its plan for one file.
import { describe, expect, it } from "vitest";
import {
  type ColumnMapping,
  checkMapping,
  columnMappingInputSchema,
  convertDate,
  distinctValues,
  planMapping,
  suggestColumns,
} from "./column-mapping.ts";

const SOMTODAY: ColumnMapping = {
  name: "Somtoday Linde",
  kind: "attendance",
  schoolId: "12AB00",
  encoding: "windows-1252",
  columns: {
    pupil_id: "Leerlingnummer",
    date: "Datum",
    period: "Lesuur",
    minutes: "Minuten",
    reason: "Absentiecode",
    note: "Opmerking",
  },
  fixed: {},
  values: { reason: { Z: "sick", TL: "late", O: "truant" }, period: { "1e": "1" } },
  dates: {},
};

describe("checkMapping", () => {
  it("accepts a mapping of canonical columns with canonical codes", () => {
    expect(checkMapping(SOMTODAY)).toEqual([]);
  });

  it("names every fault in Dutch with where it is and how to fix it", () => {
    const issues = checkMapping({
      ...SOMTODAY,
      columns: {
        pupil_id: "Llnr",
        date: "Datum",
        minutes: "Min",
        leerling: "X",
        school_id: "Datum",
      },
      fixed: { minutes: "50", period: "lesuur 1" },
      values: { reason: { Z: "ziek" }, note: { a: "b" } },
    });
    expect(issues).toEqual([
      {
        path: ["columns", "leerling"],
        message: expect.stringContaining("geen kolom van attendance"),
      },
      {
        path: ["columns", "school_id"],
        message:
          "kolom 'Datum' van de bron is al gekoppeld aan date; kies voor school_id een andere kolom",
      },
      {
        path: ["fixed", "minutes"],
        message: expect.stringContaining("kies een kolom of een vaste waarde, niet allebei"),
      },
      { path: ["fixed", "period"], message: expect.stringContaining("geen geldige period") },
      {
        path: ["values", "reason", "Z"],
        message: expect.stringMatching(
          /^code 'Z' wordt 'ziek', maar dat is geen geldige reason; kies uit sick, /,
        ),
      },
      {
        path: ["values", "note"],
        message: expect.stringContaining("vertaal alleen period, reason"),
      },
    ]);
  });

  it("refuses a fixed school other than the mapping's own", () => {
    expect(checkMapping({ ...SOMTODAY, fixed: { school_id: "34CD00" } })).toEqual([
      {
        path: ["fixed", "school_id"],
        message: expect.stringContaining("niet de school van de kolomindeling"),
      },
    ]);
  });

  it("validates the API's body with the same messages", () => {
    const parsed = columnMappingInputSchema.safeParse({
      name: "  ",
      kind: "attendance",
      school_id: "linde",
      columns: { reason: "Code" },
      values: { reason: { X: "nope" } },
    });
    expect(parsed.success).toBe(false);
    const messages = parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "name: naam: verplicht",
        expect.stringContaining("school_id: school: geen schoolcode"),
      ]),
    );
    const ok = columnMappingInputSchema.parse({ name: "Bron", kind: "pupils" });
    expect(ok).toMatchObject({
      school_id: null,
      encoding: "utf-8",
      columns: {},
      fixed: {},
      values: {},
      dates: {},
    });
  });

  it("takes date formats only for the kind's date columns", () => {
    expect(checkMapping({ ...SOMTODAY, dates: { date: "dd-mm-jjjj" } })).toEqual([]);
    expect(checkMapping({ ...SOMTODAY, dates: { minutes: "dd-mm-jjjj" } })).toEqual([
      {
        path: ["dates", "minutes"],
        message: "'minutes' is geen datumkolom van attendance; kies uit date",
      },
    ]);
    const parsed = columnMappingInputSchema.safeParse({
      name: "Bron",
      kind: "attendance",
      dates: { date: "mm/dd/jjjj" },
    });
    expect(parsed.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "dates.date: datumnotatie: kies uit dd-mm-jjjj, d-m-jjjj, jjjj-mm-dd",
    ]);
  });
});

describe("convertDate", () => {
  it("reads each notation into YYYY-MM-DD and refuses what is not a calendar date", () => {
    expect(convertDate("23-02-2026", "dd-mm-jjjj")).toBe("2026-02-23");
    expect(convertDate("23/02/2026", "dd-mm-jjjj")).toBe("2026-02-23");
    expect(convertDate("3-2-2026", "dd-mm-jjjj")).toBeUndefined();
    expect(convertDate("3-2-2026", "d-m-jjjj")).toBe("2026-02-03");
    expect(convertDate("03.02.2026", "d-m-jjjj")).toBe("2026-02-03");
    expect(convertDate("2026-02-03", "jjjj-mm-dd")).toBe("2026-02-03");
    expect(convertDate("2026-02-03", "dd-mm-jjjj")).toBeUndefined();
    expect(convertDate("30-02-2026", "dd-mm-jjjj")).toBeUndefined();
    expect(convertDate("29-02-2024", "dd-mm-jjjj")).toBe("2024-02-29");
    expect(convertDate("1-13-2026", "d-m-jjjj")).toBeUndefined();
  });
});

describe("planMapping", () => {
  const header = [
    "Leerlingnummer",
    "Datum",
    "Lesuur",
    "Minuten",
    "Absentiecode",
    "Opmerking",
    "Klas",
  ];

  it("renames the source's columns, adds the school of a school's own source, translates codes", () => {
    const plan = planMapping(SOMTODAY, header);
    expect(plan.errors).toEqual([]);
    expect(plan.header).toEqual([
      "pupil_id",
      "date",
      "period",
      "minutes",
      "reason",
      "note",
      "klas",
      "school_id",
    ]);
    expect(plan.translate(["P1", "2026-02-23", "1e", "50", "z", "", "2b"])).toEqual({
      fields: ["P1", "2026-02-23", "1", "50", "sick", "", "2b", "12AB00"],
      errors: [],
    });
    // A code that is canonical already passes; an unknown one is the mapping's error.
    expect(plan.translate(["P1", "2026-02-23", "2", "50", "truant", "", ""]).errors).toEqual([]);
    expect(plan.translate(["P1", "2026-02-23", "2", "50", "XX", "", ""]).errors).toEqual([
      {
        column: "reason",
        reason:
          "code 'XX' staat niet in kolomindeling 'Somtoday Linde'; voeg hem toe aan de kolomindeling (Beheer → Kolomindelingen) of corrigeer de rij",
      },
    ]);
    expect(plan.label("reason")).toBe("Absentiecode (reason)");
    expect(plan.label("school_id")).toBe("school_id");
  });

  it("converts a source's dates and names the source column of one it cannot read", () => {
    const plan = planMapping({ ...SOMTODAY, dates: { date: "d-m-jjjj" } }, header);
    expect(plan.translate(["P1", "3-2-2026", "1e", "50", "z", "", ""]).fields[1]).toBe(
      "2026-02-03",
    );
    expect(plan.translate(["P1", "31-2-2026", "1e", "50", "z", "", ""]).errors).toEqual([
      {
        column: "date",
        reason:
          "'31-2-2026' is geen datum in de notatie d-m-jjjj van kolomindeling 'Somtoday Linde'; corrigeer de rij of de datumnotatie van de kolomindeling",
      },
    ]);
    expect(plan.label("date")).toBe("Datum (date)");
  });

  it("matches headers regardless of case and spaces around them", () => {
    const plan = planMapping(
      SOMTODAY,
      header.map((h) => ` ${h.toUpperCase()} `),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.header.slice(0, 2)).toEqual(["pupil_id", "date"]);
  });

  it("names a source column the file lacks", () => {
    const plan = planMapping(
      SOMTODAY,
      header.filter((h) => h !== "Datum"),
    );
    expect(plan.errors).toEqual([
      {
        column: "date",
        reason:
          "kolom 'Datum' ontbreekt in de kopregel; kolomindeling 'Somtoday Linde' leest date daaruit — controleer de kolomindeling of het bestand",
      },
    ]);
  });

  it("sets aside a source column named like a canonical column taken from elsewhere", () => {
    const plan = planMapping({ ...SOMTODAY, columns: { ...SOMTODAY.columns, date: "Lesdatum" } }, [
      "Leerlingnummer",
      "Lesdatum",
      "date",
      "Lesuur",
      "Minuten",
      "Absentiecode",
      "Opmerking",
    ]);
    expect(plan.header.slice(0, 3)).toEqual(["pupil_id", "date", "bron:date"]);
  });

  it("keeps the file's own school column and fixed values", () => {
    const plan = planMapping(
      { ...SOMTODAY, schoolId: null, fixed: { minutes: "50" }, columns: { pupil_id: "Llnr" } },
      ["Llnr", "school_id", "date", "period", "reason"],
    );
    expect(plan.header).toEqual(["pupil_id", "school_id", "date", "period", "reason", "minutes"]);
    expect(plan.translate(["P1", "12AB00", "2026-02-23", "day", "sick"]).fields).toEqual([
      "P1",
      "12AB00",
      "2026-02-23",
      "day",
      "sick",
      "50",
    ]);
  });
});

describe("suggestColumns and distinctValues", () => {
  it("guesses the canonical columns from usual Dutch names", () => {
    expect(
      suggestColumns("attendance", [
        "Leerlingnummer",
        "BRIN",
        "Datum",
        "Lesuur",
        "Minuten",
        "Absentiecode",
        "X",
      ]),
    ).toEqual({
      pupil_id: "Leerlingnummer",
      school_id: "BRIN",
      date: "Datum",
      period: "Lesuur",
      minutes: "Minuten",
      reason: "Absentiecode",
    });
  });

  it("lists a column's distinct values, sorted, up to a maximum", () => {
    const rows = [["Z"], ["O"], ["Z"], [" TL "], [""]];
    expect(distinctValues(rows, 0)).toEqual(["O", "TL", "Z"]);
    expect(distinctValues(rows, 0, 2)).toHaveLength(2);
  });
});
