// The pure half of src/access: actors in the policy's terms, the facts' scopes, and `may`
// naming the role that opened the door (was src/http/authorize.test.ts).
import { describe, expect, it } from "vitest";
import { schoolsOfSchoolYear } from "../domain/calendar/school-year.ts";
import type { Resource } from "../domain/policy/resources.ts";
import { type AccessActor, accessActorOf, type RoleAssignment } from "./actor.ts";
import { recordScope } from "./facts.ts";
import { may } from "./gate.ts";

const origin = { route: "/test", method: "GET" };
const actor = (roles: RoleAssignment[]): AccessActor =>
  accessActorOf({ userId: "u-1", roles }, origin);

const pupil = (enrolments: { schoolId: string; startDate: string; endDate: string | null }[]) =>
  ({
    kind: "pupil",
    pupil: recordScope(
      "P1",
      { residenceMunicipality: "Zandstad", enrolments, participantIds: [] },
      "2026-03-02",
    ),
  }) satisfies Resource;

describe("deciding without writing (src/access may)", () => {
  it("merges a user's scopes into one policy grant per role and drops unknown codes", () => {
    const subject = actor([
      { role: "teacher", schoolId: "12AB00" },
      { role: "teacher", schoolId: "34CD00" },
      { role: "parent", pupilId: "P7" },
      { role: "partnership_consultant", partnership: "SWV-01" },
      { role: "superuser" },
    ]);
    const none = { schoolIds: [], municipalities: [], childPupilIds: [], partnerships: [] };
    expect(subject.policy.grants).toEqual([
      { ...none, role: "teacher", schoolIds: ["12AB00", "34CD00"] },
      { ...none, role: "parent", childPupilIds: ["P7"] },
      { ...none, role: "partnership_consultant", partnerships: ["SWV-01"] },
    ]);
  });

  it("counts schools of enrolments active in today's school year, not last year's", () => {
    const enrolments = [
      { schoolId: "A", startDate: "2020-08-20", endDate: "2025-07-31" },
      { schoolId: "B", startDate: "2025-08-01", endDate: "2025-08-01" },
      { schoolId: "C", startDate: "2026-07-31", endDate: null },
      { schoolId: "D", startDate: "2026-08-01", endDate: null },
    ];
    expect(schoolsOfSchoolYear(enrolments, "2026-03-02")).toEqual(["B", "C"]);
    // From 1 August the next school year counts.
    expect(schoolsOfSchoolYear(enrolments, "2026-08-01")).toEqual(["C", "D"]);
  });

  it("names the role that granted access", () => {
    const staff = actor([
      { role: "privacy_officer" },
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    const seen = may(
      staff,
      "read_pupil",
      pupil([{ schoolId: "12AB00", startDate: "2024-08-26", endDate: null }]),
    );
    expect(seen).toMatchObject({ ok: true, role: "care_coordinator" });
    const elsewhere = may(
      staff,
      "read_pupil",
      pupil([{ schoolId: "99ZZ00", startDate: "2024-08-26", endDate: null }]),
    );
    expect(elsewhere.ok).toBe(false);
    expect(may(staff, "read_audit", { kind: "audit_log" })).toMatchObject({
      ok: true,
      role: "privacy_officer",
    });
  });

  it("decides on a case by its participants and phase, through the same policy", () => {
    const director = actor([{ role: "case_director", municipality: "Zandstad" }]);
    const caseOf = (phase: "CASE_DIRECTOR" | "CLOSED", participantIds: string[]): Resource => ({
      kind: "case",
      pupil: {
        pupilId: "P1",
        schoolIds: [],
        residenceMunicipality: "Zandstad",
        participantIds,
        consentShareAuthorizedAbsence: false,
      },
      case: { id: "C1", phase, participantIds },
    });
    expect(may(director, "read_case", caseOf("CASE_DIRECTOR", ["u-1"])).ok).toBe(true);
    expect(may(director, "read_case", caseOf("CASE_DIRECTOR", ["u-2"])).ok).toBe(false);
    expect(may(director, "escalate", caseOf("CLOSED", ["u-1"])).ok).toBe(false);
  });

  it("counts only the roles a duty involves when asked to", () => {
    const both = actor([
      { role: "teacher", schoolId: "12AB00" },
      { role: "school_head", schoolId: "12AB00" },
    ]);
    const resource = pupil([{ schoolId: "12AB00", startDate: "2024-08-26", endDate: null }]);
    expect(may(both, "read_attendance_unauthorized", resource, ["school_head"])).toMatchObject({
      ok: true,
      role: "school_head",
    });
    expect(may(both, "read_attendance_unauthorized", resource, ["attendance_officer"]).ok).toBe(
      false,
    );
  });
});
