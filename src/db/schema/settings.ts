// Settings of this installation that live with its data (not with the process): for now the
// date a demo database is frozen at, so a demo shows the same moment every day it is opened.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const appSettings = pgTable("app_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
