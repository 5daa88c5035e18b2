// The region's settings (src/db/schema/settings.ts, src/domain/region/settings.ts): read by every
// path that evaluates signals, prepares DUO reports, counts the monitor or opens a case, so the
// CLI, the API, the daily job and the web never disagree. Written only through
// services/region-settings.ts (validated and audited).

import type { HolidayRegion } from "../../domain/calendar/school-calendar.ts";
import type { ClockMode } from "../../domain/cases/model.ts";
import {
  defaultRegionSettings,
  type RegionProfileSetting,
  type RegionSettings,
  schoolYearOf,
  signalProfileOf,
} from "../../domain/region/settings.ts";
import type { SignalProfile } from "../../domain/signals/profiles.ts";
import type { Orm, SqlClient } from "../connect.ts";
import { regionSettings } from "../schema/settings.ts";
import { domainToday } from "./settings.ts";

export interface StoredRegionSettings extends RegionSettings {
  /** False until someone saved them: the built-in defaults hold. */
  configured: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

interface Row {
  name: string;
  municipalities: string[];
  holiday_region: string;
  school_year: string;
  clock_mode: string;
  signal_profile: unknown;
  updated_at: string;
  updated_by: string;
}

async function readRow(sql: SqlClient): Promise<Row | undefined> {
  const [row] = await sql.query<Row>(
    `select name, municipalities, holiday_region, school_year, clock_mode, signal_profile,
            updated_at::text, updated_by
       from region_settings where id = 1`,
  );
  return row;
}

/** The stored settings, or the defaults of a region not set up yet (school year of `today`). */
export async function readRegionSettings(
  sql: SqlClient,
  today: string,
): Promise<StoredRegionSettings> {
  const row = await readRow(sql);
  if (!row) {
    return { ...defaultRegionSettings(today), configured: false, updatedAt: null, updatedBy: null };
  }
  return {
    name: row.name,
    municipalities: row.municipalities,
    holidayRegion: row.holiday_region as HolidayRegion,
    schoolYear: row.school_year,
    clockMode: row.clock_mode as ClockMode,
    signalProfile: row.signal_profile as RegionProfileSetting,
    configured: true,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/** The region's settings at the domain's today (a demo database's frozen date). */
export async function currentRegionSettings(
  orm: Orm,
  sql: SqlClient,
): Promise<StoredRegionSettings> {
  return readRegionSettings(sql, await domainToday(orm));
}

/** The signal profile of the region: `default` until an administrator chose another. */
export async function regionSignalProfile(sql: SqlClient): Promise<SignalProfile> {
  const row = await readRow(sql);
  return signalProfileOf({
    signalProfile: (row?.signal_profile ?? "default") as RegionProfileSetting,
  });
}

/** The clock mode new cases get (domain.md §5: lesweken unless the region chose calendar weeks). */
export async function regionClockMode(sql: SqlClient): Promise<ClockMode> {
  const row = await readRow(sql);
  return (row?.clock_mode as ClockMode | undefined) ?? "lesweken";
}

export async function upsertRegionSettings(
  orm: Orm,
  settings: RegionSettings,
  updatedBy: string,
  at: Date,
): Promise<void> {
  const values = {
    name: settings.name,
    municipalities: settings.municipalities,
    holidayRegion: settings.holidayRegion,
    schoolYear: settings.schoolYear,
    clockMode: settings.clockMode,
    signalProfile: settings.signalProfile,
    updatedAt: at,
    updatedBy,
  };
  await orm
    .insert(regionSettings)
    .values({ id: 1, ...values })
    .onConflictDoUpdate({ target: regionSettings.id, set: values });
}

/** The year of 1 August of the school year reports default to: the region's, else today's. */
export async function regionSchoolYearStart(sql: SqlClient, today: string): Promise<number> {
  const row = await readRow(sql);
  const year = row?.school_year ?? schoolYearOf(today);
  return Number(year.slice(0, 4));
}
