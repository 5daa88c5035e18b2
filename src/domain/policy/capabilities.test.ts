import { describe, expect, it } from "vitest";
import { DUO_ROLES } from "../signals/duo-report-sides.ts";
import { CAPABILITIES, capabilitiesOf } from "./capabilities.ts";
import { ROLE_CODES, type RoleCode, SCHOOL_STAFF_ROLES } from "./roles.ts";

const holders = (capability: (typeof CAPABILITIES)[number]) =>
  ROLE_CODES.filter((role) => capabilitiesOf([role])[capability]);

describe("capabilitiesOf", () => {
  it("lets everyone the monitor rule names read the monitor, school heads and admins included", () => {
    expect(holders("read_monitor").sort()).toEqual(
      [
        "app_admin",
        "attendance_officer",
        "case_director",
        "partnership_consultant",
        "policy_officer",
        "school_head",
      ].sort(),
    );
  });

  it("keeps a parent's own child apart from the professionals' lists", () => {
    const parent = capabilitiesOf(["parent"]);
    expect(parent.read_own_child).toBe(true);
    expect(parent.read_cases).toBe(false);
    expect(parent.search_pupils).toBe(false);
    expect(parent.read_signals).toBe(false);
    expect(holders("read_own_child")).toEqual(["parent"]);
  });

  it("opens the verzuimmeldingen to the roles of the reporting duty (DUO_ROLES), not the teacher", () => {
    expect(holders("read_duo_reports").sort()).toEqual([...DUO_ROLES].sort());
    expect(capabilitiesOf(["teacher"]).read_duo_reports).toBe(false);
  });

  it("gives the audit trail and administration only to their roles", () => {
    expect(holders("read_audit").sort()).toEqual(["app_admin", "privacy_officer"]);
    expect(holders("manage_users")).toEqual(["app_admin"]);
    expect(capabilitiesOf(["policy_officer"])).toEqual({
      ...Object.fromEntries(CAPABILITIES.map((c) => [c, false])),
      read_monitor: true,
      manage_budget_contributions: true,
      region_setup: true,
    });
  });

  it("opens the region's set-up to the owners of its records, each their own part (issue 14)", () => {
    expect(holders("region_setup").sort()).toEqual(
      ["attendance_officer", "care_coordinator", "partnership_consultant", "policy_officer"].sort(),
    );
    // The school's own column mappings: the care coordinator; the administrator has Beheer.
    expect(holders("manage_school_import_mappings")).toEqual(["care_coordinator"]);
    // The school's own attendance upload: the care coordinator; the administrator has Beheer.
    expect(holders("import_school_attendance")).toEqual(["care_coordinator"]);
    expect(holders("manage_exemptions")).toEqual(["attendance_officer"]);
    expect(holders("manage_arrangements")).toEqual(["partnership_consultant"]);
    expect(holders("manage_budget_contributions").sort()).toEqual(
      ["partnership_consultant", "policy_officer"].sort(),
    );
  });

  it("lets the school staff register leave on /verlof; the parent asks for their own child", () => {
    expect(holders("register_leave").sort()).toEqual([...SCHOOL_STAFF_ROLES].sort());
    expect(holders("work_leave_requests")).toContain("attendance_officer");
    expect(capabilitiesOf(["attendance_officer"]).register_leave).toBe(false);
    expect(capabilitiesOf(["parent"]).register_leave).toBe(false);
  });

  it("lets the school staff and leerplicht open cases, and no one else", () => {
    expect(holders("open_case").sort()).toEqual(
      ["attendance_officer", "care_coordinator", "school_head", "teacher"].sort(),
    );
  });

  it("joins the capabilities of several roles, and grants nothing without a role", () => {
    const roles: RoleCode[] = ["teacher", "privacy_officer"];
    const both = capabilitiesOf(roles);
    expect(both.read_audit && both.read_signals).toBe(true);
    expect(Object.values(capabilitiesOf([])).some(Boolean)).toBe(false);
  });
});
