// domain.md §4 "Precise readings": ages are whole years at D; compulsory school age at D runs
// from the first day of the month after the 5th birthday up to the day before the 18th
// birthday (leerplicht and kwalificatieplicht together); a known start qualification ends it.
import { civilFromDay, dayFromCivil, daysInMonth } from "./dates.ts";

/**
 * Whole years from the birth day to the day. A birthday is reached when the (month, day) of
 * the date is at or past the birth's (month, day), so someone born on 29 February becomes a
 * year older on 1 March in a common year.
 */
export function ageInYearsOnDay(birthDay: number, day: number): number {
  const b = civilFromDay(birthDay);
  const d = civilFromDay(day);
  const beforeBirthday = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (beforeBirthday ? 1 : 0);
}

/** The day someone reaches the age: for 29 February births in a common year, 1 March. */
export function birthdayOfAge(birthDay: number, age: number): number {
  const b = civilFromDay(birthDay);
  const year = b.year + age;
  if (b.day > daysInMonth(year, b.month)) return dayFromCivil(year, b.month + 1, 1);
  return dayFromCivil(year, b.month, b.day);
}

export interface CompulsorySchoolAge {
  /** First day of the month after the 5th birthday. */
  from: number;
  /** Last day of the duty: the day before the 18th birthday, or before a start qualification. */
  until: number;
}

export function compulsorySchoolAge(
  birthDay: number,
  startQualificationDay: number | null,
): CompulsorySchoolAge {
  const b = civilFromDay(birthDay);
  // The month after the birth month, five years on (the birthday's month, however it falls).
  const from =
    b.month === 12 ? dayFromCivil(b.year + 6, 1, 1) : dayFromCivil(b.year + 5, b.month + 1, 1);
  let until = birthdayOfAge(birthDay, 18) - 1;
  if (startQualificationDay !== null) until = Math.min(until, startQualificationDay - 1);
  return { from, until };
}

export function isOfCompulsorySchoolAge(
  birthDay: number,
  startQualificationDay: number | null,
  day: number,
): boolean {
  const { from, until } = compulsorySchoolAge(birthDay, startQualificationDay);
  return day >= from && day <= until;
}
