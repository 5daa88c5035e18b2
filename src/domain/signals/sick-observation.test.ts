import { describe, expect, it } from "vitest";
import { checkSickObservation, SICK_OBSERVATION_NOTE_MAX } from "./sick-observation.ts";

const today = "2026-03-12";
const base = { recordedOn: "2026-03-10", endDate: null, note: "Wordt vaak ziek opgehaald." };

describe("checkSickObservation (domain.md §4 SICK_NOTABLE)", () => {
  it("accepts an observation dated today or earlier", () => {
    expect(checkSickObservation(base, today)).toEqual({ ok: true });
    expect(checkSickObservation({ ...base, recordedOn: today }, today)).toEqual({ ok: true });
    expect(checkSickObservation({ ...base, endDate: "2026-04-01" }, today)).toEqual({ ok: true });
  });

  it("refuses a date in the future, an end before the start and an invalid date", () => {
    const error = (input: Parameters<typeof checkSickObservation>[0]) => {
      const r = checkSickObservation(input, today);
      return r.ok ? null : r.error;
    };
    expect(error({ ...base, recordedOn: "2026-03-13" })).toBe("date_in_future");
    expect(error({ ...base, endDate: "2026-03-09" })).toBe("end_before_start");
    expect(error({ ...base, recordedOn: "2026-02-30" })).toBe("invalid_date");
  });

  it("wants a short note", () => {
    const r1 = checkSickObservation({ ...base, note: "  " }, today);
    expect(r1.ok ? null : r1.error).toBe("note_required");
    const long = "x".repeat(SICK_OBSERVATION_NOTE_MAX + 1);
    const r2 = checkSickObservation({ ...base, note: long }, today);
    expect(r2.ok ? null : r2.error).toBe("note_too_long");
  });
});
