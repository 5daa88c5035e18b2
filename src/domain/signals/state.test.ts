import { describe, expect, it } from "vitest";
import { buildSchoolCalendar } from "../calendar/school-calendar.ts";
import { handleSignal, nextSignalState, quietLesweken, type SignalState } from "./state.ts";

const calendar = buildSchoolCalendar(
  { schoolId: "12AB00", holidayRegion: "midden", minutesByWeekday: [330, 330, 210, 330, 330] },
  [{ scope: "midden", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" }],
);
const key = { pupilId: "P1", schoolId: "12AB00", code: "LEGAL_16H" };

describe("signal state", () => {
  it("raises on the first day it holds and keeps the raise date while it holds", () => {
    const first = nextSignalState(null, key, true, "2026-03-02", calendar);
    expect(first).toMatchObject({
      kind: "changed",
      state: { status: "open", raisedOn: "2026-03-02" },
      transition: { from: null, to: "open" },
    });
    const later = nextSignalState(first.state, key, true, "2026-03-03", calendar);
    expect(later).toMatchObject({
      kind: "changed",
      state: { raisedOn: "2026-03-02", lastHeldOn: "2026-03-03" },
      transition: null,
    });
  });

  it("is idempotent when a day is evaluated again", () => {
    const first = nextSignalState(null, key, true, "2026-03-02", calendar);
    expect(nextSignalState(first.state, key, true, "2026-03-02", calendar).kind).toBe("unchanged");
    expect(nextSignalState(first.state, key, false, "2026-03-02", calendar).kind).toBe("unchanged");
  });

  it("counts only lesweken after the last week it held, skipping a holiday week", () => {
    // Held on Wed 2026-02-04; weeks of Feb 9 and Feb 23, Mar 2, Mar 9 are lesweken; Feb 16 is not.
    expect(quietLesweken("2026-02-04", "2026-03-05", calendar)).toBe(2);
    expect(quietLesweken("2026-02-04", "2026-03-06", calendar)).toBe(3);
    expect(quietLesweken("2026-02-04", "2026-03-13", calendar)).toBe(4);
  });

  it("resolves after 4 quiet lesweken and raises anew when it holds again", () => {
    const held: SignalState = {
      ...key,
      status: "handled",
      raisedOn: "2026-01-12",
      lastHeldOn: "2026-02-04",
      resolvedOn: null,
    };
    expect(nextSignalState(held, key, false, "2026-03-12", calendar).kind).toBe("unchanged");
    const resolved = nextSignalState(held, key, false, "2026-03-13", calendar);
    expect(resolved).toMatchObject({
      state: { status: "resolved", resolvedOn: "2026-03-13" },
      transition: { from: "handled", to: "resolved" },
    });
    const again = nextSignalState(resolved.state, key, true, "2026-04-01", calendar);
    expect(again.state).toMatchObject({ status: "open", raisedOn: "2026-04-01" });
  });

  it("lets a professional handle an open signal, with a reason when not linked to a case", () => {
    const open = nextSignalState(null, key, true, "2026-03-02", calendar).state!;
    expect(handleSignal(open, { kind: "known", reason: " " }, "2026-03-03")).toEqual({
      ok: false,
      error: "reason_required",
    });
    const handled = handleSignal(open, { kind: "case", caseId: "C1" }, "2026-03-03");
    expect(handled).toMatchObject({ ok: true, state: { status: "handled" } });
    if (handled.ok) {
      expect(handleSignal(handled.state, { kind: "case", caseId: "C2" }, "2026-03-04")).toEqual({
        ok: false,
        error: "not_open",
      });
    }
  });
});
