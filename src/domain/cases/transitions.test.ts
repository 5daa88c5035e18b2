import { describe, expect, it } from "vitest";
import {
  calendar,
  coordinatorActor,
  director,
  directorActor,
  emptyConsent,
  sampleCase,
  system,
} from "../../../test/support/case-calendar.ts";
import type { CaseCommand } from "./commands.ts";
import { type ConsentFile, recordConsent } from "./consent.ts";
import { dueEscalations } from "./escalations.ts";
import type { Case, CaseActor } from "./model.ts";
import { flagStagnation } from "./stagnation.ts";
import { applyTransition } from "./transitions.ts";

function apply(
  c: Case,
  command: CaseCommand,
  at: string,
  consent: ConsentFile = emptyConsent(),
  actor: CaseActor = directorActor,
): Case {
  const result = applyTransition(c, command, actor, at, { calendar, consent });
  if (!result.ok) throw new Error(`${command.type}: ${result.error} ${result.message}`);
  return result.case;
}

function attempt(c: Case, command: CaseCommand, at: string, consent = emptyConsent()) {
  return applyTransition(c, command, directorActor, at, { calendar, consent });
}

function withArbitrationConsent(decision: "given" | "refused"): ConsentFile {
  const result = recordConsent(emptyConsent(), {
    id: "k1",
    purpose: "binding_arbitration",
    decision,
    giver: { kind: "parent", personId: "ouder-1" },
    at: "2026-03-03",
    recordedBy: "u-cr",
  });
  if (!result.ok) throw new Error(result.message);
  return result.file;
}

const handOver = (c: Case, at = "2025-12-03") =>
  apply(
    c,
    { type: "hand_to_director", reason: "school verwacht > 4 weken", newOwner: director },
    at,
    emptyConsent(),
    coordinatorActor,
  );

function inBreakthrough(): Case {
  const c = handOver(sampleCase());
  return apply(c, { type: "convene_breakthrough", reason: "geen aanbod in zicht" }, "2026-01-12");
}

