// The kept inputs of a unit (signal-unit-inputs.ts) give back the unit as loadSchoolUnits reads
// it at a later D: every field, the rows within D's look-back window only.
import { describe, expect, it } from "vitest";
import { addDays } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { LOOKBACK_DAYS } from "../domain/signals/evaluate.ts";
import type { EvaluationUnit } from "../domain/signals/types.ts";
import { decodeUnitInputs, encodeUnitInputs } from "./signal-unit-inputs.ts";

const calendar = { schoolId: "12AB00" } as SchoolCalendar;

const unit: EvaluationUnit = {
  pupil: { id: "P0001", birthDate: "2015-02-28", startQualificationDate: null },
  calendar,
  enrolments: [
    { startDate: "2021-08-16", endDate: "2024-07-12" },
    { startDate: "2024-08-19", endDate: null },
  ],
  attendance: [
    { date: "2024-01-10", period: "day", minutes: 300, reason: "sick" },
    { date: "2026-03-02", period: "am", minutes: 150, reason: "unreported" },
    { date: "2026-03-02", period: "3", minutes: 50, reason: "late" },
    { date: "2026-03-03", period: "day", minutes: 330, reason: "exempt_11a" },
  ],
  sickNotable: [
    { recordedOn: "2026-02-01", endDate: null, reference: "7" },
    { recordedOn: "2026-02-20", endDate: "2026-03-31", reference: "9" },
  ],
};

describe("kept unit inputs", () => {
  it("give back the unit read at the run that kept them", () => {
    expect(decodeUnitInputs(encodeUnitInputs(unit), calendar, "2026-03-03")).toEqual({
      ...unit,
      attendance: unit.attendance.filter((r) => r.date >= addDays("2026-03-03", -LOOKBACK_DAYS)),
    });
  });

  it("drop the rows that left the look-back window at a later date", () => {
    const later = decodeUnitInputs(encodeUnitInputs(unit), calendar, "2026-03-05");
    expect(later.attendance.map((r) => r.date)).toEqual(["2026-03-02", "2026-03-02", "2026-03-03"]);
    const atStart = decodeUnitInputs(encodeUnitInputs(unit), calendar, "2026-01-10");
    expect(atStart.attendance.map((r) => r.date)).toEqual(["2024-01-10"]);
  });

  it("keep a unit without SICK_NOTABLE observations without them", () => {
    const { sickNotable: _, ...plain } = unit;
    const back = decodeUnitInputs(encodeUnitInputs(plain), calendar, "2026-03-03");
    expect(back).not.toHaveProperty("sickNotable");
    expect(back.pupil).toEqual(plain.pupil);
  });
});
