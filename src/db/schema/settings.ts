// Settings of this installation that live with its data (not with the process): the date a demo
// database is frozen at, so a demo shows the same moment every day it is opened; and the region's
// settings (src/domain/region/settings.ts), one row, kept by the application administrator.
import { sql } from "drizzle-orm";
import { check, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The one region of this installation; no row: not set up yet (the built-in defaults hold). */
export const regionSettings = pgTable(
  "region_settings",
  {
    id: integer("id").primaryKey().default(1),
    name: text("name").notNull(),
    municipalities: jsonb("municipalities").$type<string[]>().notNull(),
    holidayRegion: text("holiday_region").notNull(),
    schoolYear: text("school_year").notNull(),
    clockMode: text("clock_mode").notNull(),
    /** `"default"`, `"mazl"` or a regional profile `{ name, base, overrides }`. */
    signalProfile: jsonb("signal_profile").$type<unknown>().notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The account that saved them, or `cli`/`demo`. */
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [check("region_settings_one_row", sql`${t.id} = 1`)],
);
