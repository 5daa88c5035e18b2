// The navigation follows the capabilities /api/me sends, computed from the server's rules: the
// same function the server uses gives them here, so a rule change moves the links with it.
import { describe, expect, it } from "vitest";
import { capabilitiesOf } from "../../src/domain/policy/capabilities.ts";
import type { RoleCode } from "../../src/domain/policy/roles.ts";
import { mayOpen, SECTIONS, visibleSections } from "./navigation.ts";

const paths = (...roles: RoleCode[]) =>
  visibleSections(capabilitiesOf(roles)).map((section) => section.path);

describe("the main navigation", () => {
  it("shows the monitor to school heads and administrators, as the server lets them read it", () => {
    expect(paths("school_head")).toContain("/monitor");
    expect(paths("app_admin")).toEqual(["/", "/monitor", "/beheer", "/logboek"]);
  });

  it("gives a parent their own child and nothing of the professionals' lists", () => {
    expect(paths("parent")).toEqual(["/", "/mijn-kind"]);
  });

  it("gives policy officers the monitor and their budget set-up, a user without roles the overview only", () => {
    expect(paths("policy_officer")).toEqual(["/", "/monitor", "/inrichting"]);
    expect(paths("attendance_officer")).toContain("/inrichting");
    expect(paths()).toEqual(["/"]);
  });

  it("guards each section by the capability that opens it", () => {
    const monitor = SECTIONS.find((s) => s.path === "/monitor")!;
    expect(mayOpen(monitor, capabilitiesOf(["school_head"]))).toBe(true);
    expect(mayOpen(monitor, capabilitiesOf(["teacher"]))).toBe(false);
  });
});
