// Issue 16 item 2: notifications per user, in the app and by e-mail. A row is one message to one
// user; `dedupeKey` makes raising it idempotent (the daily job may run twice). The e-mail side is
// an outbox: `emailStatus` pending → sent, or failed with the attempts and the last error, retried
// by the next run until MAX_MAIL_ATTEMPTS and listed for the administrator.
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The account (no foreign key: removing demo accounts must not trip over their messages). */
    userId: uuid("user_id").notNull(),
    kind: text("kind").notNull(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The path in the app the message is about, e.g. /casussen/{id}. */
    link: text("link").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** pending, sent, failed, or off (the user chose no e-mail). */
    emailStatus: text("email_status").notNull().default("pending"),
    emailAttempts: integer("email_attempts").notNull().default(0),
    emailError: text("email_error"),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_email_idx").on(t.emailStatus),
  ],
);

export const notificationPreferences = pgTable("notification_preferences", {
  userId: uuid("user_id").primaryKey(),
  /** Receive notifications by e-mail as well as in the app. */
  email: boolean("email").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
