// Attendance patterns per pupil: which school days (of one enrolment) a pupil misses and why.
// Everybody gets everyday noise (a cold, the dentist, a late bus); pupils with a special
// pattern get it on top, built so that the signals of domain.md §4 have something to find.
import { fromDayNumber } from "../domain/calendar/dates.ts";
import type { AbsenceReason, DayIntent } from "./attendance-rows.ts";
import type { DemoRandom } from "./random.ts";
import type { AttendancePattern, DemoSector } from "./types.ts";

export interface SchoolDay {
  day: number;
  minutes: number;
}

/** Planned absence per index into the enrolment's school days; stronger plans win. */
export interface DayPlanner {
  intents: (DayIntent | undefined)[];
  set(index: number, intent: DayIntent, priority: number): void;
}

export const NOISE = 1;
export const EXEMPTION = 2;
export const PATTERN = 3;

export function createDayPlanner(length: number): DayPlanner {
  const intents: (DayIntent | undefined)[] = new Array(length);
  const priorities = new Uint8Array(length);
  return {
    intents,
    set(index, intent, priority) {
      if (index < 0 || index >= length || (priorities[index] ?? 0) > priority) return;
      intents[index] = intent;
      priorities[index] = priority;
    },
  };
}

export interface PatternResult {
  /** First and last index of the pattern's main stretch, for the story list. */
  window: [number, number] | null;
  detail: string;
  /** The enrolment ends after this index (a pupil who drops out and is deregistered). */
  leavesAfter: number | null;
}

const full = (reason: AbsenceReason, note?: string): DayIntent => ({
  reason,
  portion: "day",
  note,
});

/** Colds and flu come more often in winter. */
function seasonWeight(day: number): number {
  const month = Number(fromDayNumber(day).slice(5, 7));
  if (month === 12 || month <= 3) return 1;
  if (month === 10 || month === 11 || month === 4) return 0.7;
  return 0.45;
}

function sickStart(random: DemoRandom, days: readonly SchoolDay[]): number {
  for (let attempt = 0; attempt < 20; attempt++) {
    const index = random.int(0, days.length - 1);
    if (random.next() < seasonWeight((days[index] as SchoolDay).day)) return index;
  }
  return random.int(0, days.length - 1);
}

function sickEpisode(planner: DayPlanner, start: number, length: number, priority: number) {
  for (let i = start; i < start + length; i++) planner.set(i, full("sick"), priority);
}

export function planNoise(
  random: DemoRandom,
  planner: DayPlanner,
  days: readonly SchoolDay[],
  sector: DemoSector,
  religiousDays: readonly number[],
  extraSickEpisodes: number,
): void {
  if (days.length === 0) return;
  const episodes =
    random.weighted([
      [0, 18],
      [1, 26],
      [2, 24],
      [3, 16],
      [4, 10],
      [5, 6],
    ] as const) + extraSickEpisodes;
  for (let e = 0; e < episodes; e++) {
    const length = random.weighted([
      [1, 45],
      [2, 30],
      [3, 15],
      [4, 6],
      [5, 4],
    ] as const);
    const start = sickStart(random, days);
    // Sometimes sent home sick at noon on the first day.
    if (random.chance(0.15)) {
      planner.set(start, { reason: "sick", portion: "pm", note: "ziek naar huis" }, NOISE);
      sickEpisode(planner, start + 1, length - 1, NOISE);
    } else sickEpisode(planner, start, length, NOISE);
  }
  const appointments = random.weighted([
    [0, 50],
    [1, 30],
    [2, 15],
    [3, 5],
  ] as const);
  for (let a = 0; a < appointments; a++) {
    planner.set(
      random.int(0, days.length - 1),
      {
        reason: "medical",
        portion: "lessons",
        firstLesson: random.int(1, 6),
        lessonCount: random.int(1, 2),
        minutes: random.pick([45, 60, 90, 120]),
        note: random.pick(["tandarts", "orthodontist", "huisarts", "ziekenhuis", "fysiotherapie"]),
      },
      NOISE,
    );
  }
  const lateCount = random.weighted([
    [0, 55],
    [1, 25],
    [2, 12],
    [3, 8],
  ] as const);
  for (let l = 0; l < lateCount; l++) {
    planner.set(random.int(0, days.length - 1), lateArrival(random, sector), NOISE);
  }
  if (random.chance(0.03)) {
    planner.set(
      random.int(0, days.length - 1),
      full("leave", random.pick(["huwelijk familielid", "begrafenis", "verhuizing"])),
      NOISE,
    );
  }
  for (const day of religiousDays) {
    if (!random.chance(0.035)) continue;
    const index = days.findIndex((d) => d.day === day);
    if (index >= 0) planner.set(index, full("religious"), NOISE);
  }
}

