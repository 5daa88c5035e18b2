import { describe, expect, it } from "vitest";
import { calendar, sampleCase } from "../../../test/support/case-calendar.ts";
import {
  type CaseEvent,
  caseDeadlines,
  type Deadline,
  type DeadlineCode,
  nextDeadline,
} from "./deadlines.ts";
import type { Case } from "./model.ts";
import { addGoal, emptyPlan, type Plan } from "./plan.ts";

const noPlan = emptyPlan("c-1");

function deadline(
  c: Case,
  asOf: string,
  code: DeadlineCode,
  events: CaseEvent[] = [],
  plan: Plan = noPlan,
): Deadline | undefined {
  return caseDeadlines(c, calendar, asOf, { events, plan }).find((d) => d.code === code);
}

const event = (kind: CaseEvent["kind"], date: string): CaseEvent => ({
  kind,
  date,
  personId: "u-x",
});

describe("case deadlines", () => {
  const c = sampleCase(); // absence start and opening Wednesday 2025-11-26
  const closed: Case = {
    ...c,
    phase: "CLOSED",
    closing: {
      outcome: "own_school_full_time",
      closedAt: "2025-12-02",
      durationDays: 6,
      guaranteeHeld: true,
    },
  };

  it("wants the mentor's contact the same day, or by the 3rd sick school day", () => {
    expect(deadline(c, "2025-11-26", "mentor_contact")).toMatchObject({
      dueDate: "2025-11-26",
      status: "open",
      responsible: { role: "teacher", personId: null },
    });
    expect(deadline(c, "2025-11-27", "mentor_contact")?.status).toBe("overdue");
    const sick = sampleCase({ absenceStartedSick: true });
    expect(deadline(sick, "2025-11-27", "mentor_contact")).toMatchObject({
      dueDate: "2025-11-28",
      status: "open",
    });
    expect(
      deadline(sick, "2025-12-02", "mentor_contact", [event("mentor_contact", "2025-12-01")]),
    ).toMatchObject({
      status: "met",
      metOn: "2025-12-01",
      onTime: false,
    });
  });

  it("counts the first professional contact within a week of the case start", () => {
    expect(deadline(c, "2025-12-03", "first_professional_contact")).toMatchObject({
      dueDate: "2025-12-03",
      status: "open",
      kpiTarget: 0.8,
      responsible: { role: "care_coordinator", personId: "u-zc" },
    });
    expect(deadline(c, "2025-12-04", "first_professional_contact")?.status).toBe("overdue");
    const met = deadline(c, "2025-12-20", "first_professional_contact", [
      event("professional_contact", "2025-12-02"),
    ]);
    expect(met).toMatchObject({ status: "met", onTime: true });
    // An event recorded after asOf does not count yet.
    const future = deadline(c, "2025-12-01", "first_professional_contact", [
      event("professional_contact", "2025-12-02"),
    ]);
    expect(future?.status).toBe("open");
  });

  it("takes a home visit as the partner's conversation and keeps the 14-day first conversation", () => {
    const events = [event("home_visit", "2025-12-09")];
    expect(deadline(c, "2025-12-11", "partner_conversation", events)).toMatchObject({
      dueDate: "2025-12-10",
      status: "met",
    });
    expect(deadline(c, "2025-12-11", "first_conversation", events)).toMatchObject({
      dueDate: "2025-12-10",
      status: "overdue",
      kpiTarget: 1,
      responsible: { role: "attendance_officer", personId: null },
    });
  });

  it("wants SMART goals within one calendar month", () => {
    expect(deadline(c, "2025-12-27", "smart_goals")).toMatchObject({
      dueDate: "2025-12-26",
      status: "overdue",
    });
    const plan = addGoal(noPlan, {
      id: "g1",
      domain: "education",
      text: "3 ochtenden per week op school",
      measure: "aanwezigheid in de registratie",
      setOn: "2025-12-20",
      targetDate: "2026-02-01",
    });
    if (!plan.ok) throw new Error(plan.message);
    expect(deadline(c, "2025-12-27", "smart_goals", [], plan.plan)).toMatchObject({
      status: "met",
      metOn: "2025-12-20",
      onTime: true,
    });
  });

  it("moves the weekly school review with each review, only while in SCHOOL", () => {
    const reviews = [event("school_review", "2025-12-02")];
    expect(deadline(c, "2025-12-03", "weekly_school_review")).toMatchObject({
      dueDate: "2025-12-03",
      status: "open",
    });
    expect(deadline(c, "2025-12-05", "weekly_school_review", reviews)).toMatchObject({
      dueDate: "2025-12-09",
      status: "open",
    });
    expect(deadline(c, "2025-12-10", "weekly_school_review", reviews)?.status).toBe("overdue");
    const escalated: Case = { ...c, phase: "CASE_DIRECTOR" };
    expect(deadline(escalated, "2025-12-10", "weekly_school_review")).toBeUndefined();
  });

  it("asks a monthly review with the case director while the case is open", () => {
    const events = [event("director_review", "2025-12-20")];
    expect(deadline(c, "2025-12-27", "monthly_director_review")?.status).toBe("overdue");
    expect(deadline(c, "2025-12-27", "monthly_director_review", events)).toMatchObject({
      dueDate: "2026-01-20",
      status: "open",
    });
  });

  it("computes the 3-month guarantee from the absence start, clamped, with 2 weeks at risk", () => {
    const late = sampleCase({ absenceStartDate: "2025-11-30", openedAt: "2025-12-01" });
    const state = (asOf: string) => deadline(late, asOf, "three_month_guarantee")?.status;
    expect(deadline(late, "2026-02-14", "three_month_guarantee")?.dueDate).toBe("2026-02-28");
    expect(state("2026-02-14")).toBe("open");
    expect(state("2026-02-15")).toBe("at_risk");
    expect(state("2026-02-28")).toBe("at_risk");
    expect(state("2026-03-01")).toBe("breached");
    const withOffer: Case = { ...late, offerStartedOn: "2026-02-20" };
    expect(deadline(withOffer, "2026-03-01", "three_month_guarantee")).toMatchObject({
      status: "met",
      metOn: "2026-02-20",
    });
    const offerTooLate: Case = { ...late, offerStartedOn: "2026-03-02" };
    expect(deadline(offerTooLate, "2026-03-05", "three_month_guarantee")?.status).toBe("breached");
  });

  it("evaluates a closed case at its closing date", () => {
    const all = caseDeadlines(closed, calendar, "2026-06-01", { events: [], plan: noPlan });
    // Missed before closing: stays missed. Still open at closing: the obligation ended there.
    expect(all.find((d) => d.code === "mentor_contact")?.status).toBe("overdue");
    expect(all.map((d) => d.code)).not.toContain("first_professional_contact");
    expect(all.map((d) => d.code)).not.toContain("smart_goals");
    expect(all.find((d) => d.code === "three_month_guarantee")).toMatchObject({
      status: "met",
      metOn: "2025-12-02",
    });
    expect(all.map((d) => d.code)).not.toContain("monthly_director_review");
  });

  it("gives a closed case no next deadline and no overdue status (issue 11 item 4b)", () => {
    const open = caseDeadlines(c, calendar, "2025-12-04", { events: [], plan: noPlan });
    expect(nextDeadline(c, open)).toMatchObject({ code: "mentor_contact", status: "overdue" });
    const all = caseDeadlines(closed, calendar, "2026-06-01", { events: [], plan: noPlan });
    expect(nextDeadline(closed, all)).toBeUndefined();
  });
});

