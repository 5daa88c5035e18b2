// The parallel read (worker threads) against the sequential one on the same files: the same
// staging CSV in the same order, the same errors (line, column, reason) and the same totals,
// and through importFile the same outcome and the same stored rows, on both engines.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import { importRegion, REGION, tempDir, writeCsv } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { hasNoQuotesOrCarriageReturns } from "./csv.ts";
import { ErrorCollector } from "./errors.ts";
import { type AttendanceContext, attendanceKind } from "./kinds/attendance.ts";
import { parallelStagedChunks, planParallelRead } from "./parallel-read.ts";
import { type ReadState, stagedChunks } from "./read-rows.ts";
import { importFile } from "./run-import.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = "pupil_id;school_id;date;period;minutes;reason;note";

/** School days of March–June 2026 for both REGION schools (weekdays outside the closures). */
function schoolDays(): string[] {
  const days: string[] = [];
  for (let d = Date.UTC(2026, 2, 2); d <= Date.UTC(2026, 5, 30); d += 86_400_000) {
    const day = new Date(d);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6 || iso === "2026-03-25") continue;
    days.push(iso);
  }
  return days;
}

/** Valid rows for P001 and P003 on every school day, lessons 1–8, 5 minutes each. */
function validLines(): string[] {
  const lines: string[] = [];
  for (const date of schoolDays()) {
    for (let lesson = 1; lesson <= 8; lesson++) {
      lines.push(`P001;12AB00;${date};${lesson};5;sick;${lesson === 1 ? "koorts, gebeld" : ""}`);
      lines.push(`P003;34CD00;${date};${lesson};5;truant;${lesson === 2 ? "café" : ""}`);
    }
  }
  return lines;
}

/** The valid rows with, after every 7th line, one of many kinds of bad row, and empty lines. */
function faultyText(): string {
  const bad = [
    "P001;12AB00;2026-02-30;1;5;sick;",
    "P001;99ZZ00;2026-03-02;9;5;sick;",
    "P001;12AB00;2026-03-02",
    "P001;12AB00;2026-03-03;10;5;sick;note;extra",
    "P001;12AB00;2026-03-07;1;5;sick;",
    "P003;34CD00;2026-03-04;am;999;sick;",
    "P003;34CD00;2026-03-04;pm;5;verzonnen;",
    "123456782;34CD00;2026-03-04;day;5;sick;",
    "P003;34CD00;2026-03-05;day;5;sick;\u200b",
    "",
    ";;;;;;",
  ];
  const lines = validLines();
  const out = [HEADER];
  lines.forEach((line, i) => {
    out.push(line);
    if (i % 7 === 0) out.push(bad[(i / 7) % bad.length] as string);
  });
  return `${out.join("\n")}\n\n`;
}

