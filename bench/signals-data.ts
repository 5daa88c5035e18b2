// Streaming generator of the signals benchmark's synthetic region: N pupils over school year
// 2025-2026, written as canonical CSV files (interfaces.md) to a directory. Pupils, enrolments
// and attendance are chunked per pupil range (`attendance-0003.csv` holds the pupils of chunk 3,
// in pupil order), so memory stays flat at a million pupils and a reader can stream per pupil.
import { closeSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join } from "node:path";
import { generateAttendance } from "./synthetic/attendance.ts";
import { randomFor } from "./synthetic/prng.ts";
import { makePupil } from "./synthetic/pupils.ts";
import {
  makeClosures,
  makeSchools,
  type SchoolDay,
  type SyntheticSchool,
  schoolDaysOf,
} from "./synthetic/region.ts";

/** Bumped whenever the generated data changes, so cached directories are not reused. */
export const GENERATOR_VERSION = 1;

export interface GenerateOptions {
  pupils: number;
  seed: number;
  dir: string;
  /** Pupils per chunk file. */
  chunkSize?: number;
}

export interface GeneratedData {
  dir: string;
  chunks: number;
  schools: number;
  attendanceRows: number;
  enrolments: number;
}

const HEADERS = {
  schools:
    "school_id,name,sector,municipality,partnership,holiday_region,minutes_mon,minutes_tue,minutes_wed,minutes_thu,minutes_fri\n",
  closures: "scope,start_date,end_date,name\n",
  pupils:
    "pupil_id,given_name,family_name,birth_date,municipality,parent_name,parent_email,parent_phone\n",
  enrolments: "pupil_id,school_id,start_date,end_date,grade\n",
  attendance: "pupil_id,school_id,date,period,minutes,reason,note\n",
};

/** A file written through a 1 MB buffer with synchronous writes: simple and constant memory. */
class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;
  constructor(path: string, header: string) {
    this.fd = openSync(path, "w");
    this.write(header);
  }
  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

export function chunkFileName(kind: "pupils" | "enrolments" | "attendance", chunk: number): string {
  return `${kind}-${String(chunk).padStart(4, "0")}.csv`;
}

function writeRegion(dir: string, schools: readonly SyntheticSchool[]): void {
  const out = new BufferedFile(join(dir, "schools.csv"), HEADERS.schools);
  for (const s of schools) {
    const sector = s.kind.startsWith("po") ? "po" : "vo";
    const name = `${sector === "po" ? "Basisschool" : "Scholengemeenschap"} ${s.schoolId}`;
    const partnership = sector === "po" ? "PO9901" : "VO9901";
    out.write(
      `${s.schoolId},${name},${sector},Veendorp,${partnership},${s.region},${s.minutes.join(",")}\n`,
    );
  }
  out.close();
  const closures = new BufferedFile(join(dir, "closures.csv"), HEADERS.closures);
  for (const c of makeClosures(schools)) {
    closures.write(`${c.scope},${c.startDate},${c.endDate},${c.name}\n`);
  }
  closures.close();
}

export function generateSignalsData(options: GenerateOptions): GeneratedData {
  const { pupils, seed, dir } = options;
  const chunkSize = options.chunkSize ?? 50_000;
  mkdirSync(dir, { recursive: true });
  const schools = makeSchools(pupils);
  writeRegion(dir, schools);
  const closures = makeClosures(schools);
  const daysBySchool = new Map<SyntheticSchool, SchoolDay[]>(
    schools.map((s) => [s, schoolDaysOf(s, closures)]),
  );
  const pools = {
    primary: schools.filter((s) => s.kind.startsWith("po")),
    secondary: schools.filter((s) => s.kind.startsWith("vo")),
  };
  let attendanceRows = 0;
  let enrolmentCount = 0;
  const chunks = Math.ceil(pupils / chunkSize);
  for (let chunk = 0; chunk < chunks; chunk++) {
    const pupilFile = new BufferedFile(join(dir, chunkFileName("pupils", chunk)), HEADERS.pupils);
    const enrolmentFile = new BufferedFile(
      join(dir, chunkFileName("enrolments", chunk)),
      HEADERS.enrolments,
    );
    const attendanceFile = new BufferedFile(
      join(dir, chunkFileName("attendance", chunk)),
      HEADERS.attendance,
    );
    const emit = (line: string) => {
      attendanceRows++;
      attendanceFile.write(line);
    };
    const last = Math.min(pupils, (chunk + 1) * chunkSize);
    for (let index = chunk * chunkSize; index < last; index++) {
      const random = randomFor(seed, index);
      const pupil = makePupil(index, random, pools);
      const parent = `Ouder ${pupil.family}`;
      pupilFile.write(
        `${pupil.pupilId},${pupil.given},${pupil.family},${pupil.birthDate},${pupil.municipality},${parent},ouder.${pupil.pupilId.toLowerCase()}@example.org,0600000000\n`,
      );
      for (const e of pupil.enrolments) {
        enrolmentCount++;
        enrolmentFile.write(
          `${pupil.pupilId},${e.school.schoolId},${e.startDate},${e.endDate ?? ""},${e.grade}\n`,
        );
        generateAttendance(pupil, e, daysBySchool.get(e.school) ?? [], random, emit);
      }
    }
    pupilFile.close();
    enrolmentFile.close();
    attendanceFile.close();
  }
  return { dir, chunks, schools: schools.length, attendanceRows, enrolments: enrolmentCount };
}
