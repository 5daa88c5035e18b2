// Writes a generated demo region into the database: clears the region tables and bulk-loads
// every table with COPY, all in one transaction (a failed load leaves the old data intact).
import type { Database, TxClient } from "../db/connect.ts";
import { CASE_TABLES_IN_CLEAR_ORDER } from "./cases.ts";
import type { DemoRegion } from "./types.ts";

/** Tables the demo replaces, children before parents; later demo parts add theirs here. */
export const DEMO_TABLES_IN_CLEAR_ORDER = [
  ...CASE_TABLES_IN_CLEAR_ORDER,
  "attendance_history",
  "attendance",
  "exemptions",
  "population",
  "enrolments",
  "pupil_contacts",
  "pupils",
  "closures",
  "schools",
] as const;

export type DemoTableCounts = Record<
  | "schools"
  | "closures"
  | "pupils"
  | "pupil_contacts"
  | "enrolments"
  | "attendance"
  | "population"
  | "exemptions",
  number
>;

export interface DemoWriteResult {
  /** True when the database held region data that the demo replaced. */
  replaced: boolean;
  counts: DemoTableCounts;
}

type CsvValue = string | number | boolean | null;

function csvField(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  // Quote everything textual: an empty string must stay distinct from NULL.
  return `"${value.replaceAll('"', '""')}"`;
}

/** CSV text in chunks of rows, so the biggest table never becomes one giant string. */
export function* csvChunks<T>(rows: readonly T[], toFields: (row: T) => CsvValue[], size = 5000) {
  for (let offset = 0; offset < rows.length; offset += size) {
    let chunk = "";
    const end = Math.min(rows.length, offset + size);
    for (let i = offset; i < end; i++) {
      chunk += `${toFields(rows[i] as T)
        .map(csvField)
        .join(",")}\n`;
    }
    yield chunk;
  }
}

async function copy<T>(
  tx: TxClient,
  table: string,
  columns: string[],
  rows: readonly T[],
  toFields: (row: T) => CsvValue[],
) {
  if (rows.length === 0) return;
  await tx.copyCsv(table, columns, csvChunks(rows, toFields));
}

export async function writeDemoRegion(db: Database, region: DemoRegion): Promise<DemoWriteResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.query<{ present: boolean }>(
      "select exists (select 1 from schools) or exists (select 1 from pupils) or exists (select 1 from population) as present",
    );
    await tx.exec(`TRUNCATE ${DEMO_TABLES_IN_CLEAR_ORDER.join(", ")}`);

    await copy(
      tx,
      "schools",
      [
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
      region.schools,
      (s) => [
        s.schoolId,
        s.name,
        s.sector,
        s.municipality,
        s.partnership,
        s.holidayRegion,
        ...s.minutesByWeekday,
      ],
    );
    await copy(
      tx,
      "closures",
      ["scope", "start_date", "end_date", "name"],
      region.closures,
      (c) => [c.scope, c.startDate, c.endDate, c.name],
    );
    await copy(
      tx,
      "pupils",
      ["pupil_id", "given_name", "family_name", "birth_date", "municipality"],
      region.pupils,
      (p) => [p.pupilId, p.givenName, p.familyName, p.birthDate, p.municipality],
    );
    await copy(
      tx,
      "pupil_contacts",
      ["pupil_id", "position", "name", "email", "phone"],
      region.contacts,
      (c) => [c.pupilId, c.position, c.name, c.email, c.phone],
    );
    await copy(
      tx,
      "enrolments",
      ["pupil_id", "school_id", "start_date", "end_date", "grade"],
      region.enrolments,
      (e) => [e.pupilId, e.schoolId, e.startDate, e.endDate, e.grade],
    );
    await copy(
      tx,
      "attendance",
      ["pupil_id", "date", "period", "school_id", "minutes", "reason", "note"],
      region.attendance,
      (a) => [a.pupilId, a.date, a.period, a.schoolId, a.minutes, a.reason, a.note],
    );
    await copy(
      tx,
      "population",
      ["person_id", "given_name", "family_name", "birth_date", "municipality", "registered_from"],
      region.population,
      (p) => [p.personId, p.givenName, p.familyName, p.birthDate, p.municipality, p.registeredFrom],
    );
    await copy(
      tx,
      "exemptions",
      ["pupil_id", "kind", "start_date", "end_date", "advice_partnership", "advice_doctor"],
      region.exemptions,
      (e) => [e.pupilId, e.kind, e.startDate, e.endDate, e.advicePartnership, e.adviceDoctor],
    );

    return {
      replaced: existing?.present === true,
      counts: {
        schools: region.schools.length,
        closures: region.closures.length,
        pupils: region.pupils.length,
        pupil_contacts: region.contacts.length,
        enrolments: region.enrolments.length,
        attendance: region.attendance.length,
        population: region.population.length,
        exemptions: region.exemptions.length,
      },
    };
  });
}