describe("applyTransition", () => {
  it("lets the school hand over early by decision, recording who, when, why and the new owner", () => {
    const c = handOver(sampleCase());
    expect(c.phase).toBe("CASE_DIRECTOR");
    expect(c.owner.personId).toBe("u-cr");
    expect(c.participants.map((p) => p.personId)).toEqual(["u-zc", "u-cr"]);
    expect(c.history[0]).toEqual({
      command: "hand_to_director",
      from: "SCHOOL",
      to: "CASE_DIRECTOR",
      at: "2025-12-03",
      by: coordinatorActor,
      reason: "school verwacht > 4 weken",
      basis: "decision",
    });
    const noReason = attempt(sampleCase(), { type: "hand_to_director", reason: " " }, "2025-12-03");
    expect(noReason).toMatchObject({ ok: false, error: "reason_required" });
  });

  it("names recognised stagnation as the basis of an early breakthrough", () => {
    const flagged = flagStagnation(
      handOver(sampleCase()),
      { id: "s1", cause: "waiting_list_youth_care", note: "wachtlijst 20 weken" },
      directorActor,
      "2026-01-07",
    );
    if (!flagged.ok) throw new Error(flagged.message);
    const c = apply(
      flagged.case,
      { type: "convene_breakthrough", reason: "stagnatie" },
      "2026-01-08",
    );
    expect(c.history.at(-1)).toMatchObject({ to: "BREAKTHROUGH", basis: "stagnation" });
  });

  it("convenes the breakthrough team when the week-8 answer is no", () => {
    const c = apply(
      handOver(sampleCase()),
      { type: "record_breakthrough_check", offerExpectedWithin4Weeks: false, reason: "geen plek" },
      "2026-01-26",
    );
    expect(c.phase).toBe("BREAKTHROUGH");
    expect(c.breakthroughCheck.decision).toMatchObject({ offerExpectedWithin4Weeks: false });
    expect(c.history.at(-1)).toMatchObject({ basis: "breakthrough_check" });

    const yes = apply(
      handOver(sampleCase()),
      { type: "record_breakthrough_check", offerExpectedWithin4Weeks: true, reason: "OZA start" },
      "2026-01-26",
    );
    expect(yes.phase).toBe("CASE_DIRECTOR");
    expect(dueEscalations(yes, calendar, "2026-01-27")).toEqual([]);
  });

  it("de-escalates with a reason, and the clock does not overrule the afschalen", () => {
    const c = handOver(sampleCase());
    expect(
      attempt(c, { type: "deescalate", to: "SCHOOL", reason: "" }, "2025-12-10"),
    ).toMatchObject({
      ok: false,
      error: "reason_required",
    });
    expect(
      attempt(c, { type: "deescalate", to: "BREAKTHROUGH", reason: "x" }, "2025-12-10"),
    ).toMatchObject({
      ok: false,
      error: "wrong_phase",
    });
    const down = apply(
      c,
      { type: "deescalate", to: "SCHOOL", reason: "weer naar school" },
      "2025-12-10",
    );
    expect(down.phase).toBe("SCHOOL");
    expect(down.history.at(-1)).toMatchObject({
      from: "CASE_DIRECTOR",
      to: "SCHOOL",
      basis: "deescalation",
    });
    expect(dueEscalations(down, calendar, "2026-01-05")).toEqual([]); // week 5
    const auto = applyTransition(
      down,
      { type: "hand_to_director", reason: "" },
      system,
      "2026-01-05",
      {
        calendar,
        consent: emptyConsent(),
      },
    );
    expect(auto).toMatchObject({ ok: false, error: "deescalated" });
    // Escalating again stays possible by decision.
    expect(handOver(down, "2026-01-05").phase).toBe("CASE_DIRECTOR");
  });

  it("refuses arbitration without consent (d): the route is then PROSECUTOR", () => {
    const c = inBreakthrough();
    const refused = attempt(
      c,
      { type: "start_arbitration", reason: "geen overeenstemming" },
      "2026-03-04",
    );
    expect(refused).toMatchObject({ ok: false, error: "arbitration_consent_missing" });
    // Not asked is not a refusal: no ground for the prosecutor yet.
    expect(
      attempt(c, { type: "refer_prosecutor", route: "civil", reason: "x" }, "2026-02-01"),
    ).toMatchObject({ ok: false, error: "no_ground_for_prosecutor" });
    const parentsSayNo = withArbitrationConsent("refused");
    const referred = apply(
      c,
      { type: "refer_prosecutor", route: "civil", reason: "ouders weigeren arbitrage" },
      "2026-03-04",
      parentsSayNo,
    );
    expect(referred.phase).toBe("PROSECUTOR");
    expect(referred.prosecutorReferral).toEqual({ route: "civil", referredAt: "2026-03-04" });
    expect(referred.history.at(-1)).toMatchObject({ basis: "arbitration_refused" });
  });

  it("starts arbitration with consent (d) and refers when the parents refuse the ruling", () => {
    const consent = withArbitrationConsent("given");
    let c = apply(
      inBreakthrough(),
      { type: "start_arbitration", reason: "partijen oneens" },
      "2026-03-04",
      consent,
    );
    expect(c.phase).toBe("ARBITRATION");
    c = apply(
      c,
      { type: "record_arbitration_ruling", ruling: "plaatsing OZA", parentsAccept: false },
      "2026-03-10",
      consent,
    );
    expect(c.phase).toBe("ARBITRATION");
    c = apply(
      c,
      { type: "refer_prosecutor", route: "criminal", reason: "uitspraak geweigerd" },
      "2026-03-11",
      consent,
    );
    expect(c.history.at(-1)).toMatchObject({
      from: "ARBITRATION",
      to: "PROSECUTOR",
      basis: "ruling_refused",
    });
  });

  it("allows the prosecutor from CASE_DIRECTOR once 3 months passed without an offer", () => {
    const c = handOver(sampleCase()); // absence start 2025-11-26 → due 2026-02-26
    const cmd: CaseCommand = { type: "refer_prosecutor", route: "civil", reason: "termijn" };
    expect(attempt(c, cmd, "2026-02-26")).toMatchObject({
      ok: false,
      error: "no_ground_for_prosecutor",
    });
    expect(apply(c, cmd, "2026-02-27").history.at(-1)).toMatchObject({ basis: "three_month_term" });
    // A late offer is a solution: the guarantee did not hold, but there is no ground to refer.
    const lateOffer = apply(
      c,
      { type: "record_offer_started", startedOn: "2026-03-02" },
      "2026-03-02",
    );
    expect(attempt(lateOffer, cmd, "2026-03-03")).toMatchObject({
      ok: false,
      error: "no_ground_for_prosecutor",
    });
  });

  it("closes with outcome, duration and whether the 3-month guarantee held", () => {
    const c = handOver(sampleCase());
    const onTime = apply(
      c,
      { type: "close", outcome: "special_education", reason: "geplaatst" },
      "2026-02-20",
    );
    expect(onTime.closing).toEqual({
      outcome: "special_education",
      closedAt: "2026-02-20",
      durationDays: 86,
      guaranteeHeld: true,
    });
    const late = apply(
      c,
      { type: "close", outcome: "own_school_full_time", reason: "terug" },
      "2026-03-20",
    );
    expect(late.closing?.guaranteeHeld).toBe(false);
    const moved = apply(
      c,
      { type: "close", outcome: "moved_out_of_region", reason: "verhuisd" },
      "2026-01-20",
    );
    expect(moved.closing?.guaranteeHeld).toBeNull();
    expect(
      attempt(late, { type: "deescalate", to: "SCHOOL", reason: "x" }, "2026-03-21"),
    ).toMatchObject({
      ok: false,
      error: "case_closed",
    });
  });

  it("keeps decisions for persons: the job may not close or refer", () => {
    const result = applyTransition(
      sampleCase(),
      { type: "close", outcome: "other", reason: "job" },
      system,
      "2026-01-05",
      { calendar, consent: emptyConsent() },
    );
    expect(result).toMatchObject({ ok: false, error: "needs_person" });
  });

  it("refuses a partner as new owner who has not joined with consent (b)", () => {
    const partner = {
      personId: "u-jt",
      role: "youth_care",
      organisation: "Jeugdteam Noord",
    } as const;
    const result = attempt(
      sampleCase(),
      { type: "hand_to_director", reason: "verwacht lang", newOwner: partner },
      "2025-12-03",
    );
    expect(result).toMatchObject({ ok: false, error: "owner_required" });
  });
});
