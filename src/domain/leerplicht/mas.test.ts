import { describe, expect, it } from "vitest";
import { checkMasStep, type MasStepInput, tellingCategoryOf } from "./mas.ts";

const born = "2014-03-15"; // 12 on 2026-03-15
const today = "2026-05-01";
const check = (input: Partial<MasStepInput>) =>
  checkMasStep({ kind: "warning", date: "2026-04-01", ...input }, born, today);

describe("the MAS steps (domain.md §2, seed 002)", () => {
  it("accepts each kind with its own field", () => {
    expect(check({ kind: "conversation_invited" }).ok).toBe(true);
    expect(check({ kind: "conversation_held", note: "Ouders en leerling gesproken" }).ok).toBe(
      true,
    );
    expect(check({ kind: "agreements" }).ok).toBe(true);
    expect(check({ kind: "warning" }).ok).toBe(true);
    expect(check({ kind: "care_referral", organisation: "Jeugdteam Zandstad" }).ok).toBe(true);
    expect(check({ kind: "halt_referral", date: "2026-03-15" }).ok).toBe(true);
    expect(check({ kind: "official_report", route: "criminal" }).ok).toBe(true);
    expect(check({ kind: "official_report", route: "civil" }).ok).toBe(true);
    expect(check({ kind: "outcome", outcome: "attendance_restored" }).ok).toBe(true);
  });

  it("refuses a Halt referral of a pupil under 12 on the step's date", () => {
    const refused = check({ kind: "halt_referral", date: "2026-03-14" });
    expect(refused).toMatchObject({ ok: false, error: "halt_under_12" });
  });

  it("refuses a date in the future or before birth", () => {
    expect(check({ date: "2026-05-02" })).toMatchObject({ error: "invalid_date" });
    expect(check({ date: "2014-03-14" })).toMatchObject({ error: "invalid_date" });
    expect(check({ date: "2026-02-30" })).toMatchObject({ error: "invalid_date" });
  });

  it("needs the route, the outcome and the organisation of their kinds, and only there", () => {
    expect(check({ kind: "official_report" })).toMatchObject({ error: "route_required" });
    expect(check({ kind: "outcome" })).toMatchObject({ error: "outcome_required" });
    expect(check({ kind: "care_referral", organisation: "  " })).toMatchObject({
      error: "organisation_required",
    });
    expect(check({ kind: "warning", route: "civil" })).toMatchObject({
      error: "field_not_allowed",
    });
    expect(check({ kind: "warning", outcome: "other" })).toMatchObject({
      error: "field_not_allowed",
    });
    expect(check({ kind: "halt_referral", organisation: "Halt" })).toMatchObject({
      error: "field_not_allowed",
    });
  });

  it("names what the leerplichttelling counts (§7)", () => {
    expect(tellingCategoryOf({ kind: "halt_referral", route: null })).toBe("halt_verwijzingen");
    expect(tellingCategoryOf({ kind: "official_report", route: "criminal" })).toBe(
      "processen_verbaal",
    );
    expect(tellingCategoryOf({ kind: "official_report", route: "civil" })).toBe(
      "raad_voor_de_kinderbescherming",
    );
    expect(tellingCategoryOf({ kind: "warning", route: null })).toBeNull();
  });
});
