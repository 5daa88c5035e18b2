// Issue 16 item 1: the region's letter templates. One row per template code; the defaults
// (src/domain/letters/defaults.ts) are written on first use, then the application administrator
// edits them (PUT /api/admin/letter-templates/{code}). Produced letters are case documents.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const letterTemplates = pgTable("letter_templates", {
  code: text("code").primaryKey(),
  title: text("title").notNull(),
  /** "ouders" (the letter is visible to the parents) or "professionals". */
  audience: text("audience").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** The account that saved it, or `default`. */
  updatedBy: text("updated_by").notNull(),
});
