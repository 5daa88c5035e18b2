// domain.md §4 ABSOLUTE (absoluut verzuim; Leerplichtwet, seeds 000 and 004): a person of
// compulsory school age at D, living in the municipality by the population register extract
// (registered there on or before D), without an active enrolment at D at any school and
// without an active exemption (of any kind) at D.
import { ageInYearsOnDay, compulsorySchoolAge } from "../calendar/ages.ts";
import { dayNumber, fromDayNumber, type IsoDate } from "../calendar/dates.ts";
import type { DatedPeriod, PopulationInput, PopulationPerson, Signal } from "./types.ts";

export function isActiveOn(period: DatedPeriod, asOf: IsoDate): boolean {
  // 'YYYY-MM-DD' strings order like the dates they name.
  return period.startDate <= asOf && (!period.endDate || period.endDate >= asOf);
}

export function evaluateAbsolute(
  person: PopulationPerson,
  enrolments: readonly DatedPeriod[],
  exemptions: readonly DatedPeriod[],
  asOf: IsoDate,
): Signal | null {
  if (person.registeredFrom > asOf) return null;
  const day = dayNumber(asOf);
  const birthDay = dayNumber(person.birthDate);
  const sq = person.startQualificationDate ? dayNumber(person.startQualificationDate) : null;
  const duty = compulsorySchoolAge(birthDay, sq);
  if (day < duty.from || day > duty.until) return null;
  if (enrolments.some((e) => isActiveOn(e, asOf))) return null;
  if (exemptions.some((e) => isActiveOn(e, asOf))) return null;
  const lastEnrolmentEnd = enrolments.reduce<IsoDate | null>(
    (last, e) => (e.endDate && e.endDate < asOf && (!last || e.endDate > last) ? e.endDate : last),
    null,
  );
  return {
    pupilId: person.id,
    schoolId: "",
    code: "ABSOLUTE",
    asOf,
    evidence: {
      age: ageInYearsOnDay(birthDay, day),
      compulsory_from: fromDayNumber(duty.from),
      compulsory_until: fromDayNumber(duty.until),
      registered_from: person.registeredFrom,
      last_enrolment_end: lastEnrolmentEnd,
    },
    attributes: {},
  };
}

export function groupByPupil<T extends { pupilId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.pupilId);
    if (list) list.push(row);
    else map.set(row.pupilId, [row]);
  }
  return map;
}

/** ABSOLUTE for every person of the extract, in the order of the persons. */
export function evaluateAbsoluteForPopulation(input: PopulationInput, asOf: IsoDate): Signal[] {
  const enrolments = groupByPupil(input.enrolments);
  const exemptions = groupByPupil(input.exemptions);
  const out: Signal[] = [];
  for (const person of input.persons) {
    const signal = evaluateAbsolute(
      person,
      enrolments.get(person.id) ?? [],
      exemptions.get(person.id) ?? [],
      asOf,
    );
    if (signal) out.push(signal);
  }
  return out;
}
