// generateDemoRegion: the whole synthetic region as plain records, deterministic in
// (seed, pupils). Every part draws from its own seeded stream, so adding a part later (cases,
// users) does not change the parts that exist.
import { dayNumber } from "../domain/calendar/dates.ts";
import { buildSchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { generateAttendance } from "./attendance.ts";
import { holidayClosures, religiousDays, studyDays } from "./calendars.ts";
import {
  DEFAULT_DEMO_PUPILS,
  DEFAULT_DEMO_SEED,
  DEMO_SCHOOL_YEAR_START,
  schoolYearBounds,
} from "./config.ts";
import { generatePopulation } from "./population.ts";
import { generatePupils, type PupilPlan } from "./pupils.ts";
import { createDemoRandom, type DemoRandom } from "./random.ts";
import { DEMO_MUNICIPALITIES, DEMO_PARTNERSHIPS, generateSchools } from "./region.ts";
import type { AttendancePattern, DemoRegion, DemoStory } from "./types.ts";

export interface DemoOptions {
  pupils?: number;
  seed?: number;
}

/** Share of pupils per special pattern; the rest is mostly present (about 86%). */
const PATTERN_SHARES: readonly [AttendancePattern, number][] = [
  ["frequent_short_sick", 0.035],
  ["long_sick", 0.02],
  ["truancy", 0.025],
  ["late_arrivals", 0.025],
  ["partial_absence", 0.01],
  ["long_term_absent_legal", 0.005],
  ["long_term_absent_broad", 0.006],
  ["luxury", 0.01],
  ["suspended", 0.005],
];

/** Minimum pupils per special pattern, so even a small demo shows each of them. */
const MINIMUM_PER_PATTERN = 2;

export function generateDemoRegion(options: DemoOptions = {}): DemoRegion {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const pupilCount = options.pupils ?? DEFAULT_DEMO_PUPILS;
  if (!Number.isInteger(pupilCount) || pupilCount < 50) {
    throw new Error("demo: at least 50 pupils are needed for a region with every pattern");
  }
  const year = schoolYearBounds(DEMO_SCHOOL_YEAR_START);

  const regionRandom = createDemoRandom(seed, 1);
  const schools = generateSchools(regionRandom, pupilCount);
  const closures = holidayClosures(DEMO_SCHOOL_YEAR_START);
  const holidaysOnly = [...closures];
  for (const school of schools) {
    const calendar = buildSchoolCalendar(school, holidaysOnly);
    closures.push(...studyDays(regionRandom, school, calendar.isSchoolDayNumber, year));
  }

  const plans = generatePupils(createDemoRandom(seed, 2), schools, pupilCount, year);
  const patternRandom = createDemoRandom(seed, 4);
  const patterns = assignPatterns(patternRandom, plans);
  const exempt11a = youngChildrenWithExemption(patternRandom, plans, year.start);

  const { attendance, stories } = generateAttendance({
    seed,
    year,
    schools,
    closures,
    religiousDays: religiousDays(DEMO_SCHOOL_YEAR_START),
    plans,
    patterns,
    exempt11a,
  });
  stories.push(...schoolChangeStories(plans, year.end));
  const population = generatePopulation(createDemoRandom(seed, 5), plans, year);

  return {
    seed,
    schoolYear: year,
    municipalities: DEMO_MUNICIPALITIES.map(({ name, holidayRegion }) => ({ name, holidayRegion })),
    partnerships: DEMO_PARTNERSHIPS.map((p) => ({ ...p })),
    schools,
    closures,
    pupils: plans.map((p) => p.pupil),
    contacts: plans.flatMap((p) => p.contacts),
    enrolments: plans.flatMap((p) => p.enrolments),
    attendance,
    population: population.population,
    exemptions: population.exemptions,
    stories: [...stories, ...population.stories],
  };
}

function shuffledIndices(random: DemoRandom, length: number): number[] {
  const order = Array.from({ length }, (_, i) => i);
  for (let i = length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/** Special patterns go to pupils enrolled at one school all year, so their stories stay clear. */
export function assignPatterns(
  random: DemoRandom,
  plans: readonly PupilPlan[],
): AttendancePattern[] {
  const patterns: AttendancePattern[] = plans.map(() =>
    random.chance(0.25) ? "sporadic_sick" : "present",
  );
  const candidates = shuffledIndices(random, plans.length).filter(
    (i) => (plans[i] as PupilPlan).movement === "none",
  );
  const taken = new Set<number>();
  for (const [pattern, share] of PATTERN_SHARES) {
    let wanted = Math.max(MINIMUM_PER_PATTERN, Math.round(plans.length * share));
    for (const index of candidates) {
      if (wanted === 0) break;
      if (taken.has(index)) continue;
      // Skipping lessons is a secondary-school pattern.
      if (pattern === "truancy" && (plans[index] as PupilPlan).sector !== "vo") continue;
      taken.add(index);
      patterns[index] = pattern;
      wanted--;
    }
  }
  return patterns;
}

/** About one in five parents of a child under 6 uses the art. 11a hours. */
function youngChildrenWithExemption(
  random: DemoRandom,
  plans: readonly PupilPlan[],
  yearStart: string,
): Set<number> {
  const chosen = new Set<number>();
  const sixBefore = dayNumber(`${Number(yearStart.slice(0, 4)) - 6}${yearStart.slice(4)}`);
  plans.forEach((plan, index) => {
    if (plan.sector === "vo") return;
    if (dayNumber(plan.pupil.birthDate) <= sixBefore) return;
    if (random.chance(0.2)) chosen.add(index);
  });
  return chosen;
}

function schoolChangeStories(plans: readonly PupilPlan[], yearEnd: string): DemoStory[] {
  return plans
    .filter((p) => p.movement === "changed_school" && p.enrolments.length > 1)
    .map((p) => {
      const [from, to] = p.enrolments as [PupilPlan["enrolments"][0], PupilPlan["enrolments"][0]];
      return {
        personId: p.pupil.pupilId,
        kind: "school_change" as const,
        schoolId: to.schoolId,
        startDate: from.endDate ?? yearEnd,
        endDate: to.startDate,
        detail: `overstap van ${from.schoolId} naar ${to.schoolId}`,
      };
    });
}
