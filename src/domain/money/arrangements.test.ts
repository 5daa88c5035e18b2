import { describe, expect, it } from "vitest";
import {
  type Arrangement,
  freePlaces,
  placementRefusal,
  waitingByProvider,
  waitingList,
} from "./arrangements.ts";
import { type Exemption, isExemptionActive } from "./exemptions.ts";
import { isVariawetInForce } from "./variawet.ts";

const oza: Arrangement = {
  id: "a1",
  providerId: "prov-1",
  name: "OZA De Brug",
  kind: "oza",
  capacity: 2,
};
const dagbesteding: Arrangement = {
  id: "a2",
  providerId: "prov-1",
  name: "Dagprogramma",
  kind: "day_programme",
  capacity: 1,
};
const so: Arrangement = {
  id: "a3",
  providerId: "prov-2",
  name: "SO De Horizon",
  kind: "special_education",
  capacity: 10,
};
const placements = [
  { arrangementId: "a1", pupilId: "P1", startDate: "2026-01-05" },
  { arrangementId: "a1", pupilId: "P2", startDate: "2025-09-01", endDate: "2026-01-31" },
  { arrangementId: "a2", pupilId: "P3", startDate: "2026-01-05" },
];
const entries = [
  { arrangementId: "a1", pupilId: "P5", since: "2026-01-20" },
  { arrangementId: "a1", pupilId: "P4", since: "2025-12-01", caseId: "c-4" },
  { arrangementId: "a2", pupilId: "P6", since: "2025-11-01", leftOn: "2026-01-15" },
];

describe("arrangements and waiting lists", () => {
  it("counts free places at a date", () => {
    expect(freePlaces(oza, placements, "2026-01-20")).toBe(0);
    expect(freePlaces(oza, placements, "2026-02-01")).toBe(1);
  });

  it("orders the waiting list by time waited and drops those who left", () => {
    expect(waitingList("a1", entries, "2026-02-01").map((e) => e.pupilId)).toEqual(["P4", "P5"]);
    expect(waitingList("a2", entries, "2026-02-01")).toEqual([]);
  });

  it("shows waiting per provider", () => {
    expect(waitingByProvider([oza, dagbesteding, so], placements, entries, "2026-02-01")).toEqual([
      { providerId: "prov-1", waiting: 2, freePlaces: 1, longestWaitDays: 62 },
      { providerId: "prov-2", waiting: 0, freePlaces: 10, longestWaitDays: 0 },
    ]);
  });
});

describe("exemptions and Variawet records", () => {
  it("is active from start to end inclusive", () => {
    const e: Exemption = {
      id: "v1",
      pupilId: "P1",
      kind: "5a",
      startDate: "2026-01-01",
      endDate: "2026-07-31",
      decisionMaker: "college B&W Voorbeeld",
    };
    expect(isExemptionActive(e, "2025-12-31")).toBe(false);
    expect(isExemptionActive(e, "2026-07-31")).toBe(true);
    expect(isExemptionActive({ ...e, endDate: undefined }, "2030-01-01")).toBe(true);
  });

  it("puts a Variawet arrangement in force only when approved", () => {
    const record = {
      id: "vw1",
      pupilId: "P1",
      schoolId: "99ZZ00",
      startDate: "2026-01-05",
      endDate: "2026-04-03",
      hoursPerWeek: 12,
      approval: null,
    };
    expect(isVariawetInForce(record, "2026-02-01")).toBe(false);
    const approved = {
      ...record,
      approval: { approved: true, by: "Inspectie", date: "2026-01-02" },
    };
    expect(isVariawetInForce(approved, "2026-02-01")).toBe(true);
    expect(isVariawetInForce(approved, "2026-04-04")).toBe(false);
  });
});

describe("placementRefusal (domain.md §6: a place is taken only while one is free)", () => {
  const one: Arrangement = { ...dagbesteding, capacity: 1 };
  const taken = [
    { arrangementId: "a2", pupilId: "P3", startDate: "2026-01-05", endDate: "2026-02-27" },
  ];

  it("lets a pupil take a free place, also after another's placement ends", () => {
    expect(
      placementRefusal(one, taken, { arrangementId: "a2", pupilId: "P4", startDate: "2026-03-02" }),
    ).toBeUndefined();
  });

  it("refuses a full place, an end before the start and a second overlapping placement", () => {
    expect(
      placementRefusal(one, taken, { arrangementId: "a2", pupilId: "P4", startDate: "2026-02-02" }),
    ).toEqual({ code: "no_free_place", on: "2026-02-02" });
    // Free at its start, but full from a later placement's start within the period.
    const later = [{ arrangementId: "a2", pupilId: "P3", startDate: "2026-04-01" }];
    expect(
      placementRefusal(one, later, {
        arrangementId: "a2",
        pupilId: "P4",
        startDate: "2026-03-02",
        endDate: "2026-04-30",
      }),
    ).toEqual({ code: "no_free_place", on: "2026-04-01" });
    expect(
      placementRefusal(one, later, {
        arrangementId: "a2",
        pupilId: "P4",
        startDate: "2026-03-02",
        endDate: "2026-03-31",
      }),
    ).toBeUndefined();
    expect(
      placementRefusal(one, [], {
        arrangementId: "a2",
        pupilId: "P4",
        startDate: "2026-03-02",
        endDate: "2026-03-01",
      }),
    ).toEqual({ code: "end_before_start" });
    expect(
      placementRefusal({ ...one, capacity: 5 }, taken, {
        arrangementId: "a2",
        pupilId: "P3",
        startDate: "2026-02-02",
      }),
    ).toEqual({ code: "already_placed", since: "2026-01-05" });
  });
});
