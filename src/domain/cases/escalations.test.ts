import { describe, expect, it } from "vitest";
import { calendar, emptyConsent, sampleCase, system } from "../../../test/support/case-calendar.ts";
import { dueEscalations } from "./escalations.ts";
import type { Case } from "./model.ts";
import { applyTransition } from "./transitions.ts";

const context = { calendar, consent: emptyConsent() };

/** What the daily job does: apply every due item with the system actor. */
function runJob(c: Case, asOf: string): Case {
  let current = c;
  for (const item of dueEscalations(current, calendar, asOf)) {
    const result = applyTransition(current, item.command, system, asOf, context);
    if (!result.ok) throw new Error(`${item.kind}: ${result.message}`);
    current = result.case;
  }
  return current;
}

describe("dueEscalations", () => {
  it("hands the case to the director exactly at absence week 4, not before", () => {
    const c = sampleCase();
    expect(dueEscalations(c, calendar, "2025-12-14")).toEqual([]); // Sunday of week 3
    const due = dueEscalations(c, calendar, "2025-12-15");
    expect(due.map((d) => d.kind)).toEqual(["escalate_to_case_director"]);
    expect(due[0]).toMatchObject({ clockWeeks: 4 });

    const early = applyTransition(c, due[0]!.command, system, "2025-12-12", context);
    expect(early).toMatchObject({ ok: false, error: "too_early" });

    const after = runJob(c, "2025-12-15");
    expect(after.phase).toBe("CASE_DIRECTOR");
    expect(after.history).toHaveLength(1);
    expect(after.history[0]).toMatchObject({
      from: "SCHOOL",
      to: "CASE_DIRECTOR",
      basis: "absence_week_4",
      by: system,
    });
    // Idempotent: the same day (or the next) yields nothing new.
    expect(dueEscalations(after, calendar, "2025-12-15")).toEqual([]);
    expect(runJob(after, "2025-12-16")).toBe(after);
  });

  it("keeps the clock still over the holiday: no week-8 question during Christmas", () => {
    const inDirector = runJob(sampleCase(), "2025-12-15");
    expect(dueEscalations(inDirector, calendar, "2026-01-25")).toEqual([]); // week 7
    expect(dueEscalations(inDirector, calendar, "2026-01-26").map((d) => d.kind)).toEqual([
      "ask_breakthrough_check",
    ]);
  });

  it("asks the week-8 decision once, then escalates at week 12", () => {
    let c = runJob(sampleCase(), "2025-12-15");
    c = runJob(c, "2026-01-26");
    expect(c.breakthroughCheck.requestedAt).toBe("2026-01-26");
    expect(c.phase).toBe("CASE_DIRECTOR");
    for (const day of ["2026-01-27", "2026-02-02", "2026-02-26"]) {
      expect(dueEscalations(c, calendar, day)).toEqual([]);
    }
    // Two holiday weeks put lesweek 12 after the 3-month date (2026-02-26): the breach comes first.
    expect(dueEscalations(c, calendar, "2026-02-27").map((d) => d.kind)).toEqual([
      "mark_three_month_breach",
    ]);
    const due = dueEscalations(c, calendar, "2026-03-02");
    expect(due.map((d) => d.kind)).toEqual(["escalate_to_breakthrough", "mark_three_month_breach"]);
    c = runJob(c, "2026-03-02");
    expect(c.phase).toBe("BREAKTHROUGH");
    expect(c.history.find((r) => r.to === "BREAKTHROUGH")).toMatchObject({
      basis: "absence_week_12",
      from: "CASE_DIRECTOR",
    });
    expect(c.threeMonthBreachMarkedAt).toBe("2026-03-02");
  });

  it("takes a case found late through both escalations on one day, without the week-8 question", () => {
    const late = sampleCase({ openedAt: "2026-03-02" });
    const due = dueEscalations(late, calendar, "2026-03-02");
    expect(due.map((d) => d.kind)).toEqual([
      "escalate_to_case_director",
      "escalate_to_breakthrough",
      "mark_three_month_breach",
    ]);
    const after = runJob(late, "2026-03-02");
    expect(after.phase).toBe("BREAKTHROUGH");
    expect(after.threeMonthBreachMarkedAt).toBe("2026-03-02");
  });

  it("marks the 3-month breach the day after the clamped due date, once", () => {
    // 2025-11-30 + 3 months = 2026-02-30, clamped to 2026-02-28.
    const c = sampleCase({ absenceStartDate: "2025-11-30", openedAt: "2025-12-01" });
    const inDirector = runJob(c, "2025-12-15");
    const kinds = (day: string) => dueEscalations(inDirector, calendar, day).map((d) => d.kind);
    expect(kinds("2026-02-28")).not.toContain("mark_three_month_breach");
    const due = dueEscalations(inDirector, calendar, "2026-03-01");
    expect(due.find((d) => d.kind === "mark_three_month_breach")).toMatchObject({
      dueDate: "2026-02-28",
    });
    const marked = runJob(inDirector, "2026-03-01");
    expect(marked.threeMonthBreachMarkedAt).toBe("2026-03-01");
    expect(dueEscalations(marked, calendar, "2026-03-02").map((d) => d.kind)).not.toContain(
      "mark_three_month_breach",
    );
  });

  it("does not mark a breach when an offer started in time", () => {
    const c = sampleCase({ absenceStartDate: "2025-11-30", openedAt: "2025-12-01" });
    const withOffer = applyTransition(
      c,
      { type: "record_offer_started", startedOn: "2026-02-28" },
      { kind: "person", personId: "u-zc", role: "care_coordinator" },
      "2026-02-28",
      context,
    );
    if (!withOffer.ok) throw new Error(withOffer.message);
    const kinds = dueEscalations(withOffer.case, calendar, "2026-03-10").map((d) => d.kind);
    expect(kinds).not.toContain("mark_three_month_breach");
  });

  it("does nothing for a closed case", () => {
    const closed: Case = { ...sampleCase(), phase: "CLOSED" };
    expect(dueEscalations(closed, calendar, "2026-06-01")).toEqual([]);
  });
});
