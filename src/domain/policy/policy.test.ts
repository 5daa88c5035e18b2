import { describe, expect, it } from "vitest";
import type { CasePhase } from "../cases/model.ts";
import { actionForCommand } from "./case-actions.ts";
import { can, decide } from "./policy.ts";
import type { Action, Actor, DocumentVisibility, PupilScope, Resource } from "./resources.ts";
import { ROLE_CODES, type RoleCode } from "./roles.ts";

// One pupil at school 99ZZ00 living in Voorbeeld, with an open case in which every professional
// of the matrix takes part; consent (a) given; the candidate partner has consent (b).
function actorFor(role: RoleCode, personId = `u-${role}`): Actor {
  return {
    userId: personId,
    personId,
    grants: [{ role, schoolIds: ["99ZZ00"], municipalities: ["Voorbeeld"], childPupilIds: ["P1"] }],
  };
}
const PROFESSIONALS = ROLE_CODES.filter(
  (r) => !["parent", "policy_officer", "app_admin", "privacy_officer"].includes(r),
);
const pupil: PupilScope = {
  pupilId: "P1",
  schoolIds: ["99ZZ00"],
  residenceMunicipality: "Voorbeeld",
  participantIds: PROFESSIONALS.map((r) => `u-${r}`),
  consentShareAuthorizedAbsence: true,
};
const caseIn = (phase: CasePhase, p: PupilScope = pupil): Resource => ({
  kind: "case",
  pupil: p,
  case: { id: "c-1", phase, participantIds: p.participantIds },
  candidate: { needsPartnerConsent: true, partnerConsentGiven: true },
});
const documentWith = (visibility: DocumentVisibility): Resource => ({
  kind: "document",
  pupil,
  visibility,
});

const RESOURCES: Record<string, Resource> = {
  pupil: { kind: "pupil", pupil },
  signal: { kind: "signal", pupil, involvesAuthorizedAbsence: true },
  case: caseIn("CASE_DIRECTOR"),
  audit: { kind: "audit_log" },
  monitor: { kind: "monitor" },
  admin: { kind: "administration" },
  leaveNew: { kind: "leave_request", pupil },
  leaveHead: { kind: "leave_request", pupil, decider: "school_head" },
  leaveLeerplicht: { kind: "leave_request", pupil, decider: "attendance_officer" },
};

// Columns follow ROLE_CODES: teacher, care_coordinator, school_head, attendance_officer,
// case_director, partnership_consultant, youth_doctor, youth_care, breakthrough_member, parent,
// policy_officer, app_admin, privacy_officer.  1 = allowed, . = denied.
const MATRIX: [Action, Resource, string][] = [
  ["read_pupil", RESOURCES.pupil!, "1111111111..."],
  ["read_attendance_unauthorized", RESOURCES.pupil!, "111111111...."],
  ["read_attendance_authorized", RESOURCES.pupil!, "111111111...."],
  ["read_signals", RESOURCES.signal!, "111111111...."],
  ["read_medical_notes", RESOURCES.pupil!, "......1......"],
  ["open_case", RESOURCES.pupil!, "1111........."],
  ["read_case", RESOURCES.case!, "1111111111..."],
  ["update_plan", RESOURCES.case!, "111111111...."],
  ["record_consent", RESOURCES.case!, ".1111....1..."],
  ["flag_stagnation", RESOURCES.case!, "111111111...."],
  ["escalate", RESOURCES.case!, "....1........"],
  ["deescalate", RESOURCES.case!, "....1........"],
  ["convene_breakthrough", RESOURCES.case!, "....1........"],
  ["start_arbitration", RESOURCES.case!, "....1........"],
  ["refer_prosecutor", RESOURCES.case!, "....1........"],
  ["close_case", RESOURCES.case!, "....1........"],
  ["spend_budget", RESOURCES.case!, "....1........"],
  ["add_participant", RESOURCES.case!, ".1111........"],
  ["remove_participant", RESOURCES.case!, ".1111........"],
  ["read_document", documentWith("professionals"), "111111111...."],
  ["read_document", documentWith("also_parents"), "1111111111..."],
  ["read_document", documentWith("jgz_only"), "......1......"],
  ["read_audit", RESOURCES.audit!, "...........11"],
  ["export_subject_data", RESOURCES.audit!, "............1"],
  ["read_monitor", RESOURCES.monitor!, "..1111....11."],
  ["reconcile_list", RESOURCES.monitor!, "..1111......."],
  ["manage_users", RESOURCES.admin!, "...........1."],
  ["manage_schools", RESOURCES.admin!, "...........1."],
  ["request_leave", RESOURCES.leaveNew!, "111......1..."],
  ["read_leave_requests", RESOURCES.leaveHead!, "111......1..."],
  ["read_leave_requests", RESOURCES.leaveLeerplicht!, "1111.....1..."],
  ["decide_leave", RESOURCES.leaveHead!, "..1.........."],
  ["decide_leave", RESOURCES.leaveLeerplicht!, "...1........."],
];

