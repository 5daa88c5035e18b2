// Who may use the system and what they did (domain.md §2: access follows need-to-know, every
// read of personal data is logged). Secrets (session and API tokens) are stored only as SHA-256
// hashes, passwords only as argon2id hashes.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-case: e-mail addresses are compared case-insensitively at login. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id PHC string; null for accounts that log in only through OIDC. */
    passwordHash: text("password_hash"),
    /** The `sub` claim of the organisation's identity provider, bound at first OIDC login. */
    oidcSubject: text("oidc_subject"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(t.email),
    uniqueIndex("users_oidc_subject_idx").on(t.oidcSubject),
  ],
);

/**
 * One role of a user with its scope. Which scope column is filled depends on the role:
 * school staff a school id, leerplicht a municipality, partnership staff a partnership code,
 * regional roles a region, a parent one row per child (pupil id).
 */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role").notNull(),
    schoolId: text("school_id"),
    municipality: text("municipality"),
    partnership: text("partnership"),
    region: text("region"),
    pupilId: text("pupil_id"),
  },
  (t) => [
    index("role_assignments_user_idx").on(t.userId),
    index("role_assignments_pupil_idx").on(t.pupilId),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** Synchroniser token for state-changing requests made with this session's cookie. */
    csrfToken: text("csrf_token").notNull(),
    via: text("via").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

/** Bearer tokens for integrations; each acts as its (service) user with that user's roles. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    label: text("label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /**
     * A service token's scopes (`imports:attendance`, …): a service token may do only these,
     * whatever its (role-less) service user could otherwise. Empty: a user's own token.
     */
    scopes: jsonb("scopes").$type<string[]>().notNull().default([]),
    /** The schools a service token may deliver rows of. */
    schoolIds: jsonb("school_ids").$type<string[]>().notNull().default([]),
    /** The administrator who created the token (no foreign key: the record outlives accounts). */
    createdBy: uuid("created_by"),
  },
  (t) => [uniqueIndex("api_tokens_hash_idx").on(t.tokenHash)],
);

/**
 * Imports delivered through the API (`POST /api/v1/imports/{kind}`): the job id a school system
 * polls, its outcome, and the Idempotency-Key that makes a repeated delivery answer with the same
 * job. The rows themselves are in import_log like every import's.
 */
export const importRequests = pgTable(
  "import_requests",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    tokenId: bigint("token_id", { mode: "number" }),
    kind: text("kind").notNull(),
    idempotencyKey: text("idempotency_key"),
    /** queued, running, succeeded or rejected (interfaces.md). */
    status: text("status").notNull(),
    summary: jsonb("summary"),
    errors: jsonb("errors").notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("import_requests_idempotency_idx")
      .on(t.userId, t.idempotencyKey)
      .where(sql`idempotency_key IS NOT NULL`),
  ],
);

/**
 * One-time links to set a password (`aanwezig admin create` without --password-stdin): the
 * account exists without a password until the link is used once, within its 24 hours. Like
 * sessions, only the SHA-256 hash of the token is stored.
 */
export const passwordSetTokens = pgTable(
  "password_set_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("password_set_tokens_user_idx").on(t.userId)],
);

/**
 * Append-only trail of every read and change of a pupil's or case's data, allowed or denied.
 * No foreign keys: the trail must outlive the users and records it mentions. A trigger (custom
 * migration) rejects UPDATE and DELETE.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    userId: uuid("user_id"),
    /** The role that granted the access, or the actor's roles (comma-separated) on a denial. */
    role: text("role"),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    pupilId: text("pupil_id"),
    /** Why-context: route, method, case id, request id. Never personal data beyond ids. */
    context: jsonb("context").notNull(),
    outcome: text("outcome").notNull(),
    /** NEN 7513 "why": the purpose of the processing, from the route (src/domain/privacy/purpose.ts). */
    purpose: text("purpose"),
  },
  (t) => [
    index("audit_log_pupil_idx").on(t.pupilId, t.id),
    index("audit_log_user_idx").on(t.userId, t.id),
  ],
);
