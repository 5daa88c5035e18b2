// A full school year of attendance rows for every enrolment of the demo: everyday noise for
// all, the pupil's pattern on the first enrolment, exempt_11a for some young children.
import { dayNumber, fromDayNumber, isoWeekdayOfDay } from "../domain/calendar/dates.ts";
import { buildSchoolCalendar } from "../domain/calendar/school-calendar.ts";
import {
  createDayPlanner,
  planExemption11a,
  planNoise,
  planPattern,
  type SchoolDay,
} from "./attendance-patterns.ts";
import { rowsForIntent } from "./attendance-rows.ts";
import type { PupilPlan } from "./pupils.ts";
import { createDemoRandom } from "./random.ts";
import type {
  AttendancePattern,
  DemoAttendance,
  DemoClosure,
  DemoSchool,
  DemoStory,
} from "./types.ts";

export interface AttendanceInput {
  seed: number;
  year: { start: string; end: string };
  schools: readonly DemoSchool[];
  closures: readonly DemoClosure[];
  religiousDays: readonly string[];
  plans: readonly PupilPlan[];
  patterns: readonly AttendancePattern[];
  /** Pupils (by index) whose parents use the art. 11a exemption while the child is under 6. */
  exempt11a: ReadonlySet<number>;
}

export interface AttendanceOutput {
  attendance: DemoAttendance[];
  stories: DemoStory[];
}

/** The school days of the year per school, in date order. */
export function schoolDaysBySchool(
  schools: readonly DemoSchool[],
  closures: readonly DemoClosure[],
  year: { start: string; end: string },
): Map<string, SchoolDay[]> {
  const result = new Map<string, SchoolDay[]>();
  const first = dayNumber(year.start);
  const last = dayNumber(year.end);
  for (const school of schools) {
    const calendar = buildSchoolCalendar(school, closures);
    const days: SchoolDay[] = [];
    for (let day = first; day <= last; day++) {
      const minutes = calendar.scheduledMinutesOfDay(day);
      if (minutes > 0) days.push({ day, minutes });
    }
    result.set(school.schoolId, days);
  }
  return result;
}

function daysWithin(days: readonly SchoolDay[], from: number, to: number): SchoolDay[] {
  return days.filter((d) => d.day >= from && d.day <= to);
}

export function generateAttendance(input: AttendanceInput): AttendanceOutput {
  const daysBySchool = schoolDaysBySchool(input.schools, input.closures, input.year);
  const sectorOf = new Map(input.schools.map((s) => [s.schoolId, s.sector]));
  const religious = input.religiousDays.map(dayNumber);
  const yearFirst = dayNumber(input.year.start);
  const yearLast = dayNumber(input.year.end);
  const attendance: DemoAttendance[] = [];
  const stories: DemoStory[] = [];

  const random = createDemoRandom(input.seed, 3);
  input.plans.forEach((plan, index) => {
    // One stream per pupil: a pupil's attendance does not depend on the pupils before them.
    random.restart(index);
    const pattern = input.patterns[index] ?? "present";
    const { pupil } = plan;
    plan.enrolments.forEach((enrolment, position) => {
      const sector = sectorOf.get(enrolment.schoolId) ?? "po";
      const from = Math.max(yearFirst, dayNumber(enrolment.startDate));
      const to = Math.min(yearLast, enrolment.endDate ? dayNumber(enrolment.endDate) : yearLast);
      const days = daysWithin(daysBySchool.get(enrolment.schoolId) ?? [], from, to);
      if (days.length === 0) return;
      const planner = createDayPlanner(days.length);
      const extraSick = pattern === "sporadic_sick" ? random.int(3, 6) : 0;
      planNoise(random, planner, days, sector, religious, extraSick);
      const story = (kind: DemoStory["kind"], [a, b]: [number, number], detail: string) =>
        stories.push({
          personId: pupil.pupilId,
          kind,
          schoolId: enrolment.schoolId,
          startDate: fromDayNumber((days[a] as SchoolDay).day),
          endDate: fromDayNumber((days[Math.min(b, days.length - 1)] as SchoolDay).day),
          detail,
        });
      if (input.exempt11a.has(index)) {
        const sixth = dayNumber(
          `${Number(pupil.birthDate.slice(0, 4)) + 6}${pupil.birthDate.slice(4)}`,
        );
        const window = planExemption11a(random, planner, days, sixth, isoWeekdayOfDay);
        if (window) story("exempt_11a", window, "vrijstelling art. 11a, vast dagdeel per week");
      }
      let lastDay = days.length - 1;
      if (position === 0) {
        const result = planPattern(random, pattern, planner, days, sector);
        if (result.window) story(pattern, result.window, result.detail);
        if (result.leavesAfter !== null && result.leavesAfter < lastDay) {
          // Deregistered after weeks at home: the enrolment ends, the child is nowhere.
          lastDay = result.leavesAfter;
          enrolment.endDate = fromDayNumber((days[lastDay] as SchoolDay).day);
          story("dropout", [lastDay, lastDay], "uitgeschreven zonder nieuwe school");
        }
      }
      for (let i = 0; i <= lastDay; i++) {
        const intent = planner.intents[i];
        if (!intent) continue;
        const day = days[i] as SchoolDay;
        const date = fromDayNumber(day.day);
        for (const row of rowsForIntent(intent, sector, day.minutes)) {
          attendance.push({
            pupilId: pupil.pupilId,
            schoolId: enrolment.schoolId,
            date,
            period: row.period,
            minutes: row.minutes,
            reason: intent.reason,
            note: intent.note ?? null,
          });
        }
      }
    });
  });
  return { attendance, stories };
}
