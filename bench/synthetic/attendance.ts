// Synthetic attendance for one pupil's enrolment: mostly present, with the patterns the signal
// rules of domain.md §4 look for (short and long sick episodes, half sick days, truancy bursts
// around 16 h in 4 lesweken, late arrivals, long-term absence full and partial in authorized and
// unauthorized categories, exempt_11a for under-6s). Rows record absence only, one per period.
import { intBetween, pick, type Random } from "./prng.ts";
import type { SyntheticEnrolment, SyntheticPupil } from "./pupils.ts";
import { periodsOf, type SchoolDay, type SyntheticSchool } from "./region.ts";

type Profile =
  | "normal"
  | "shortSick"
  | "longSick"
  | "truant"
  | "late"
  | "absentFull"
  | "absentPartial"
  | "halfSick"
  | "luxury";

const PROFILES: ReadonlyArray<[Profile, number]> = [
  ["shortSick", 0.1],
  ["longSick", 0.04],
  ["truant", 0.05],
  ["late", 0.05],
  ["absentFull", 0.025],
  ["absentPartial", 0.025],
  ["halfSick", 0.02],
  ["luxury", 0.02],
];

const AUTHORIZED = ["sick", "medical", "other_authorized", "leave", "religious"] as const;
const UNAUTHORIZED = ["unreported", "truant", "other_unauthorized", "removed"] as const;

function rollProfile(random: Random): Profile {
  let roll = random();
  for (const [profile, share] of PROFILES) {
    if (roll < share) return profile;
    roll -= share;
  }
  return "normal";
}

export type EmitRow = (line: string) => void;

const periodCache = new Map<string, Array<[string, number]>>();
function periodsCached(school: SyntheticSchool, minutes: number): Array<[string, number]> {
  const key = `${school.kind}:${minutes}`;
  let periods = periodCache.get(key);
  if (!periods) {
    periods = periodsOf(school, minutes);
    periodCache.set(key, periods);
  }
  return periods;
}

