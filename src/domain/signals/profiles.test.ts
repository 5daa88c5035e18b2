import { describe, expect, it } from "vitest";
import { codes, lessonRows, unit } from "../../../test/support/signal-calendars.ts";
import { evaluateUnit } from "./evaluate.ts";
import { DEFAULT_PROFILE, defineProfile, MAZL_PROFILE, resolveProfile } from "./profiles.ts";

describe("policy profiles", () => {
  it("has the built-in default and mazl, differing only in SICK_FREQUENT and SICK_LONG", () => {
    expect(resolveProfile("mazl")).toEqual({ ok: true, profile: MAZL_PROFILE });
    const { name, sickFrequent, sickLong, ...rest } = MAZL_PROFILE;
    const { name: _, sickFrequent: __, sickLong: ___, ...defaultRest } = DEFAULT_PROFILE;
    expect(rest).toEqual(defaultRest);
    expect(sickLong.minConsecutiveDays).toBe(7);
    expect(resolveProfile("strict").ok).toBe(false);
  });

  it("defines a regional profile from plain configuration, and the rules follow it", () => {
    const result = defineProfile({
      name: "regio-west",
      overrides: { legalHours: { preventiveHours: 6 }, sickLong: { minConsecutiveDays: 5 } },
    });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.profile.legalHours).toEqual({ lesweken: 4, reportHours: 16, preventiveHours: 6 });
    expect(result.profile.sickFrequent).toEqual(DEFAULT_PROFILE.sickFrequent);
    const attendance = lessonRows("2026-03-03", 6, "truant");
    expect(codes(evaluateUnit(unit({ attendance }), "2026-03-04"))).toEqual([]);
    expect(codes(evaluateUnit(unit({ attendance }), "2026-03-04", result.profile))).toEqual([
      "PREVENTIVE_10H",
    ]);
  });

  it("can start from mazl", () => {
    const result = defineProfile({ name: "ggd-zuid", base: "mazl", overrides: {} });
    expect(result.ok && result.profile.sickFrequent.window).toEqual({
      unit: "lesweken",
      count: 12,
    });
  });

  it("rejects unknown keys, bad numbers and a preventive threshold above the legal one", () => {
    const typo = defineProfile({ name: "x", overrides: { legalHours: { reportHour: 12 } } });
    expect(typo.ok).toBe(false);
    const negative = defineProfile({
      name: "x",
      overrides: { lateRepeated: { minLateArrivals: -1 } },
    });
    expect(!negative.ok && negative.issues[0]?.path).toBe("overrides.lateRepeated.minLateArrivals");
    const inverted = defineProfile({
      name: "x",
      overrides: { legalHours: { preventiveHours: 16 } },
    });
    expect(!inverted.ok && inverted.issues[0]?.path).toBe("overrides.legalHours.preventiveHours");
    expect(defineProfile({ overrides: {} }).ok).toBe(false);
  });
});