function lateArrival(random: DemoRandom, sector: DemoSector): DayIntent {
  return {
    reason: "late",
    portion: "late",
    firstLesson:
      sector === "vo"
        ? random.weighted([
            [1, 8],
            [2, 1],
            [5, 1],
          ] as const)
        : 1,
    minutes: random.int(3, 25),
  };
}

/** Art. 11a: a child under 6 may stay home up to 5 hours a week, here one fixed slot. */
export function planExemption11a(
  random: DemoRandom,
  planner: DayPlanner,
  days: readonly SchoolDay[],
  sixthBirthday: number,
  weekday: (day: number) => number,
): [number, number] | null {
  const slotDay = random.pick([3, 5]);
  let first = -1;
  let last = -1;
  days.forEach((d, index) => {
    if (d.day >= sixthBirthday || weekday(d.day) !== slotDay) return;
    planner.set(index, { reason: "exempt_11a", portion: slotDay === 3 ? "day" : "pm" }, EXEMPTION);
    if (first < 0) first = index;
    last = index;
  });
  return first < 0 ? null : [first, last];
}

function stretch(random: DemoRandom, days: number, minLength: number, maxLength: number) {
  const length = Math.min(random.int(minLength, maxLength), Math.max(1, days - 10));
  const start = random.int(Math.min(10, days - length), Math.max(0, days - length));
  return [start, start + length - 1] as [number, number];
}

function reasonMix(random: DemoRandom, mostlyUnauthorized: boolean): AbsenceReason {
  return mostlyUnauthorized
    ? random.weighted([
        ["unreported", 55],
        ["truant", 25],
        ["other_unauthorized", 8],
        ["sick", 12],
      ] as const)
    : random.weighted([
        ["sick", 70],
        ["other_authorized", 15],
        ["medical", 5],
        ["unreported", 10],
      ] as const);
}

