import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../api/cases.ts";
import { allowedCommands } from "./allowed.ts";

const detail = (allowed: unknown) => ({ allowed_actions: allowed }) as unknown as CaseDetail;

describe("allowedCommands", () => {
  it("offers each form only for the route the server names", () => {
    const allowed = allowedCommands(
      detail([
        "breakthrough-check",
        "meetings",
        "participants",
        "participants/{person_id}/end",
        "ladder",
        "stagnation/{flag_id}/resolve",
        "budget/commitments",
        "arbitration/ruling",
      ]),
    );
    expect([...(allowed ?? [])].sort()).toEqual([
      "addParticipant",
      "arbitrationRuling",
      "breakthroughCheck",
      "commitBudget",
      "endParticipation",
      "ladder",
      "meeting",
      "resolveStagnation",
    ]);
  });

  it("offers nothing for an empty list, and nothing at all without one", () => {
    expect(allowedCommands(detail([]))?.size).toBe(0);
    expect(allowedCommands(detail(undefined))).toBeNull();
  });

  it("does not offer a form for a neighbouring path", () => {
    // `breakthrough` (convene) is not the week-8 check, `arbitration` not its ruling.
    const allowed = allowedCommands(detail(["breakthrough", "arbitration", "budget/reversals"]));
    expect([...(allowed ?? [])].sort()).toEqual(["arbitration", "breakthrough", "reverseBudget"]);
  });
});
