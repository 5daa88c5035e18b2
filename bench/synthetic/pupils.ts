// Synthetic pupils and their enrolments for the signals benchmark: ages matching the grade,
// four-year-olds entering primary school on the day after their birthday, pupils moving in,
// leaving and switching schools during the year. Names are invented combinations.
import { dayNumber, fromDayNumber } from "../../src/domain/calendar/dates.ts";
import { intBetween, pick, type Random } from "./prng.ts";
import { type SyntheticSchool, YEAR_END, YEAR_START } from "./region.ts";

const GIVEN = ["Sem", "Noor", "Daan", "Julia", "Milan", "Emma", "Liam", "Tess", "Luuk", "Yara"];
const FAMILY = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"];
const MUNICIPALITIES = ["Veendorp", "Lindewijk", "Oosterhaven", "Zuidmeer"];

export interface SyntheticEnrolment {
  school: SyntheticSchool;
  startDate: string;
  endDate: string | null;
  grade: number;
  /** Day numbers of the part of the enrolment inside the generated year. */
  fromDay: number;
  toDay: number;
}

export interface SyntheticPupil {
  pupilId: string;
  birthDate: string;
  birthDay: number;
  /** Day number of the 6th birthday: exempt_11a only applies before it. */
  sixthBirthday: number;
  municipality: string;
  given: string;
  family: string;
  enrolments: SyntheticEnrolment[];
}

export function pupilId(index: number): string {
  return `P${String(index + 1).padStart(7, "0")}`;
}

const yearStart = dayNumber(YEAR_START);
const yearEnd = dayNumber(YEAR_END);

export function makePupil(
  index: number,
  random: Random,
  schools: { primary: SyntheticSchool[]; secondary: SyntheticSchool[] },
): SyntheticPupil {
  const primary = random() < 0.55;
  const pool = primary ? schools.primary : schools.secondary;
  const school = pick(random, pool);
  // PO groups 1–8 (a few still 3 years old on 1 August), VO years 1–6.
  const grade = primary ? intBetween(random, 0, 8) : intBetween(random, 1, 6);
  const ageOnOctober = primary ? grade + 3 : grade + 11;
  const birthDay = dayNumber("2025-10-01") - ageOnOctober * 365 - intBetween(random, 0, 364);
  const birthDate = fromDayNumber(birthDay);
  const fourthBirthday = addYears(birthDate, 4);
  const enrolments: SyntheticEnrolment[] = [];
  const enrol = (s: SyntheticSchool, start: number, end: number | null, g: number) =>
    enrolments.push({
      school: s,
      startDate: fromDayNumber(start),
      endDate: end === null ? null : fromDayNumber(end),
      grade: g,
      fromDay: Math.max(start, yearStart),
      toDay: Math.min(end ?? yearEnd, yearEnd),
    });
  const usualStart = dayNumber(`${2025 - (primary ? Math.max(grade - 1, 0) : grade - 1)}-08-15`);
  const entersAtFour = primary && dayNumber(fourthBirthday) > yearStart;
  const start = entersAtFour ? dayNumber(fourthBirthday) + 1 : usualStart;
  const path = random();
  const midYear = yearStart + intBetween(random, 20, 340);
  if (entersAtFour || path < 0.9) {
    enrol(school, start, null, Math.max(grade, 1));
  } else if (path < 0.93) {
    enrol(school, start, midYear, grade); // moved away or left the region
  } else if (path < 0.96) {
    enrol(school, midYear, null, grade); // moved in during the year
  } else {
    const other = pick(random, pool);
    enrol(school, start, midYear, grade);
    if (other !== school) enrol(other, midYear + intBetween(random, 1, 10), null, grade);
  }
  return {
    pupilId: pupilId(index),
    birthDate,
    birthDay,
    sixthBirthday: dayNumber(addYears(birthDate, 6)),
    municipality: pick(random, MUNICIPALITIES),
    given: pick(random, GIVEN),
    family: pick(random, FAMILY),
    // An enrolment that starts after the generated year (a child turning 4 later) is left out.
    enrolments: enrolments.filter((e) => e.fromDay <= e.toDay),
  };
}

/** The same calendar date `years` later (29 February becomes 1 March in a common year). */
function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const candidate = `${year}${date.slice(4)}`;
  const probe = new Date(`${candidate}T00:00:00Z`);
  return Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== candidate
    ? `${year}-03-01`
    : candidate;
}