export function planPattern(
  random: DemoRandom,
  pattern: AttendancePattern,
  planner: DayPlanner,
  days: readonly SchoolDay[],
  sector: DemoSector,
): PatternResult {
  const none: PatternResult = { window: null, detail: "", leavesAfter: null };
  const n = days.length;
  if (n < 40) return none;
  switch (pattern) {
    case "present":
    case "sporadic_sick":
      return none;
    case "frequent_short_sick": {
      // A cluster of 4–5 short episodes within about seven weeks, and more spread out.
      let index = random.int(5, n - 45);
      const first = index;
      const cluster = random.int(4, 5);
      for (let e = 0; e < cluster; e++) {
        sickEpisode(planner, index, random.int(1, 2), PATTERN);
        index += random.int(5, 8);
      }
      for (let e = random.int(3, 6); e > 0; e--) {
        sickEpisode(planner, sickStart(random, days), random.int(1, 2), PATTERN);
      }
      return {
        window: [first, index],
        detail: `${cluster} korte ziekmeldingen`,
        leavesAfter: null,
      };
    }
    case "long_sick": {
      const window = stretch(random, n, 11, 45);
      sickEpisode(planner, window[0], window[1] - window[0] + 1, PATTERN);
      // Phased return: mornings only for a while.
      const phased = random.chance(0.5) ? random.int(5, 10) : 0;
      for (let i = 1; i <= phased; i++) {
        planner.set(window[1] + i, { reason: "sick", portion: "pm", note: "opbouw" }, PATTERN);
      }
      return { window, detail: `${window[1] - window[0] + 1} dagen ziek`, leavesAfter: null };
    }
    case "truancy": {
      // One heavy burst (enough for the 16-hour report in four weeks) and lighter ones.
      const window = stretch(random, n, 15, 20);
      truancyBurst(random, planner, window, sector, true);
      for (let b = random.int(1, 2); b > 0; b--) {
        truancyBurst(random, planner, stretch(random, n, 10, 20), sector, false);
      }
      return { window, detail: "spijbelperiode", leavesAfter: null };
    }
    case "late_arrivals": {
      const window = stretch(random, n, 18, 22);
      for (let i = 0; i < n; i++) {
        const inBurst = i >= window[0] && i <= window[1];
        if (random.chance(inBurst ? 0.5 : 0.05)) {
          planner.set(i, lateArrival(random, sector), PATTERN);
        }
      }
      return { window, detail: "vaak te laat", leavesAfter: null };
    }
    case "partial_absence": {
      // Every school day in the stretch partly or wholly missed: 50–99% of the week.
      const window = stretch(random, n, 25, 80);
      const unauthorized = random.chance(0.5);
      for (let i = window[0]; i <= window[1]; i++) {
        const reason = reasonMix(random, unauthorized);
        planner.set(
          i,
          random.chance(0.35) ? full(reason) : partDay(random, sector, reason),
          PATTERN,
        );
      }
      return {
        window,
        detail: unauthorized ? "gedeeltelijk afwezig, ongeoorloofd" : "gedeeltelijk afwezig, ziek",
        leavesAfter: null,
      };
    }
    case "long_term_absent_legal":
    case "long_term_absent_broad": {
      const unauthorized = pattern === "long_term_absent_legal";
      const window = stretch(random, n, 20, 100);
      // A third never come back this year.
      if (random.chance(0.33)) window[1] = n - 1;
      for (let i = window[0]; i <= window[1]; i++) {
        planner.set(i, full(reasonMix(random, unauthorized)), PATTERN);
      }
      const leaves = unauthorized && window[1] < n - 15 && random.chance(0.3);
      return {
        window,
        detail: unauthorized ? "thuiszitter, ongeoorloofd" : "thuiszitter, ziek/geoorloofd",
        leavesAfter: leaves ? window[1] + random.int(1, 5) : null,
      };
    }
    case "luxury": {
      const gaps: number[] = [];
      for (let i = 10; i < n - 10; i++) {
        if ((days[i + 1] as SchoolDay).day - (days[i] as SchoolDay).day > 4) gaps.push(i);
      }
      if (gaps.length === 0) return none;
      const gap = random.pick(gaps);
      const length = random.int(1, 3);
      const before = random.chance(0.6);
      const window: [number, number] = before ? [gap - length + 1, gap] : [gap + 1, gap + length];
      for (let i = window[0]; i <= window[1]; i++) planner.set(i, full("luxury"), PATTERN);
      return { window, detail: "luxe verzuim rond vakantie", leavesAfter: null };
    }
    case "suspended": {
      const window = stretch(random, n, 1, 3);
      for (let i = window[0]; i <= window[1]; i++) {
        planner.set(i, full("suspended", "schorsing"), PATTERN);
      }
      if (sector === "vo" && random.chance(0.5)) {
        planner.set(
          window[0] - 1,
          { reason: "removed", portion: "lessons", firstLesson: random.int(1, 6), lessonCount: 1 },
          PATTERN,
        );
      }
      return { window, detail: "geschorst", leavesAfter: null };
    }
  }
}

function partDay(random: DemoRandom, sector: DemoSector, reason: AbsenceReason): DayIntent {
  if (sector !== "vo") return { reason, portion: "am" };
  // Four of six lessons: two thirds of a VO day.
  return { reason, portion: "lessons", firstLesson: random.chance(0.5) ? 1 : 3, lessonCount: 4 };
}

function truancyBurst(
  random: DemoRandom,
  planner: DayPlanner,
  [first, last]: [number, number],
  sector: DemoSector,
  heavy: boolean,
): void {
  for (let i = first; i <= last; i++) {
    if (!random.chance(heavy ? 0.7 : 0.3)) continue;
    if (sector === "vo") {
      const lessons = heavy ? random.int(2, 5) : random.int(1, 2);
      planner.set(
        i,
        {
          reason: "truant",
          portion: "lessons",
          firstLesson: random.int(1, 6),
          lessonCount: lessons,
        },
        PATTERN,
      );
    } else {
      // Young children do not skip lessons; they are kept home without a message.
      planner.set(i, { reason: "unreported", portion: heavy ? "day" : "pm" }, PATTERN);
    }
  }
}
