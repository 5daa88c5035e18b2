// domain.md §4: thresholds are settings of the regional policy profile. Built in: `default`
// (the table of §4) and `mazl` (M@ZL: the youth doctor follows sick absence). A region defines
// its own profile from plain configuration (e.g. JSON in the admin settings), validated here.
import { z } from "zod";

export interface SignalProfile {
  name: string;
  legalHours: { lesweken: number; reportHours: number; preventiveHours: number };
  sickFrequent: {
    minEpisodes: number;
    /** Longest episode (school days) that counts; null: episodes of any length count. */
    maxEpisodeDays: number | null;
    window: { unit: "calendar_months" | "lesweken"; count: number };
  };
  sickLong: { minConsecutiveDays: number; recentSchoolDays: number };
  sickSpread: { calendarDays: number; minSickDays: number; minEpisodes: number };
  lateRepeated: { lesweken: number; minLateArrivals: number };
  under50: { completeLesweken: number; absentMoreThanPercent: number };
  longTermAbsent: { completeLesweken: number };
  persistent10: { absentAtLeastPercent: number; minLesweken: number };
  earlyYears20: {
    absentAtLeastPercent: number;
    minAge: number;
    maxAge: number;
    minLesweken: number;
  };
}

export const DEFAULT_PROFILE: SignalProfile = {
  name: "default",
  legalHours: { lesweken: 4, reportHours: 16, preventiveHours: 10 },
  // ≥ 3 episodes of 1–2 school days starting within the 2 calendar months up to D.
  sickFrequent: {
    minEpisodes: 3,
    maxEpisodeDays: 2,
    window: { unit: "calendar_months", count: 2 },
  },
  // "longer than 10 consecutive school days", ongoing or ended within the last 5 school days.
  sickLong: { minConsecutiveDays: 11, recentSchoolDays: 5 },
  // "more than 4 sick school days in the 4 calendar weeks up to D, over ≥ 2 episodes".
  sickSpread: { calendarDays: 28, minSickDays: 5, minEpisodes: 2 },
  lateRepeated: { lesweken: 4, minLateArrivals: 6 },
  under50: { completeLesweken: 4, absentMoreThanPercent: 50 },
  longTermAbsent: { completeLesweken: 4 },
  persistent10: { absentAtLeastPercent: 10, minLesweken: 4 },
  earlyYears20: { absentAtLeastPercent: 20, minAge: 4, maxAge: 8, minLesweken: 4 },
};

export const MAZL_PROFILE: SignalProfile = {
  ...DEFAULT_PROFILE,
  name: "mazl",
  // The 4th sick episode of any length starting within the 12 most recent lesweken up to D.
  sickFrequent: { minEpisodes: 4, maxEpisodeDays: null, window: { unit: "lesweken", count: 12 } },
  // From the 7th consecutive sick school day.
  sickLong: { minConsecutiveDays: 7, recentSchoolDays: 5 },
};

export const BUILT_IN_PROFILES: Readonly<Record<string, SignalProfile>> = {
  default: DEFAULT_PROFILE,
  mazl: MAZL_PROFILE,
};

// Bounds keep every window inside the two years of calendar the evaluation builds.
const count = (max: number) => z.int().min(1).max(max);
const percent = z.number().min(0).max(100);
const hours = z.number().positive().max(200);

const overridesSchema = z
  .strictObject({
    legalHours: z
      .strictObject({ lesweken: count(26), reportHours: hours, preventiveHours: hours })
      .partial(),
    sickFrequent: z
      .strictObject({
        minEpisodes: count(50),
        maxEpisodeDays: count(50).nullable(),
        window: z.discriminatedUnion("unit", [
          z.strictObject({ unit: z.literal("calendar_months"), count: count(6) }),
          z.strictObject({ unit: z.literal("lesweken"), count: count(26) }),
        ]),
      })
      .partial(),
    sickLong: z
      .strictObject({ minConsecutiveDays: count(200), recentSchoolDays: z.int().min(0).max(50) })
      .partial(),
    sickSpread: z
      .strictObject({ calendarDays: count(120), minSickDays: count(120), minEpisodes: count(50) })
      .partial(),
    lateRepeated: z.strictObject({ lesweken: count(26), minLateArrivals: count(500) }).partial(),
    under50: z
      .strictObject({ completeLesweken: count(26), absentMoreThanPercent: percent })
      .partial(),
    longTermAbsent: z.strictObject({ completeLesweken: count(26) }).partial(),
    persistent10: z
      .strictObject({ absentAtLeastPercent: percent, minLesweken: count(26) })
      .partial(),
    earlyYears20: z
      .strictObject({
        absentAtLeastPercent: percent,
        minAge: z.int().min(0).max(25),
        maxAge: z.int().min(0).max(25),
        minLesweken: count(26),
      })
      .partial(),
  })
  .partial();

export const regionalProfileSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  base: z.enum(["default", "mazl"]).default("default"),
  overrides: overridesSchema.default({}),
});

export type RegionalProfileConfig = z.input<typeof regionalProfileSchema>;

export type ProfileResult =
  | { ok: true; profile: SignalProfile }
  | { ok: false; issues: { path: string; message: string }[] };

/** Builds a regional profile: a built-in base with some thresholds overridden. */
export function defineProfile(config: unknown): ProfileResult {
  const parsed = regionalProfileSchema.safeParse(config);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const { name, base, overrides } = parsed.data;
  const from = BUILT_IN_PROFILES[base]!;
  const profile: SignalProfile = {
    name,
    legalHours: { ...from.legalHours, ...overrides.legalHours },
    sickFrequent: { ...from.sickFrequent, ...overrides.sickFrequent },
    sickLong: { ...from.sickLong, ...overrides.sickLong },
    sickSpread: { ...from.sickSpread, ...overrides.sickSpread },
    lateRepeated: { ...from.lateRepeated, ...overrides.lateRepeated },
    under50: { ...from.under50, ...overrides.under50 },
    longTermAbsent: { ...from.longTermAbsent, ...overrides.longTermAbsent },
    persistent10: { ...from.persistent10, ...overrides.persistent10 },
    earlyYears20: { ...from.earlyYears20, ...overrides.earlyYears20 },
  };
  const issues: { path: string; message: string }[] = [];
  if (profile.legalHours.preventiveHours >= profile.legalHours.reportHours) {
    issues.push({
      path: "overrides.legalHours.preventiveHours",
      message: "preventiveHours must be below reportHours (the higher signal supersedes)",
    });
  }
  if (profile.earlyYears20.minAge > profile.earlyYears20.maxAge) {
    issues.push({
      path: "overrides.earlyYears20.minAge",
      message: "minAge must not exceed maxAge",
    });
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, profile };
}

/** A built-in profile by name, or a regional one from configuration. */
export function resolveProfile(nameOrConfig: string | unknown): ProfileResult {
  if (typeof nameOrConfig === "string") {
    const profile = BUILT_IN_PROFILES[nameOrConfig];
    return profile
      ? { ok: true, profile }
      : { ok: false, issues: [{ path: "", message: `unknown profile: ${nameOrConfig}` }] };
  }
  return defineProfile(nameOrConfig);
}
