// Runs the project's TypeScript signal rules (src/domain/signals) over a directory written by
// bench/signals-data.ts, streaming per pupil: one chunk's pupils and enrolments in memory, its
// attendance read in blocks and grouped per pupil (the generator writes it in pupil order).
// Reads the generator's own output: unquoted fields, `,` separator, header names as written.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { IsoDate } from "../src/domain/calendar/dates.ts";
import {
  buildSchoolCalendar,
  type Closure,
  type HolidayRegion,
  type SchoolCalendar,
} from "../src/domain/calendar/school-calendar.ts";
import type { AttendanceRecord, EvaluationUnit, Signal } from "../src/domain/signals/types.ts";
import { readAttendanceFile } from "./attendance-reader.ts";
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

/** The named columns of a CSV file, per line (cheaper than an object per line for big files). */
function readColumns(path: string, columns: readonly string[]): string[][] {
  const [header, ...lines] = readFileSync(path, "latin1").split("\n");
  const names = (header ?? "").replace(/\r$/, "").split(",");
  const at = columns.map((c) => names.indexOf(c));
  if (at.some((i) => i < 0)) throw new Error(`${path} lacks one of ${columns.join(", ")}`);
  const out: string[][] = [];
  for (const raw of lines) {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "") continue;
    const fields = line.split(",");
    out.push(at.map((i) => fields[i] ?? ""));
  }
  return out;
}

