// The installation's settings (src/db/schema/settings.ts). The domain date ("today" for signals,
// case clocks, deadlines and the daily job) is the Dutch calendar date of the wall clock, unless
// the database is a demo frozen at a date by `aanwezig demo`.
import { eq } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { appSettings } from "../schema/settings.ts";

export const DEMO_AS_OF_KEY = "demo_as_of";

const dutchDate = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** 'YYYY-MM-DD' of the given instant in the Netherlands, where school days are. */
export function todayInNetherlands(now: Date): string {
  return dutchDate.format(now);
}

export async function readSetting(orm: Orm, key: string): Promise<string | undefined> {
  const [row] = await orm
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, key));
  return row?.value;
}

export async function writeSetting(orm: Orm, key: string, value: string | null): Promise<void> {
  if (value === null) {
    await orm.delete(appSettings).where(eq(appSettings.key, key));
    return;
  }
  await orm
    .insert(appSettings)
    .values({ key, value })
    .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedAt: new Date() } });
}

/** The date a demo database is frozen at, if this is one. */
export function demoAsOf(orm: Orm): Promise<string | undefined> {
  return readSetting(orm, DEMO_AS_OF_KEY);
}

/** The domain's "today": the frozen demo date, else the Dutch date of `now`. */
export async function domainToday(orm: Orm, now: Date = new Date()): Promise<string> {
  return (await demoAsOf(orm)) ?? todayInNetherlands(now);
}
