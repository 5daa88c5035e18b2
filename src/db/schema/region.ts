// Tables for the canonical imports of interfaces.md ("Canonical CSV files").
// Natural keys are primary keys, so an import decides insert vs update by them.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

export const schools = pgTable("schools", {
  schoolId: text("school_id").primaryKey(),
  name: text("name").notNull(),
  sector: text("sector").notNull(),
  municipality: text("municipality").notNull(),
  partnership: text("partnership").notNull(),
  holidayRegion: text("holiday_region").notNull(),
  minutesMon: integer("minutes_mon").notNull(),
  minutesTue: integer("minutes_tue").notNull(),
  minutesWed: integer("minutes_wed").notNull(),
  minutesThu: integer("minutes_thu").notNull(),
  minutesFri: integer("minutes_fri").notNull(),
});

export const closures = pgTable(
  "closures",
  {
    scope: text("scope").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    name: text("name").notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.startDate] })],
);

export const pupils = pgTable(
  "pupils",
  {
    pupilId: text("pupil_id").primaryKey(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    municipality: text("municipality").notNull(),
    // Known date a start qualification was obtained: it ends the qualification duty (domain §4).
    startQualificationDate: date("start_qualification_date", { mode: "string" }),
    /** HMAC-SHA256 of the BSN under the region key (issue 18: never the BSN in clear), for matching. */
    bsnHash: text("bsn_hash"),
  },
  (t) => [
    index("pupils_municipality_idx").on(t.municipality),
    index("pupils_bsn_hash_idx").on(t.bsnHash),
  ],
);

/** Contact persons of a pupil; position 1 is the first contact of pupils.csv. */
export const pupilContacts = pgTable(
  "pupil_contacts",
  {
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    position: integer("position").notNull(),
    name: text("name"),
    email: text("email"),
    phone: text("phone"),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.position] })],
);

export const enrolments = pgTable(
  "enrolments",
  {
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.schoolId),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    grade: text("grade"),
  },
  (t) => [
    primaryKey({ columns: [t.pupilId, t.schoolId, t.startDate] }),
    index("enrolments_school_idx").on(t.schoolId),
  ],
);

export const attendance = pgTable(
  "attendance",
  {
    pupilId: text("pupil_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    period: text("period").notNull(),
    schoolId: text("school_id").notNull(),
    minutes: integer("minutes").notNull(),
    reason: text("reason").notNull(),
    note: text("note"),
    importId: integer("import_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.pupilId, t.date, t.period] }),
    index("attendance_school_date_idx").on(t.schoolId, t.date),
    index("attendance_date_idx").on(t.date),
  ],
);

/** Every correction of an attendance row: the old and the new value, by whom, from what file. */
export const attendanceHistory = pgTable(
  "attendance_history",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    pupilId: text("pupil_id").notNull(),
    date: date("date", { mode: "string" }).notNull(),
    period: text("period").notNull(),
    oldSchoolId: text("old_school_id"),
    oldMinutes: integer("old_minutes"),
    oldReason: text("old_reason"),
    oldNote: text("old_note"),
    newSchoolId: text("new_school_id").notNull(),
    newMinutes: integer("new_minutes").notNull(),
    newReason: text("new_reason").notNull(),
    newNote: text("new_note"),
    importId: integer("import_id"),
    changedBy: text("changed_by").notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("attendance_history_key_idx").on(t.pupilId, t.date, t.period)],
);

export const population = pgTable(
  "population",
  {
    personId: text("person_id").primaryKey(),
    givenName: text("given_name").notNull(),
    familyName: text("family_name").notNull(),
    birthDate: date("birth_date", { mode: "string" }).notNull(),
    municipality: text("municipality").notNull(),
    registeredFrom: date("registered_from", { mode: "string" }).notNull(),
    /** HMAC-SHA256 of the BSN under the region key, as on pupils (never the BSN in clear). */
    bsnHash: text("bsn_hash"),
  },
  (t) => [
    index("population_municipality_idx").on(t.municipality),
    index("population_bsn_hash_idx").on(t.bsnHash),
  ],
);

export const exemptions = pgTable(
  "exemptions",
  {
    pupilId: text("pupil_id").notNull(),
    kind: text("kind").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }),
    advicePartnership: boolean("advice_partnership").notNull().default(false),
    adviceDoctor: boolean("advice_doctor").notNull().default(false),
    decidedBy: text("decided_by"),
  },
  (t) => [primaryKey({ columns: [t.pupilId, t.kind, t.startDate] })],
);

export const importLog = pgTable("import_log", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  kind: text("kind").notNull(),
  fileName: text("file_name").notNull(),
  checksum: text("checksum").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
  outcome: text("outcome").notNull(),
  rowsTotal: integer("rows_total").notNull().default(0),
  inserted: integer("inserted").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  errors: jsonb("errors").notNull().default(sql`'[]'::jsonb`),
  actor: text("actor").notNull(),
  /** The column mapping the file was read through (issue 14), or null for a canonical file. */
  mapping: text("mapping"),
});

/**
 * Column mappings (issue 14 item 3; src/import/column-mapping.ts): how one source's export maps
 * onto a canonical file — its columns, fixed values, code translations and encoding — saved once
 * and reused by name. `school_id` is the source's school (null: a source of the whole region).
 */
export const importMappings = pgTable(
  "import_mappings",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    schoolId: text("school_id"),
    encoding: text("encoding").notNull().default("utf-8"),
    columns: jsonb("columns").notNull().default(sql`'{}'::jsonb`),
    fixed: jsonb("fixed").notNull().default(sql`'{}'::jsonb`),
    values: jsonb("values").notNull().default(sql`'{}'::jsonb`),
    /** Canonical date column → the source's date format (`dd-mm-jjjj`, `d-m-jjjj`, …). */
    dates: jsonb("dates").notNull().default(sql`'{}'::jsonb`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by"),
  },
  (t) => [uniqueIndex("import_mappings_name_idx").on(sql`lower(${t.name})`)],
);
