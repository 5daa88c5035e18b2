// Saving the region's settings (domain.md §2: the functioneel beheerder keeps the regional policy
// settings): the one way in, for the API (PUT /api/admin/region-settings), the CLI (`aanwezig
// region set`) and the demo alike — validated by the domain's schema and audited with what changed.

import { type AllowedBy, authorOf, recordAllowed } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import {
  readRegionSettings,
  type StoredRegionSettings,
  upsertRegionSettings,
} from "../db/repositories/region-settings.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  type RegionSettings,
  regionSettingsInputSchema,
  settingsFromInput,
} from "../domain/region/settings.ts";

/**
 * Who saves: a request's actor with its gate's grant (src/http/routes/setup-gate.ts), or the
 * command line (`cli`) / the demo (`demo`), which decide nothing.
 */
export type SettingsAuthor = AllowedBy;

export type SaveRegionSettingsResult =
  | { ok: true; settings: StoredRegionSettings; changed: string[] }
  | { ok: false; errors: { path: string; message: string }[] };

const FIELDS: Record<keyof RegionSettings, string> = {
  name: "name",
  municipalities: "municipalities",
  holidayRegion: "holiday_region",
  schoolYear: "school_year",
  clockMode: "clock_mode",
  signalProfile: "signal_profile",
};

/** Validates the input (the API's snake_case shape) and stores it; every save is audited. */
export async function saveRegionSettings(
  db: Database,
  input: unknown,
  author: SettingsAuthor,
  today: IsoDate,
  now: Date = new Date(),
): Promise<SaveRegionSettingsResult> {
  const parsed = regionSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  const next = settingsFromInput(parsed.data);
  return db.transaction(async (tx) => {
    const before = await readRegionSettings(tx, today);
    const changed = (Object.keys(FIELDS) as (keyof RegionSettings)[])
      .filter((k) => !before.configured || JSON.stringify(before[k]) !== JSON.stringify(next[k]))
      .map((k) => FIELDS[k]);
    await upsertRegionSettings(tx.orm, next, authorOf(author), now);
    await recordAllowed(tx.orm, author, {
      action: "save_region_settings",
      resourceType: "region_settings",
      resourceId: "region",
      pupilId: null,
      context: {
        changed: changed.join(","),
        signalProfile:
          typeof next.signalProfile === "string" ? next.signalProfile : next.signalProfile.name,
      },
    });
    return { ok: true, settings: await readRegionSettings(tx, today), changed };
  });
}
