import { describe, expect, it } from "vitest";
import type { Actor } from "./auth/actor.ts";
import { decideFor, policyActor, type Resource, schoolsOfCurrentYear } from "./authorize.ts";

const actor = (roles: Actor["roles"]): Actor => ({
  userId: "u-1",
  email: "u@x.example",
  name: "U",
  roles,
  via: "session",
  session: null,
});

const pupil = (enrolments: { schoolId: string; startDate: string; endDate: string | null }[]) =>
  ({
    type: "pupil",
    pupilId: "P1",
    facts: { residenceMunicipality: "Zandstad", enrolments, participantIds: [] },
    today: "2026-03-02",
  }) satisfies Resource;

describe("the HTTP side of authorization", () => {
  it("merges a user's scopes into one policy grant per role and drops unknown codes", () => {
    const subject = policyActor(
      actor([
        { role: "teacher", schoolId: "12AB00" },
        { role: "teacher", schoolId: "34CD00" },
        { role: "parent", pupilId: "P7" },
        { role: "superuser" },
      ]),
    );
    expect(subject.grants).toEqual([
      { role: "teacher", schoolIds: ["12AB00", "34CD00"], municipalities: [], childPupilIds: [] },
      { role: "parent", schoolIds: [], municipalities: [], childPupilIds: ["P7"] },
    ]);
  });

  it("counts schools of enrolments active in today's school year, not last year's", () => {
    const enrolments = [
      { schoolId: "A", startDate: "2020-08-20", endDate: "2025-07-31" },
      { schoolId: "B", startDate: "2025-08-01", endDate: "2025-08-01" },
      { schoolId: "C", startDate: "2026-07-31", endDate: null },
      { schoolId: "D", startDate: "2026-08-01", endDate: null },
    ];
    expect(schoolsOfCurrentYear(enrolments, "2026-03-02")).toEqual(["B", "C"]);
    // From 1 August the next school year counts.
    expect(schoolsOfCurrentYear(enrolments, "2026-08-01")).toEqual(["C", "D"]);
  });

  it("names the role that granted access, and denies a pupil that does not exist", () => {
    const staff = actor([
      { role: "privacy_officer" },
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    const seen = decideFor(
      staff,
      "read_pupil",
      pupil([{ schoolId: "12AB00", startDate: "2024-08-26", endDate: null }]),
    );
    expect(seen).toMatchObject({ allowed: true, role: "care_coordinator" });
    const elsewhere = decideFor(
      staff,
      "read_pupil",
      pupil([{ schoolId: "99ZZ00", startDate: "2024-08-26", endDate: null }]),
    );
    expect(elsewhere.allowed).toBe(false);
    const missing = decideFor(staff, "read_pupil", {
      type: "pupil",
      pupilId: "P404",
      facts: null,
      today: "2026-03-02",
    });
    expect(missing).toEqual({ allowed: false, reason: "no such resource" });
    expect(decideFor(staff, "read_audit", { type: "audit_log", pupilId: null })).toMatchObject({
      allowed: true,
      role: "privacy_officer",
    });
  });

  it("decides on a case by its participants and phase, through the same policy", () => {
    const director = actor([{ role: "case_director", municipality: "Zandstad" }]);
    const caseOf = (phase: "CASE_DIRECTOR" | "CLOSED", participantIds: string[]): Resource => ({
      type: "case",
      caseId: "C1",
      pupilId: "P1",
      facts: {
        pupil: { residenceMunicipality: "Zandstad", enrolments: [], participantIds },
        phase,
        participantIds,
      },
      today: "2026-03-02",
    });
    expect(decideFor(director, "read_case", caseOf("CASE_DIRECTOR", ["u-1"])).allowed).toBe(true);
    expect(decideFor(director, "read_case", caseOf("CASE_DIRECTOR", ["u-2"])).allowed).toBe(false);
    expect(decideFor(director, "escalate", caseOf("CLOSED", ["u-1"])).allowed).toBe(false);
  });
});
