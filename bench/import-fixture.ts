// Synthetic region for the import benchmark: schools, closures, pupils, enrolments and a large
// attendance file whose rows all pass validation (school days only, ≤ the day's minutes).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { join } from "node:path";
import { addDays, dayNumber, fromDayNumber } from "../src/domain/calendar/dates.ts";
import { buildSchoolCalendar, type Closure } from "../src/domain/calendar/school-calendar.ts";

export const SCHOOLS = 20;
const ROWS_PER_PUPIL = 50;
const LESSONS = 8;
const LESSON_MINUTES = 50;
const REASONS = ["sick", "truant", "medical", "unreported", "sick", "late", "leave", "removed"];

const CLOSURES: Closure[] = [
  { scope: "midden", startDate: "2025-10-18", endDate: "2025-10-26", name: "herfstvakantie" },
  { scope: "midden", startDate: "2025-12-20", endDate: "2026-01-04", name: "kerstvakantie" },
  { scope: "midden", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
  { scope: "all", startDate: "2026-04-25", endDate: "2026-05-05", name: "meivakantie" },
  { scope: "10BN00", startDate: "2026-03-25", endDate: "2026-03-25", name: "studiedag" },
];

export interface FixtureFiles {
  schools: string;
  closures: string;
  pupils: string;
  enrolments: string;
  attendance: string;
  rows: number;
  pupils_count: number;
}

// BRIN + vestiging (src/domain/input/identifiers.ts): 10BN00, 11BN00, …
const schoolId = (s: number) => `${String(10 + s).padStart(2, "0")}BN00`;
const pupilId = (p: number) => `P${String(p).padStart(7, "0")}`;

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let buffer = "";
  for (const line of lines) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}

function schoolDays(school: number): string[] {
  const timetable = {
    schoolId: schoolId(school),
    holidayRegion: "midden" as const,
    minutesByWeekday: [400, 400, 400, 400, 400] as const,
  };
  const calendar = buildSchoolCalendar(timetable, CLOSURES);
  const days: string[] = [];
  for (let d = dayNumber("2025-09-01"); d <= dayNumber("2026-07-10"); d++) {
    if (calendar.isSchoolDayNumber(d)) days.push(fromDayNumber(d));
  }
  return days;
}

/**
 * Pupil i has ROWS_PER_PUPIL rows: row k on school day (i + 3k) mod n, lesson k mod 8 + 1.
 * With n > 3·ROWS_PER_PUPIL the (day, lesson) pairs of one pupil never repeat.
 */
function* attendanceLines(rows: number): Generator<string> {
  yield "pupil_id;school_id;date;period;minutes;reason;note";
  const daysBySchool = Array.from({ length: SCHOOLS }, (_, s) => schoolDays(s));
  for (let row = 0; row < rows; row++) {
    const pupil = Math.floor(row / ROWS_PER_PUPIL);
    const k = row % ROWS_PER_PUPIL;
    const school = pupil % SCHOOLS;
    const days = daysBySchool[school]!;
    const date = days[(pupil + 3 * k) % days.length]!;
    const reason = REASONS[(pupil + k) % REASONS.length]!;
    const minutes = reason === "late" ? 10 : LESSON_MINUTES;
    const note = k % 10 === 0 ? "gebeld met ouder" : "";
    yield `${pupilId(pupil)};${schoolId(school)};${date};${(k % LESSONS) + 1};${minutes};${reason};${note}`;
  }
}

export async function writeFixture(dir: string, rows: number): Promise<FixtureFiles> {
  const pupils = Math.ceil(rows / ROWS_PER_PUPIL);
  const files = {
    schools: join(dir, "schools.csv"),
    closures: join(dir, "closures.csv"),
    pupils: join(dir, "pupils.csv"),
    enrolments: join(dir, "enrolments.csv"),
    attendance: join(dir, "attendance.csv"),
  };
  const minutes = Array(5)
    .fill(LESSONS * LESSON_MINUTES)
    .join(";");
  await writeLines(files.schools, [
    "school_id;name;sector;municipality;partnership;holiday_region;minutes_mon;minutes_tue;minutes_wed;minutes_thu;minutes_fri",
    ...Array.from({ length: SCHOOLS }, (_, s) => {
      return `${schoolId(s)};School ${s};vo;Gemeente ${s % 4};VO2606;midden;${minutes}`;
    }),
  ]);
  await writeLines(files.closures, [
    "scope;start_date;end_date;name",
    ...CLOSURES.map((c) => `${c.scope};${c.startDate};${c.endDate};${c.name}`),
  ]);
  const birth = (p: number) => addDays("2010-01-01", (p * 7) % 1800);
  await writeLines(
    files.pupils,
    (function* () {
      yield "pupil_id;given_name;family_name;birth_date;municipality";
      for (let p = 0; p < pupils; p++) {
        yield `${pupilId(p)};Kind${p};Synthetisch;${birth(p)};Gemeente ${p % 4}`;
      }
    })(),
  );
  await writeLines(
    files.enrolments,
    (function* () {
      yield "pupil_id;school_id;start_date;end_date;grade";
      for (let p = 0; p < pupils; p++) yield `${pupilId(p)};${schoolId(p % SCHOOLS)};2025-08-18;;2`;
    })(),
  );
  await writeLines(files.attendance, attendanceLines(rows));
  return { ...files, rows, pupils_count: pupils };
}
