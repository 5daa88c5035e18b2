import { describe, expect, it } from "vitest";
import { openMasProcedure } from "./mas-procedure.ts";

describe("the open MAS procedure on leerplicht's worklist", () => {
  it("has none without steps or after the outcome", () => {
    expect(openMasProcedure([], "2026-03-02")).toBeNull();
    expect(
      openMasProcedure(
        [
          { kind: "conversation_invited", date: "2026-01-05" },
          { kind: "outcome", date: "2026-02-01" },
        ],
        "2026-03-02",
      ),
    ).toBeNull();
  });

  it("expects the conversation within 2 weeks of the invitation, late after", () => {
    const steps = [{ kind: "conversation_invited" as const, date: "2026-02-10" }];
    expect(openMasProcedure(steps, "2026-02-24")).toMatchObject({
      nextStep: "conversation_held",
      dueOn: "2026-02-24",
      overdue: false,
    });
    expect(openMasProcedure(steps, "2026-02-25")?.overdue).toBe(true);
  });

  it("follows the last step: agreements after the conversation, the outcome after a report", () => {
    expect(
      openMasProcedure(
        [
          { kind: "conversation_invited", date: "2026-01-05" },
          { kind: "conversation_held", date: "2026-01-12" },
        ],
        "2026-01-15",
      ),
    ).toMatchObject({ started: "2026-01-05", nextStep: "agreements", dueOn: "2026-01-19" });
    expect(
      openMasProcedure([{ kind: "official_report", date: "2025-11-30" }], "2026-03-02"),
    ).toMatchObject({ nextStep: "outcome", dueOn: "2026-02-28", overdue: true });
    expect(openMasProcedure([{ kind: "warning", date: "2026-02-01" }], "2026-03-02")).toMatchObject(
      { nextStep: "outcome", dueOn: "2026-03-15", overdue: false },
    );
  });

  it("reopens with a step after an outcome and ignores steps after today", () => {
    expect(
      openMasProcedure(
        [
          { kind: "outcome", date: "2025-10-01" },
          { kind: "conversation_invited", date: "2026-02-20" },
          { kind: "conversation_held", date: "2026-03-10" },
        ],
        "2026-03-02",
      ),
    ).toMatchObject({ started: "2026-02-20", lastStep: { kind: "conversation_invited" } });
  });
});
