// domain.md §2 (the functioneel beheerder keeps the "regional policy settings"), §4 (signal
// thresholds are settings of the regional policy profile: `default`, `mazl` or the region's own)
// and §5 (the case clock counts lesweken by default; policy setting: calendar weeks). One
// region per installation: its name, municipalities, holiday region, school year, clock mode and
// signal profile. The schema's messages are Dutch: they reach the administrator as they are.
import { z } from "zod";
import { addDays, type IsoDate } from "../calendar/dates.ts";
import type { HolidayRegion } from "../calendar/school-calendar.ts";
import type { ClockMode } from "../cases/model.ts";
import {
  DEFAULT_PROFILE,
  defineProfile,
  type RegionalProfileConfig,
  regionalProfileSchema,
  resolveProfile,
  type SignalProfile,
} from "../signals/profiles.ts";

export const HOLIDAY_REGIONS = ["noord", "midden", "zuid"] as const satisfies HolidayRegion[];
export const CLOCK_MODES = ["lesweken", "calendar_weeks"] as const satisfies ClockMode[];
export const BUILT_IN_PROFILE_NAMES = ["default", "mazl"] as const;

/** The signal profile: a built-in one by name, or the region's own (a base with overrides). */
export type RegionProfileSetting = (typeof BUILT_IN_PROFILE_NAMES)[number] | RegionalProfileConfig;

export interface RegionSettings {
  name: string;
  municipalities: string[];
  holidayRegion: HolidayRegion;
  /** `2025-2026`: 1 August 2025 up to 31 July 2026. */
  schoolYear: string;
  clockMode: ClockMode;
  signalProfile: RegionProfileSetting;
}

const oneLine = (what: string, max: number) =>
  z
    .string(`${what}: vul tekst in`)
    .trim()
    .min(1, `${what} is leeg: vul het in`)
    .max(max, `${what} is te lang: hoogstens ${max} tekens`)
    .regex(/^[^\t\n\r]*$/, `${what}: één regel, zonder tab of regeleinde`);

const schoolYear = z
  .string("schooljaar: vul het in als 2025-2026")
  .regex(
    /^\d{4}-\d{4}$/,
    "schooljaar: schrijf het als 2025-2026 (twee jaartallen met een streepje)",
  )
  .refine(
    (v) => Number(v.slice(5)) === Number(v.slice(0, 4)) + 1,
    "schooljaar: het tweede jaar volgt direct op het eerste, bijvoorbeeld 2025-2026",
  );

/** What the API and the CLI take (snake_case, as the API speaks). */
export const regionSettingsInputSchema = z
  .strictObject({
    name: oneLine("naam van de regio", 200),
    municipalities: z
      .array(oneLine("gemeente", 200), "gemeenten: geef een lijst met namen")
      .min(1, "gemeenten: noem minstens één gemeente van de regio")
      .max(200, "gemeenten: hoogstens 200")
      .refine(
        (names) => new Set(names.map((n) => n.toLowerCase())).size === names.length,
        "gemeenten: een gemeente staat er twee keer in; noem elke gemeente één keer",
      ),
    holiday_region: z.enum(HOLIDAY_REGIONS, "vakantieregio: kies noord, midden of zuid"),
    school_year: schoolYear,
    clock_mode: z.enum(CLOCK_MODES, "klokmodus: kies lesweken of calendar_weeks (kalenderweken)"),
    signal_profile: z.union(
      [z.enum(BUILT_IN_PROFILE_NAMES), regionalProfileSchema],
      "signaalprofiel: kies default, mazl of een eigen profiel { name, base, overrides }",
    ),
  })
  .superRefine((value, ctx) => {
    if (typeof value.signal_profile === "string") return;
    const defined = defineProfile(value.signal_profile);
    if (defined.ok) return;
    for (const issue of defined.issues) {
      ctx.addIssue({
        code: "custom",
        path: ["signal_profile", ...issue.path.split(".").filter(Boolean)],
        message: `signaalprofiel: ${issue.message}`,
      });
    }
  });

export type RegionSettingsInput = z.input<typeof regionSettingsInputSchema>;

export function settingsFromInput(
  input: z.output<typeof regionSettingsInputSchema>,
): RegionSettings {
  return {
    name: input.name,
    municipalities: input.municipalities,
    holidayRegion: input.holiday_region,
    schoolYear: input.school_year,
    clockMode: input.clock_mode,
    signalProfile: input.signal_profile,
  };
}

/** The school year (1 August – 31 July) that contains the date. */
export function schoolYearOf(date: IsoDate): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= "08-01" ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** The first and last day of a school year setting. */
export function schoolYearBoundsOf(setting: string): { start: IsoDate; end: IsoDate } {
  const first = Number(setting.slice(0, 4));
  return { start: `${first}-08-01`, end: addDays(`${first + 1}-08-01`, -1) };
}

/** A region that has not been set up yet: the built-in defaults of domain.md. */
export function defaultRegionSettings(today: IsoDate): RegionSettings {
  return {
    name: "",
    municipalities: [],
    holidayRegion: "midden",
    schoolYear: schoolYearOf(today),
    clockMode: "lesweken",
    signalProfile: "default",
  };
}

/** The thresholds the settings name (a stored custom profile was validated when saved). */
export function signalProfileOf(settings: Pick<RegionSettings, "signalProfile">): SignalProfile {
  const resolved = resolveProfile(settings.signalProfile);
  return resolved.ok ? resolved.profile : DEFAULT_PROFILE;
}