describe("the mentor's contact of a case opened after the absence began (§5 SCHOOL, issue 11 4a)", () => {
  // Absence since Wednesday 2025-11-26; the case is opened a week later.
  const late = sampleCase({ openedAt: "2025-12-03" });

  it("is due on the opening day, not already late when the case opens", () => {
    expect(deadline(late, "2025-12-03", "mentor_contact")).toMatchObject({
      dueDate: "2025-12-03",
      status: "open",
    });
    expect(deadline(late, "2025-12-04", "mentor_contact")?.status).toBe("overdue");
    // Contact made before the case existed still meets it, on time.
    expect(
      deadline(late, "2025-12-04", "mentor_contact", [event("mentor_contact", "2025-11-27")]),
    ).toMatchObject({ status: "met", onTime: true });
  });

  it("keeps the 3rd sick day when the case opened before it", () => {
    const sick = sampleCase({ absenceStartedSick: true, openedAt: "2025-11-27" });
    expect(deadline(sick, "2025-11-27", "mentor_contact")?.dueDate).toBe("2025-11-28");
    const sickLate = sampleCase({ absenceStartedSick: true, openedAt: "2025-12-01" });
    expect(deadline(sickLate, "2025-12-01", "mentor_contact")).toMatchObject({
      dueDate: "2025-12-01",
      status: "open",
    });
  });
});
