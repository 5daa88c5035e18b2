// Runs the project's TypeScript signal rules (src/domain/signals) over a directory written by
// bench/signals-data.ts, streaming per pupil: one chunk's pupils and enrolments in memory, its
// attendance read line by line and grouped per pupil (the generator writes it in pupil order).
// Reads the generator's own output: unquoted fields, `,` separator, header names as written.
import { createReadStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { IsoDate } from "../src/domain/calendar/dates.ts";
import {
  buildSchoolCalendar,
  type Closure,
  type HolidayRegion,
  type SchoolCalendar,
} from "../src/domain/calendar/school-calendar.ts";
import type { AttendanceRecord, EvaluationUnit, Signal } from "../src/domain/signals/types.ts";
import type { PeerSignal } from "./duckdb-signals.ts";
import { chunkFileName } from "./signals-data.ts";

export type EvaluateUnit = (unit: EvaluationUnit, asOf: IsoDate) => Signal[];

export const TS_EVALUATION_MODULE = "../src/domain/signals/evaluate.ts";

/** The TS `evaluateUnit`, or null while src/domain/signals/evaluate.ts does not export it. */
export async function loadTsEvaluation(): Promise<EvaluateUnit | null> {
  const path = new URL(TS_EVALUATION_MODULE, import.meta.url);
  if (!existsSync(path)) return null;
  const module: Record<string, unknown> = await import(path.href);
  const evaluate = module.evaluateUnit;
  return typeof evaluate === "function" ? (evaluate as EvaluateUnit) : null;
}

function readTable(path: string): Array<Record<string, string>> {
  const [header, ...lines] = readFileSync(path, "utf8").split(/\r?\n/).filter(Boolean);
  const names = (header ?? "").split(",");
  return lines.map((line) => {
    const fields = line.split(",");
    return Object.fromEntries(names.map((name, i) => [name, fields[i] ?? ""]));
  });
}

function loadCalendars(dir: string): Map<string, SchoolCalendar> {
  const closures: Closure[] = readTable(join(dir, "closures.csv")).map((c) => ({
    scope: c.scope ?? "",
    startDate: c.start_date ?? "",
    endDate: c.end_date ?? "",
    name: c.name ?? "",
  }));
  const calendars = new Map<string, SchoolCalendar>();
  for (const s of readTable(join(dir, "schools.csv"))) {
    const minutes = ["mon", "tue", "wed", "thu", "fri"].map((d) => Number(s[`minutes_${d}`]));
    const schoolId = s.school_id ?? "";
    calendars.set(
      schoolId,
      buildSchoolCalendar(
        {
          schoolId,
          holidayRegion: s.holiday_region as HolidayRegion,
          minutesByWeekday: minutes as [number, number, number, number, number],
        },
        closures,
      ),
    );
  }
  return calendars;
}

export interface TsRunResult {
  units: number;
  signals: PeerSignal[];
}

/** Evaluates every (pupil, school) pair with an enrolment at `asOf`; the rules decide activity. */
export async function runTsSignals(
  dir: string,
  chunks: number,
  asOf: IsoDate,
  evaluateUnit: EvaluateUnit,
): Promise<TsRunResult> {
  const calendars = loadCalendars(dir);
  const signals: PeerSignal[] = [];
  let units = 0;
  for (let chunk = 0; chunk < chunks; chunk++) {
    const birthDates = new Map<string, string>();
    for (const p of readTable(join(dir, chunkFileName("pupils", chunk)))) {
      birthDates.set(p.pupil_id ?? "", p.birth_date ?? "");
    }
    const enrolments = new Map<string, Map<string, EvaluationUnit["enrolments"][number][]>>();
    for (const e of readTable(join(dir, chunkFileName("enrolments", chunk)))) {
      const bySchool = enrolments.get(e.pupil_id ?? "") ?? new Map();
      enrolments.set(e.pupil_id ?? "", bySchool);
      const list = bySchool.get(e.school_id ?? "") ?? [];
      bySchool.set(e.school_id ?? "", list);
      list.push({ startDate: e.start_date ?? "", endDate: e.end_date || null });
    }
    const evaluatePupil = (pupilId: string, rows: Map<string, AttendanceRecord[]>) => {
      for (const [schoolId, periods] of enrolments.get(pupilId) ?? []) {
        const calendar = calendars.get(schoolId);
        if (!calendar) throw new Error(`unknown school ${schoolId} for ${pupilId}`);
        units++;
        const unit: EvaluationUnit = {
          pupil: { id: pupilId, birthDate: birthDates.get(pupilId) ?? "" },
          calendar,
          enrolments: periods,
          attendance: rows.get(schoolId) ?? [],
        };
        for (const s of evaluateUnit(unit, asOf)) {
          signals.push({
            pupil_id: s.pupilId,
            school_id: s.schoolId,
            code: s.code,
            as_of: s.asOf,
            legal: s.code === "LONG_TERM_ABSENT" ? (s.attributes.legal ?? null) : null,
          });
        }
      }
      enrolments.delete(pupilId);
    };
    let current = "";
    let rows = new Map<string, AttendanceRecord[]>();
    const lines = createInterface({
      input: createReadStream(join(dir, chunkFileName("attendance", chunk))),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    let header = true;
    for await (const line of lines) {
      if (header || line === "") {
        header = false;
        continue;
      }
      // pupil_id,school_id,date,period,minutes,reason,note
      const [pupilId = "", schoolId = "", date = "", period = "", minutes = "", reason = ""] =
        line.split(",");
      if (pupilId !== current) {
        if (current !== "") evaluatePupil(current, rows);
        if (!enrolments.has(pupilId))
          throw new Error(`attendance of ${pupilId} out of pupil order`);
        current = pupilId;
        rows = new Map();
      }
      const list = rows.get(schoolId) ?? [];
      rows.set(schoolId, list);
      list.push({
        date,
        period,
        minutes: Number(minutes),
        reason: reason as AttendanceRecord["reason"],
      });
    }
    if (current !== "") evaluatePupil(current, rows);
    // Pupils without any attendance row in the file.
    for (const pupilId of [...enrolments.keys()]) evaluatePupil(pupilId, new Map());
  }
  return { units, signals };
}
