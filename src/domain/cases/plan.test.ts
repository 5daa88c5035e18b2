import { describe, expect, it } from "vitest";
import {
  addAction,
  addGoal,
  emptyPlan,
  overdueActions,
  recordMeeting,
  setActionStatus,
} from "./plan.ts";

const goal = {
  id: "g1",
  domain: "care",
  text: "Intake jeugd-GGZ afgerond",
  measure: "intakeverslag ontvangen",
  setOn: "2026-01-05",
  targetDate: "2026-02-01",
} as const;

describe("plan", () => {
  it("accepts only SMART goals", () => {
    expect(addGoal(emptyPlan("c-1"), goal).ok).toBe(true);
    expect(addGoal(emptyPlan("c-1"), { ...goal, measure: "" })).toMatchObject({
      ok: false,
      error: "not_smart",
    });
    expect(addGoal(emptyPlan("c-1"), { ...goal, targetDate: "2026-01-01" })).toMatchObject({
      ok: false,
      error: "not_smart",
    });
  });

  it("turns meeting decisions into owned actions and tracks their status", () => {
    const recorded = recordMeeting(emptyPlan("c-1"), {
      id: "m1",
      kind: "breakthrough_team",
      date: "2026-03-03",
      participantIds: ["u-cr", "u-swv", "u-jt"],
      decisions: [
        {
          id: "d1",
          text: "Plaatsing OZA regelen",
          action: {
            id: "a1",
            ownerPersonId: "u-swv",
            ownerOrganisation: "SWV PO2605",
            dueDate: "2026-03-10",
          },
        },
        { id: "d2", text: "Wachtlijst is geen reden om te wachten" },
      ],
    });
    if (!recorded.ok) throw new Error(recorded.message);
    expect(recorded.plan.actions).toEqual([
      {
        id: "a1",
        description: "Plaatsing OZA regelen",
        ownerPersonId: "u-swv",
        ownerOrganisation: "SWV PO2605",
        dueDate: "2026-03-10",
        status: "open",
        fromDecision: { meetingId: "m1", decisionId: "d1" },
      },
    ]);
    expect(overdueActions(recorded.plan, "2026-03-11").map((a) => a.id)).toEqual(["a1"]);
    const done = setActionStatus(recorded.plan, "a1", "done");
    if (!done.ok) throw new Error(done.message);
    expect(overdueActions(done.plan, "2026-03-11")).toEqual([]);
    expect(setActionStatus(done.plan, "a1", "cancelled")).toMatchObject({
      ok: false,
      error: "action_finished",
    });
  });

  it("refuses an action without owner organisation", () => {
    const result = addAction(emptyPlan("c-1"), {
      id: "a1",
      description: "bellen",
      ownerPersonId: "u-zc",
      ownerOrganisation: " ",
      dueDate: "2026-01-10",
    });
    expect(result).toMatchObject({ ok: false, error: "owner_required" });
  });
});
