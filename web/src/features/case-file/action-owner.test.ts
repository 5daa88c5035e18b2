import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../api/cases.ts";
import { organisationOfOwner } from "./action-owner.ts";

type Participant = CaseDetail["participants"][number];
const person = (id: string, organisation: string, until: string | null = null): Participant =>
  ({
    person_id: id,
    role: "youth_care",
    organisation,
    since: "2026-02-02",
    until,
  }) as Participant;

describe("organisationOfOwner", () => {
  const participants = [
    person("zc", "12AB00"),
    person("jt", "Jeugdteam Zandstad", "2026-02-10"),
    person("jt", "Jeugdteam Noord"),
  ];

  it("follows the chosen owner, not the form's first owner", () => {
    expect(organisationOfOwner(participants, "zc")).toBe("12AB00");
    expect(organisationOfOwner(participants, "jt")).toBe("Jeugdteam Noord");
  });

  it("has none for someone not (or no longer) taking part", () => {
    expect(organisationOfOwner(participants, "elders")).toBe("");
    expect(organisationOfOwner([person("x", "SWV", "2026-02-10")], "x")).toBe("");
  });
});