/** Writes the attendance rows of one enrolment, in date order, through `emit`. */
export function generateAttendance(
  pupil: SyntheticPupil,
  enrolment: SyntheticEnrolment,
  schoolDays: readonly SchoolDay[],
  random: Random,
  emit: EmitRow,
): void {
  const days = schoolDays.filter((d) => d.day >= enrolment.fromDay && d.day <= enrolment.toDay);
  if (days.length === 0) return;
  const school = enrolment.school;
  const primary = school.lessonMinutes === 0;
  const profile = rollProfile(random);
  const n = days.length;
  const longSickStart = profile === "longSick" ? intBetween(random, 0, n - 1) : -1;
  const longSickLength = intBetween(random, 8, 30);
  const absentFrom = profile.startsWith("absent") ? intBetween(random, 0, Math.floor(n * 0.9)) : -1;
  const absentKind = random(); // < 0.45 authorized, < 0.9 unauthorized, else mixed per day
  const burstStarts =
    profile === "truant" ? [intBetween(random, 0, n - 1), intBetween(random, 0, n - 1)] : [];
  const luxuryStart = profile === "luxury" ? intBetween(random, 0, n - 1) : -1;
  const exemptWeekday =
    pupil.sixthBirthday > days[0]!.day && random() < 0.4 ? intBetween(random, 1, 5) : 0;
  const sickStartRate = profile === "shortSick" ? 0.06 : 0.012;
  const lateRate = profile === "late" ? 0.3 : 0.01;
  const reasons: Array<string | null> = [];
  const minutes: number[] = [];
  let sickLeft = 0;

  for (let i = 0; i < n; i++) {
    const day = days[i]!;
    const periods = periodsCached(school, day.minutes);
    const slots = periods.length;
    for (let s = 0; s < slots; s++) {
      reasons[s] = null;
      minutes[s] = periods[s]![1];
    }
    // Art. 11a: a fixed afternoon at home each week while under 6 (at most 5 h a week).
    if (exemptWeekday > 0 && day.day < pupil.sixthBirthday && primary && slots === 2) {
      if (((day.day + 3) % 7) + 1 === exemptWeekday) reasons[1] = "exempt_11a";
    }
    const markAll = (reason: string) => {
      for (let s = 0; s < slots; s++) if (reasons[s] === null) reasons[s] = reason;
    };

    if (absentFrom >= 0 && i >= absentFrom) {
      const reason =
        absentKind < 0.45
          ? random() < 0.7
            ? "sick"
            : pick(random, AUTHORIZED)
          : absentKind < 0.9 || random() < 0.5
            ? pick(random, UNAUTHORIZED)
            : pick(random, AUTHORIZED);
      // Partial: the first lesson (VO) or the afternoon (PO) is attended.
      const from = profile === "absentPartial" ? (primary ? 0 : 1) : 0;
      const to = profile === "absentPartial" && primary ? 1 : slots;
      for (let s = from; s < to; s++) if (reasons[s] === null) reasons[s] = reason;
    } else if (longSickStart >= 0 && i >= longSickStart && i < longSickStart + longSickLength) {
      markAll("sick");
    } else if (luxuryStart >= 0 && i >= luxuryStart && i < luxuryStart + 4) {
      markAll("luxury");
    } else if (sickLeft > 0 || random() < sickStartRate) {
      if (sickLeft === 0)
        sickLeft = profile === "shortSick" ? intBetween(random, 1, 2) : intBetween(random, 1, 4);
      sickLeft--;
      markAll("sick");
    } else if (profile === "halfSick" && random() < 0.15) {
      // Sent home sick: exactly half the lessons, or one lesson fewer (not a sick day).
      const half = Math.floor(slots / 2) - (random() < 0.5 ? 1 : 0);
      for (let s = slots - Math.max(half, 1); s < slots; s++)
        if (reasons[s] === null) reasons[s] = "sick";
    } else if (burstStarts.some((b) => i >= b && i < b + 20) && random() < 0.45) {
      const count = primary ? 1 : intBetween(random, 1, 3);
      const first = intBetween(random, 0, slots - count);
      const reason = random() < 0.7 ? "truant" : "unreported";
      for (let s = first; s < first + count; s++) if (reasons[s] === null) reasons[s] = reason;
    } else {
      const roll = random();
      if (roll < 0.012) {
        const s = intBetween(random, 0, slots - 1);
        if (reasons[s] === null) {
          reasons[s] = "medical";
          if (!primary && random() < 0.3) minutes[s] = 30; // part of a lesson
        }
      } else if (roll < 0.014) markAll(pick(random, ["leave", "religious", "suspended"]));
      else if (roll < 0.017 && !primary)
        reasons[intBetween(random, 0, slots - 1)] ??= pick(random, UNAUTHORIZED);
    }
    if (random() < lateRate) {
      const s = reasons.slice(0, slots).indexOf(null);
      if (s >= 0) {
        reasons[s] = "late";
        minutes[s] = intBetween(random, 3, 25);
      }
    }
    emitDay(pupil.pupilId, school, day, periods, reasons, minutes, random, emit);
  }
}

function emitDay(
  pupilId: string,
  school: SyntheticSchool,
  day: SchoolDay,
  periods: ReadonlyArray<[string, number]>,
  reasons: ReadonlyArray<string | null>,
  minutes: readonly number[],
  random: Random,
  emit: EmitRow,
): void {
  const prefix = `${pupilId},${school.schoolId},${day.date},`;
  const first = reasons[0];
  const wholeDay =
    school.lessonMinutes === 0 &&
    first !== null &&
    first !== "late" &&
    first !== "exempt_11a" &&
    periods.every((p, s) => reasons[s] === first && minutes[s] === p[1]);
  if (wholeDay && random() < 0.7) {
    emit(`${prefix}day,${day.minutes},${first},\n`);
    return;
  }
  for (let s = 0; s < periods.length; s++) {
    const reason = reasons[s];
    if (reason) emit(`${prefix}${periods[s]![0]},${minutes[s]},${reason},\n`);
  }
}