export function loadCalendars(dir: string): Map<string, SchoolCalendar> {
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

/** One pupil of the data: a unit per school the pupil has an enrolment at, rows as read. */
export interface PupilUnits {
  pupilId: string;
  birthDate: string;
  units: EvaluationUnit[];
}

/**
 * Streams the data per pupil (the generator writes attendance in pupil order): one chunk's
 * pupils and enrolments in memory, its attendance read in blocks (attendance-reader.ts). `visit` gets every pupil
 * with an enrolment, also those without any attendance row (after the chunk's rows).
 */
export async function forEachPupil(
  dir: string,
  chunks: number | readonly number[],
  calendars: ReadonlyMap<string, SchoolCalendar>,
  visit: (pupil: PupilUnits) => void,
): Promise<void> {
  const list = typeof chunks === "number" ? Array.from({ length: chunks }, (_, i) => i) : chunks;
  for (const chunk of list) {
    const birthDates = new Map<string, string>();
    for (const [pupilId = "", birthDate = ""] of readColumns(
      join(dir, chunkFileName("pupils", chunk)),
      ["pupil_id", "birth_date"],
    )) {
      birthDates.set(pupilId, birthDate);
    }
    const enrolments = new Map<string, Map<string, EvaluationUnit["enrolments"][number][]>>();
    for (const [pupilId = "", schoolId = "", startDate = "", endDate = ""] of readColumns(
      join(dir, chunkFileName("enrolments", chunk)),
      ["pupil_id", "school_id", "start_date", "end_date"],
    )) {
      const bySchool = enrolments.get(pupilId) ?? new Map();
      enrolments.set(pupilId, bySchool);
      const list = bySchool.get(schoolId) ?? [];
      bySchool.set(schoolId, list);
      list.push({ startDate, endDate: endDate || null });
    }
    const emit = (pupilId: string, rows: Map<string, AttendanceRecord[]>) => {
      const pupil = { id: pupilId, birthDate: birthDates.get(pupilId) ?? "" };
      const units: EvaluationUnit[] = [];
      for (const [schoolId, periods] of enrolments.get(pupilId) ?? []) {
        const calendar = calendars.get(schoolId);
        if (!calendar) throw new Error(`unknown school ${schoolId} for ${pupilId}`);
        units.push({ pupil, calendar, enrolments: periods, attendance: rows.get(schoolId) ?? [] });
      }
      enrolments.delete(pupilId);
      visit({ pupilId, birthDate: pupil.birthDate, units });
    };
    let current = "";
    let rows = new Map<string, AttendanceRecord[]>();
    readAttendanceFile(join(dir, chunkFileName("attendance", chunk)), (pupilId, schoolId, row) => {
      if (pupilId !== current) {
        if (current !== "") emit(current, rows);
        if (!enrolments.has(pupilId))
          throw new Error(`attendance of ${pupilId} out of pupil order`);
        current = pupilId;
        rows = new Map();
      }
      let list = rows.get(schoolId);
      if (!list) {
        list = [];
        rows.set(schoolId, list);
      }
      list.push(row);
    });
    if (current !== "") emit(current, rows);
    // Pupils without any attendance row in the file.
    for (const pupilId of [...enrolments.keys()]) emit(pupilId, new Map());
  }
}

export function toPeerSignal(s: Signal): PeerSignal {
  return {
    pupil_id: s.pupilId,
    school_id: s.schoolId,
    code: s.code,
    as_of: s.asOf,
    legal: s.code === "LONG_TERM_ABSENT" ? (s.attributes.legal ?? null) : null,
  };
}

export interface TsRunResult {
  units: number;
  signals: PeerSignal[];
  /** Wall seconds spent inside evaluateUnit (the rest is reading and parsing the CSV). */
  evaluateSeconds: number;
}

/** Evaluates every (pupil, school) pair with an enrolment at `asOf`; the rules decide activity. */
export async function runTsSignals(
  dir: string,
  chunks: number | readonly number[],
  asOf: IsoDate,
  evaluateUnit: EvaluateUnit,
): Promise<TsRunResult> {
  const signals: PeerSignal[] = [];
  let units = 0;
  let evaluateMs = 0;
  await forEachPupil(dir, chunks, loadCalendars(dir), (pupil) => {
    const started = performance.now();
    for (const unit of pupil.units) {
      units++;
      for (const s of evaluateUnit(unit, asOf)) signals.push(toPeerSignal(s));
    }
    evaluateMs += performance.now() - started;
  });
  return { units, signals, evaluateSeconds: Math.round(evaluateMs / 100) / 10 };
}

/**
 * The same over `threads` worker threads, each streaming its share of the chunk files (chunk k
 * to worker k mod threads), as DuckDB spreads its work over the machine's cores. Signals come
 * back sorted like a single-threaded run's (pupil order). `evaluateSeconds` is the largest
 * worker's.
 */
export async function runTsSignalsThreaded(
  dir: string,
  chunks: number,
  asOf: IsoDate,
  threads: number,
): Promise<TsRunResult> {
  const evaluateUnit = await loadTsEvaluation();
  if (!evaluateUnit) throw new Error("src/domain/signals/evaluate.ts exports no evaluateUnit");
  const workers = Math.max(1, Math.min(threads, chunks));
  if (workers === 1) return runTsSignals(dir, chunks, asOf, evaluateUnit);
  const shares = Array.from({ length: workers }, (_, w) =>
    Array.from({ length: chunks }, (_, c) => c).filter((c) => c % workers === w),
  );
  const results = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ chunk: number; result: TsRunResult }[]>((resolve, reject) => {
          const worker = new Worker(new URL("./ts-signals-worker.ts", import.meta.url), {
            workerData: { dir, chunks: share, asOf },
          });
          worker.once("message", resolve);
          worker.once("error", reject);
          worker.once("exit", (code) => {
            if (code !== 0) reject(new Error(`signals worker stopped with ${code}`));
          });
        }),
    ),
  );
  const perChunk = results.flat().sort((a, b) => a.chunk - b.chunk);
  return {
    units: perChunk.reduce((n, r) => n + r.result.units, 0),
    signals: perChunk.flatMap((r) => r.result.signals),
    evaluateSeconds: Math.max(
      ...results.map((rs) => rs.reduce((sum, r) => sum + r.result.evaluateSeconds, 0)),
    ),
  };
}