const context: AttendanceContext = {
  schools: [
    { school_id: "12AB00", holiday_region: "midden", minutes: [330, 330, 210, 330, 330] },
    { school_id: "34CD00", holiday_region: "midden", minutes: [400, 400, 400, 400, 400] },
  ],
  closures: [
    { scope: "midden", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
    { scope: "12AB00", startDate: "2026-03-25", endDate: "2026-03-25", name: "studiedag" },
  ],
};

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function readBoth(path: string) {
  expect(await hasNoQuotesOrCarriageReturns(path)).toBe(true);
  const plan = await planParallelRead(path, ";", "utf-8", 0);
  expect(plan).toBeDefined();
  const sequential = { errors: new ErrorCollector(), state: { rows: 0, header: new Set() } };
  const parallel = { errors: new ErrorCollector(), state: { rows: 0, header: new Set() } };
  const validate = attendanceKind.validatorFor?.(context);
  if (validate === undefined || plan === undefined) throw new Error("no parallel read");
  const a = await collect(
    stagedChunks(
      path,
      ";",
      "utf-8",
      attendanceKind,
      validate,
      sequential.errors,
      sequential.state as ReadState,
    ),
  );
  const b = await collect(
    parallelStagedChunks(
      path,
      plan,
      ";",
      attendanceKind,
      context,
      parallel.errors,
      parallel.state as ReadState,
      3,
    ),
  );
  return { sequential: { ...sequential, csv: a }, parallel: { ...parallel, csv: b } };
}

describe("parallel read", () => {
  it("stages a valid file exactly as the sequential read, in file order", async () => {
    const path = writeCsv(dir, "valid.csv", `${[HEADER, ...validLines()].join("\n")}`);
    const { sequential, parallel } = await readBoth(path);
    expect(parallel.errors.total).toBe(0);
    expect(parallel.state.rows).toBe(validLines().length);
    expect(parallel.csv.split("\n").length).toBe(validLines().length + 1);
    expect(parallel.csv).toBe(sequential.csv);
    expect([...parallel.state.header]).toEqual([...sequential.state.header]);
  });

  it("reports the same errors by line and column as the sequential read", async () => {
    const path = writeCsv(dir, "faulty.csv", faultyText());
    const { sequential, parallel } = await readBoth(path);
    expect(sequential.errors.total).toBeGreaterThan(100);
    expect(parallel.errors.total).toBe(sequential.errors.total);
    expect(parallel.errors.list()).toEqual(sequential.errors.list());
    expect(parallel.state.rows).toBe(sequential.state.rows);
    expect(parallel.csv).toBe(sequential.csv);
  });

  it("leaves a file with quotes, carriage returns or invalid UTF-8 to the sequential read", async () => {
    const quoted = writeCsv(dir, "quoted.csv", `${HEADER}\nP001;12AB00;2026-03-02;1;5;sick;"a"\n`);
    const crlf = writeCsv(dir, "crlf.csv", `${HEADER}\r\nP001;12AB00;2026-03-02;1;5;sick;\r\n`);
    expect(await hasNoQuotesOrCarriageReturns(quoted)).toBe(false);
    expect(await hasNoQuotesOrCarriageReturns(crlf)).toBe(false);
    const latin = writeCsv(dir, "latin.csv", "");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(
      latin,
      Buffer.from(`${HEADER}\nP001;12AB00;2026-03-02;1;5;sick;caf\xe9\n`, "latin1"),
    );
    expect(await planParallelRead(latin, ";", "utf-8", 0)).toBeUndefined();
    expect(await planParallelRead(latin, ";", "windows-1252", 0)).toBeDefined();
    const blankFirst = writeCsv(
      dir,
      "blank.csv",
      `\n${HEADER}\nP001;12AB00;2026-03-02;1;5;sick;\n`,
    );
    expect(await planParallelRead(blankFirst, ";", "utf-8", 0)).toBeUndefined();
  });
});

describe.each(engines())("import through worker threads on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => {
    await emptyDatabase(db);
    await importRegion(db, dir);
  });
  afterAll(async () => {
    await dispose();
  });

  const stored = () =>
    db.sql.query(
      `SELECT pupil_id, to_char(date, 'YYYY-MM-DD') AS date, period, school_id, minutes, reason,
              note FROM attendance ORDER BY pupil_id, date, period`,
    );

  it("imports what the sequential read imports", async () => {
    const path = writeCsv(dir, "attendance.csv", `${[HEADER, ...validLines()].join("\n")}\n`);
    const parallel = await importFile(db, {
      kind: "attendance",
      path,
      actor: "test",
      parallelMinBytes: 0,
    });
    expect(parallel).toMatchObject({ outcome: "imported", inserted: validLines().length });
    const rows = await stored();
    expect(rows).toHaveLength(validLines().length);
    expect(REGION.pupils).toContain("P003");
    await emptyDatabase(db);
    await importRegion(db, dir);
    const sequential = await importFile(db, {
      kind: "attendance",
      path,
      actor: "test",
      parallelMinBytes: Number.POSITIVE_INFINITY,
    });
    expect(sequential).toMatchObject({ outcome: "imported", inserted: validLines().length });
    expect(await stored()).toEqual(rows);
  });

  it("refuses a faulty file with the sequential read's errors and writes nothing", async () => {
    const path = writeCsv(dir, "attendance.csv", faultyText());
    const run = (parallelMinBytes: number) =>
      importFile(db, { kind: "attendance", path, actor: "test", parallelMinBytes });
    const parallel = await run(0);
    const sequential = await run(Number.POSITIVE_INFINITY);
    expect(parallel.outcome).toBe("rejected");
    expect(parallel.errorsTotal).toBe(sequential.errorsTotal);
    expect(parallel.errors).toEqual(sequential.errors);
    expect(parallel.rows).toBe(sequential.rows);
    expect(await stored()).toEqual([]);
  });
});