describe("authorization matrix (roles × actions, everyone in scope)", () => {
  for (const [action, resource, row] of MATRIX) {
    it(`${action} on ${resource.kind}${resource.kind === "document" ? ` (${resource.visibility})` : ""}`, () => {
      const actual = ROLE_CODES.map((role) =>
        can(actorFor(role), action, resource) ? "1" : ".",
      ).join("");
      expect(actual).toBe(row);
    });
  }
});

describe("authorization out of scope", () => {
  const elsewhere: PupilScope = {
    pupilId: "P2",
    schoolIds: ["11AA00"],
    residenceMunicipality: "Elders",
    participantIds: [],
    consentShareAuthorizedAbsence: false,
  };
  const other = (kind: "pupil") => ({ kind, pupil: elsewhere }) as const;

  it("hides another school's pupil from school staff and non-participants", () => {
    for (const role of PROFESSIONALS) {
      expect(can(actorFor(role), "read_pupil", other("pupil"))).toBe(false);
    }
    expect(can(actorFor("parent"), "read_case", caseIn("SCHOOL", elsewhere))).toBe(false);
  });

  it("lets leerplicht see unauthorized absence of residents always, authorized only with consent (a)", () => {
    const lpa: Actor = {
      userId: "lpa-2",
      personId: "lpa-2", // not a participant
      grants: [{ role: "attendance_officer", municipalities: ["Voorbeeld"] }],
    };
    const noConsent: PupilScope = { ...pupil, consentShareAuthorizedAbsence: false };
    const resident = { kind: "pupil", pupil: noConsent } as const;
    expect(can(lpa, "read_attendance_unauthorized", resident)).toBe(true);
    expect(can(lpa, "read_attendance_authorized", resident)).toBe(false);
    expect(decide(lpa, "read_attendance_authorized", resident)).toEqual({
      allowed: false,
      reason: "attendance_officer needs (livesInMunicipality or isCaseParticipant) and hasConsentA",
    });
    const legalSignal = {
      kind: "signal",
      pupil: noConsent,
      involvesAuthorizedAbsence: false,
    } as const;
    const sickSignal = {
      kind: "signal",
      pupil: noConsent,
      involvesAuthorizedAbsence: true,
    } as const;
    expect(can(lpa, "read_signals", legalSignal)).toBe(true);
    expect(can(lpa, "read_signals", sickSignal)).toBe(false);
    expect(can(lpa, "read_attendance_unauthorized", other("pupil"))).toBe(false);
  });

  it("lets a partner who left the case see nothing more", () => {
    const gone: PupilScope = { ...pupil, participantIds: ["u-case_director"] };
    expect(can(actorFor("youth_care"), "read_pupil", { kind: "pupil", pupil: gone })).toBe(false);
    expect(
      can(actorFor("youth_doctor"), "read_medical_notes", { kind: "pupil", pupil: gone }),
    ).toBe(false);
  });

  it("lets the school hand over and close while it holds the case, not after", () => {
    const head = actorFor("school_head");
    expect(can(head, "escalate", caseIn("SCHOOL"))).toBe(true);
    expect(can(head, "close_case", caseIn("SCHOOL"))).toBe(true);
    expect(can(head, "close_case", caseIn("BREAKTHROUGH"))).toBe(false);
  });

  it("freezes a closed case for changes; it stays readable to school, leerplicht and parents", () => {
    // The pupil scope of a closed case: its participants no longer count (open cases only).
    // Its participations were never ended one by one: the case still lists them.
    const closedPupil: PupilScope = { ...pupil, participantIds: [] };
    const closed: Resource = {
      kind: "case",
      pupil: closedPupil,
      case: { id: "c-1", phase: "CLOSED", participantIds: pupil.participantIds },
    };
    for (const role of [
      "care_coordinator",
      "school_head",
      "attendance_officer",
      "parent",
    ] as const) {
      expect(can(actorFor(role), "read_case", closed), role).toBe(true);
    }
    // §2 "only while they are a participant": closing ends it for the case as for the pupil.
    for (const role of ["case_director", "youth_care", "breakthrough_member", "teacher"] as const) {
      expect(can(actorFor(role), "read_case", closed), role).toBe(false);
      expect(can(actorFor(role), "read_pupil", { kind: "pupil", pupil: closedPupil }), role).toBe(
        role === "teacher",
      );
    }
    for (const action of [
      "update_plan",
      "close_case",
      "spend_budget",
      "flag_stagnation",
    ] as const) {
      expect(can(actorFor("case_director"), action, closed)).toBe(false);
    }
  });

  it("adds a partner only with consent (b), a role joining by task without", () => {
    const director = actorFor("case_director");
    const base = caseIn("CASE_DIRECTOR");
    if (base.kind !== "case") throw new Error("fixture");
    const withoutConsent = {
      ...base,
      candidate: { needsPartnerConsent: true, partnerConsentGiven: false },
    };
    const byTask = {
      ...base,
      candidate: { needsPartnerConsent: false, partnerConsentGiven: false },
    };
    const noCandidate = { ...base, candidate: undefined };
    expect(can(director, "add_participant", withoutConsent)).toBe(false);
    expect(can(director, "add_participant", byTask)).toBe(true);
    expect(can(director, "add_participant", noCandidate)).toBe(false);
  });

  it("explains a denial without any matching rule, and an allow by its rule", () => {
    expect(decide(actorFor("policy_officer"), "read_pupil", RESOURCES.pupil!)).toEqual({
      allowed: false,
      reason: "no rule lets policy_officer read_pupil on pupil",
    });
    expect(decide(actorFor("youth_doctor"), "read_medical_notes", RESOURCES.pupil!)).toEqual({
      allowed: true,
      reason: "youth_doctor may read_medical_notes on pupil when isCaseParticipant",
    });
  });

  it("combines the grants of a user with several roles", () => {
    const both: Actor = {
      userId: "u-9",
      personId: "u-9",
      grants: [{ role: "policy_officer" }, { role: "teacher", schoolIds: ["99ZZ00"] }],
    };
    expect(can(both, "read_pupil", RESOURCES.pupil!)).toBe(true);
    expect(can(both, "read_monitor", RESOURCES.monitor!)).toBe(true);
    expect(can(both, "read_audit", RESOURCES.audit!)).toBe(false);
  });
});

describe("case commands map to guarded actions", () => {
  it("leaves the week-8 decision and arbitration to the case director", () => {
    const coordinator = actorFor("care_coordinator");
    const director = actorFor("case_director");
    const command = {
      type: "record_breakthrough_check",
      offerExpectedWithin4Weeks: false,
      reason: "x",
    } as const;
    const resource = caseIn("CASE_DIRECTOR");
    expect(can(coordinator, actionForCommand(command), resource)).toBe(false);
    expect(can(director, actionForCommand(command), resource)).toBe(true);
    const ruling = { type: "record_arbitration_ruling", ruling: "x", parentsAccept: true } as const;
    expect(can(coordinator, actionForCommand(ruling), caseIn("ARBITRATION"))).toBe(false);
  });
});
