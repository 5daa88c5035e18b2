// Issue 16 item 2: notifications per user, in the app and by e-mail. A row is one message to one
// user; `dedupeKey` makes raising it idempotent (the daily job may run twice). The e-mail side is
// an outbox: `emailStatus` pending → sent, or failed with the attempts and the last error, retried
// by the next run until MAX_MAIL_ATTEMPTS and listed for the administrator.
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

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
  /**
   * E-mail per kind of notification (src/domain/notifications/kinds.ts), `{ kind: false }` to
   * receive that kind in the app only; a kind not named follows `email`.
   */
  emailKinds: jsonb("email_kinds")
    .$type<Record<string, boolean>>()
    .notNull()
    .default(sql`'{}'::jsonb`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The region's outgoing mail server (issue 16 item 2; interfaces.md "Outgoing mail"), one row,
 * kept by the application administrator beside the region's settings. AANWEZIG_SMTP_URL and
 * AANWEZIG_MAIL_FROM override it. The password is never returned by the API.
 */
export const mailSettings = pgTable(
  "mail_settings",
  {
    id: integer("id").primaryKey().default(1),
    host: text("host").notNull(),
    port: integer("port").notNull(),
    /** none (plain, for a relay on the same host), starttls, or tls (implicit, port 465). */
    security: text("security").notNull(),
    username: text("username"),
    password: text("password"),
    fromAddress: text("from_address").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text("updated_by").notNull(),
  },
  (t) => [check("mail_settings_one_row", sql`${t.id} = 1`)],
);
