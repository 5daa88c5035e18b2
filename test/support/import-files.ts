// Hand-made canonical files for the import tests: a small synthetic region (two schools in
// holiday region midden, three pupils, one person known only from the population register).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "../../src/db/connect.ts";
import type { ImportKind } from "../../src/import/kind-spec.ts";
import { type ImportResult, importFile } from "../../src/import/run-import.ts";

export const REGION: Record<Exclude<ImportKind, "attendance">, string> = {
  schools: `school_id;name;sector;municipality;partnership;holiday_region;minutes_mon;minutes_tue;minutes_wed;minutes_thu;minutes_fri
12AB00;De Regenboog;po;Utrecht;PO2605;midden;330;330;210;330;330
34CD00;Het Lyceum;vo;Utrecht;VO2606;midden;400;400;400;400;400
`,
  closures: `scope,start_date,end_date,name
midden,2026-02-14,2026-02-22,voorjaarsvakantie
12AB00,2026-03-25,2026-03-25,studiedag
`,
  pupils: `pupil_id;given_name;family_name;birth_date;municipality;parent_name;parent_email;parent_phone
P001;Anna;Jansen;2015-04-01;Utrecht;Ouder Jansen;ouder@example.org;0612345678
P002;Bram;de Vries;2021-01-15;Utrecht;;;
P003;Cas;Bakker;2011-09-30;Utrecht;;;
`,
  enrolments: `pupil_id,school_id,start_date,end_date,grade
P001,12AB00,2019-08-15,,5
P002,12AB00,2025-01-16,,1
P003,34CD00,2023-08-20,,2
`,
  population: `person_id,given_name,family_name,birth_date,municipality,registered_from
X900,Dirk,Smit,2012-05-05,Utrecht,2012-05-05
`,
  exemptions: `pupil_id,kind,start_date,end_date,advice_partnership,advice_doctor
X900,5a,2025-09-01,,yes,no
`,
};

/** 2026-03-02 is a Monday; P002 is under 6 until 2027-01-15. */
export const ATTENDANCE = `pupil_id;school_id;date;period;minutes;reason;note
P001;12AB00;2026-03-02;am;180;sick;koorts
P001;12AB00;2026-03-02;pm;150;sick;
P003;34CD00;2026-03-03;1;50;truant;
P003;34CD00;2026-03-03;2;10;late;
P002;12AB00;2026-03-04;day;210;exempt_11a;
`;

export const BASE_KINDS = [
  "schools",
  "closures",
  "pupils",
  "enrolments",
  "population",
  "exemptions",
] as const;

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "aanwezig-import-"));
}

export function writeCsv(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Imports one file given as text; the file name is `<name>.csv` in dir. */
export async function importText(
  db: Database,
  dir: string,
  kind: ImportKind,
  text: string,
  name: string = kind,
): Promise<ImportResult> {
  return importFile(db, { kind, path: writeCsv(dir, `${name}.csv`, text), actor: "test" });
}

/** Imports the whole REGION (everything but attendance). */
export async function importRegion(db: Database, dir: string): Promise<void> {
  for (const kind of BASE_KINDS) {
    const result = await importText(db, dir, kind, REGION[kind]);
    if (result.outcome !== "imported") {
      throw new Error(`${kind} rejected: ${JSON.stringify(result.errors)}`);
    }
  }
}

/** School days of 34CD00 (400 scheduled minutes each) in March 2026. */
const MARCH_DAYS = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"].map(
  (d) => `2026-03-${d}`,
);
const manyPupilId = (p: number) => `P${String(p).padStart(5, "0")}`;

/** The REGION's schools and closures and `count` pupils P00000… (large-file tests). */
export async function importManyPupils(db: Database, dir: string, count: number): Promise<void> {
  for (const kind of ["schools", "closures"] as const)
    await importText(db, dir, kind, REGION[kind]);
  const [header] = REGION.pupils.split("\n");
  const rows = Array.from(
    { length: count },
    (_, p) => `${manyPupilId(p)};Kind;Test;2012-01-01;Utrecht;;;`,
  );
  await importText(db, dir, "pupils", [header, ...rows].join("\n"));
}

/** Each of `pupils` pupils absent in lessons 1..lessons of ten school days at 34CD00. */
export function manyAttendanceRows(pupils: number, lessons: number, minutes: number): string {
  const lines = ["pupil_id;school_id;date;period;minutes;reason;note"];
  for (let p = 0; p < pupils; p++) {
    for (const date of MARCH_DAYS) {
      for (let l = 1; l <= lessons; l++) {
        lines.push(`${manyPupilId(p)};34CD00;${date};${l};${minutes};sick;`);
      }
    }
  }
  return lines.join("\n");
}
