import { describe, expect, it } from "vitest";
import { DEFAULT_PURPOSE, purposeOf } from "./purpose.ts";

describe("the purpose of an audit row (NEN 7513 'why')", () => {
  it("follows the route, the most specific prefix first", () => {
    expect(purposeOf("/api/privacy/requests/:id/erase")).toMatch(/AVG art\. 15–17/);
    expect(purposeOf("/api/privacy/pupils/:pupil_id/export")).toMatch(/inzage/);
    expect(purposeOf("/api/privacy/retention-runs")).toMatch(/Bewaartermijnen/);
    expect(purposeOf("/api/cases/:id")).toMatch(/^Casusregie/);
    expect(purposeOf("/api/v1/cases/:id")).toMatch(/^Casusregie/);
    expect(purposeOf("/api/pupils/:pupil_id/attendance")).toMatch(/Leerlingdossier/);
    expect(purposeOf("/api/monitor/trend")).toMatch(/geaggregeerde/);
  });

  it("names jobs and commands, and never leaves the purpose empty", () => {
    expect(purposeOf("job:cases-daily")).toMatch(/Dagelijkse verwerking/);
    expect(purposeOf("cli:retention")).toMatch(/opdrachtregel/);
    expect(purposeOf(undefined)).toBe(DEFAULT_PURPOSE);
    expect(purposeOf("/something/else")).toBe(DEFAULT_PURPOSE);
  });
});
