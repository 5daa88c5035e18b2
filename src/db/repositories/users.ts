// Users, their scoped roles, login sessions and API tokens (domain.md §2). Secrets never leave
// this module in stored form: passwords as argon2id hashes, tokens as SHA-256 hashes, so a
// leaked database copy cannot be used to log in.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { and, eq, gt, isNull, like, lte, or, sql } from "drizzle-orm";
import { isRoleCode } from "../../domain/policy/roles.ts";
import { assertAcceptablePassword } from "../../services/password-policy.ts";
import type { Orm } from "../connect.ts";
import { apiTokens, roleAssignments, sessions, users } from "../schema/access.ts";

export interface RoleScope {
  role: string;
  schoolId?: string | null;
  municipality?: string | null;
  partnership?: string | null;
  region?: string | null;
  /** Parents: one assignment per child. */
  pupilId?: string | null;
}

export interface NewUser {
  email: string;
  name: string;
  /** Omitted for accounts that log in through OIDC only. */
  password?: string;
  roles: RoleScope[];
}

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface UserWithRoles extends User {
  roles: RoleScope[];
}

export const DEMO_EMAIL_DOMAIN = "@demo.aanwezig.nl";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** argon2id with the library defaults (19 MiB, 2 passes: OWASP's recommended minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// A real hash of a random password: verifying against it costs as much as a real check, so a
// login for an unknown e-mail address takes as long as one with a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (stored === null) {
    decoyHash ??= hash(randomBytes(16).toString("hex"));
    await verify(await decoyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

export async function createUser(orm: Orm, input: NewUser): Promise<UserWithRoles> {
  const unknown = input.roles.map((r) => r.role).filter((role) => !isRoleCode(role));
  if (unknown.length > 0) throw new Error(`unknown role code(s): ${unknown.join(", ")}`);
  // The password policy holds for every account made here (throws PasswordRejectedError).
  if (input.password !== undefined) {
    await assertAcceptablePassword(input.password, { email: input.email, name: input.name });
  }
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const [row] = await orm
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name, passwordHash })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!row) throw new Error("insert into users returned no row");
  if (input.roles.length > 0) {
    await orm.insert(roleAssignments).values(
      input.roles.map((r) => ({
        userId: row.id,
        role: r.role,
        schoolId: r.schoolId ?? null,
        municipality: r.municipality ?? null,
        partnership: r.partnership ?? null,
        region: r.region ?? null,
        pupilId: r.pupilId ?? null,
      })),
    );
  }
  return { ...row, roles: await rolesOfUser(orm, row.id) };
}

/** The columns of a role assignment that make a RoleScope. */
export const ROLE_SCOPE_COLUMNS = {
  role: roleAssignments.role,
  schoolId: roleAssignments.schoolId,
  municipality: roleAssignments.municipality,
  partnership: roleAssignments.partnership,
  region: roleAssignments.region,
  pupilId: roleAssignments.pupilId,
};

export async function rolesOfUser(orm: Orm, userId: string): Promise<RoleScope[]> {
  return orm
    .select(ROLE_SCOPE_COLUMNS)
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.id);
}

export async function findUserById(orm: Orm, id: string): Promise<UserWithRoles | undefined> {
  const [row] = await orm
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.disabledAt)));
  return row && { ...row, roles: await rolesOfUser(orm, row.id) };
}

/** For login: the active user with this e-mail address and the stored password hash. */
export async function findLoginByEmail(
  orm: Orm,
  email: string,
): Promise<(User & { passwordHash: string | null }) | undefined> {
  const [row] = await orm
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(and(eq(users.email, normaliseEmail(email)), isNull(users.disabledAt)));
  return row;
}

/**
 * OIDC login: the user bound to this subject, else the user with this (verified) e-mail address
 * not yet bound to another subject, which is then bound. Nobody is created: accounts and their
 * roles are made by the application admin.
 */
export async function findOrBindOidcUser(
  orm: Orm,
  subject: string,
  email: string | undefined,
): Promise<User | undefined> {
  const columns = { id: users.id, email: users.email, name: users.name };
  const [bound] = await orm
    .select(columns)
    .from(users)
    .where(and(eq(users.oidcSubject, subject), isNull(users.disabledAt)));
  if (bound || email === undefined) return bound;
  const [match] = await orm
    .update(users)
    .set({ oidcSubject: subject })
    .where(
      and(
        eq(users.email, normaliseEmail(email)),
        isNull(users.oidcSubject),
        isNull(users.disabledAt),
      ),
    )
    .returning(columns);
  return match;
}

export async function hasDemoAccounts(orm: Orm): Promise<boolean> {
  const rows = await orm
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, `%${DEMO_EMAIL_DOMAIN}`))
    .limit(1);
  return rows.length > 0;
}

// ---- sessions and API tokens: random 256-bit secrets, stored hashed --------------------------

export function sha256(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSecret(prefix = ""): string {
  return prefix + randomBytes(32).toString("base64url");
}

export interface SessionGrant {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  orm: Orm,
  userId: string,
  via: "password" | "oidc",
  lifetimeMs: number,
  now = new Date(),
): Promise<SessionGrant> {
  const token = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + lifetimeMs);
  // Housekeeping at each login keeps the table to the sessions that can still be used.
  await orm.delete(sessions).where(lte(sessions.expiresAt, now));
  await orm
    .insert(sessions)
    .values({ tokenHash: sha256(token), userId, csrfToken, via, createdAt: now, expiresAt });
  return { token, csrfToken, expiresAt };
}

export interface ActiveSession {
  csrfToken: string;
  /** The session's user with their roles; sessions of a disabled user are not active. */
  user: UserWithRoles;
}

// The user and every role assignment beside a credential's row, in one round trip: this runs
// on every request (docs/performance.md, "Monitor"), where three queries were most of the cost.
const USER_ROLE_COLUMNS = {
  id: users.id,
  email: users.email,
  name: users.name,
  ...ROLE_SCOPE_COLUMNS,
};

type UserRoleRow = {
  id: string;
  email: string;
  name: string;
  role: string | null;
} & Omit<RoleScope, "role">;

/** Rows of one user, one per role assignment (role null: none), as the user with roles. */
function userFromRoleRows(rows: UserRoleRow[]): UserWithRoles | undefined {
  const [first] = rows;
  if (!first) return undefined;
  const roles: RoleScope[] = [];
  for (const { role, schoolId, municipality, partnership, region, pupilId } of rows) {
    if (role !== null) roles.push({ role, schoolId, municipality, partnership, region, pupilId });
  }
  return { id: first.id, email: first.email, name: first.name, roles };
}

// Prepared once per database: on PostgreSQL a named statement is parsed and planned once per
// connection, and drizzle builds its text once (4-5x the lookups per second of building and
// planning each time, measured in docs/performance.md "Monitor").
function prepareCredentialLookups(orm: Orm) {
  return {
    session: orm
      .select({ ...USER_ROLE_COLUMNS, csrfToken: sessions.csrfToken })
      .from(sessions)
      .innerJoin(users, and(eq(users.id, sessions.userId), isNull(users.disabledAt)))
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(
          eq(sessions.tokenHash, sql.placeholder("tokenHash")),
          gt(sessions.expiresAt, sql.placeholder("now")),
        ),
      )
      .orderBy(roleAssignments.id)
      .prepare("aanwezig_session_user"),
    apiToken: orm
      .select({
        ...USER_ROLE_COLUMNS,
        tokenId: apiTokens.id,
        tokenHash: apiTokens.tokenHash,
        scopes: apiTokens.scopes,
        schoolIds: apiTokens.schoolIds,
      })
      .from(apiTokens)
      .innerJoin(users, and(eq(users.id, apiTokens.userId), isNull(users.disabledAt)))
      .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
      .where(
        and(
          eq(apiTokens.tokenHash, sql.placeholder("tokenHash")),
          isNull(apiTokens.revokedAt),
          or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder("now"))),
        ),
      )
      .orderBy(roleAssignments.id)
      .prepare("aanwezig_api_token_user"),
  };
}

const credentialLookups = new WeakMap<Orm, ReturnType<typeof prepareCredentialLookups>>();

function lookupsOf(orm: Orm): ReturnType<typeof prepareCredentialLookups> {
  let lookups = credentialLookups.get(orm);
  if (!lookups) {
    lookups = prepareCredentialLookups(orm);
    credentialLookups.set(orm, lookups);
  }
  return lookups;
}

export async function findActiveSession(
  orm: Orm,
  token: string,
  now = new Date(),
): Promise<ActiveSession | undefined> {
  const rows = await lookupsOf(orm).session.execute({ tokenHash: sha256(token), now });
  const user = userFromRoleRows(rows);
  const csrfToken = rows[0]?.csrfToken;
  return user && csrfToken !== undefined ? { csrfToken, user } : undefined;
}

export async function deleteSession(orm: Orm, token: string): Promise<void> {
  await orm.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Returns the token in plain text: the only moment it exists outside the caller's hands. */
export async function createApiToken(
  orm: Orm,
  userId: string,
  label: string,
  expiresAt: Date | null = null,
): Promise<string> {
  const token = newSecret("azw_");
  await orm.insert(apiTokens).values({ tokenHash: sha256(token), userId, label, expiresAt });
  return token;
}

/** What an API token itself allows: a service token's scopes and schools (empty: a user's token). */
export interface ApiTokenGrant {
  id: number;
  scopes: string[];
  schoolIds: string[];
}

/** The active user an unrevoked, unexpired API token belongs to, with their roles. */
export async function findApiTokenUser(
  orm: Orm,
  token: string,
  now = new Date(),
): Promise<(UserWithRoles & { token: ApiTokenGrant }) | undefined> {
  const tokenHash = sha256(token);
  const rows = await lookupsOf(orm).apiToken.execute({ tokenHash, now });
  const first = rows[0];
  // The index found the row by its hash; compared once more in constant time all the same.
  if (!first || !timingSafeEqual(Buffer.from(first.tokenHash), Buffer.from(tokenHash))) {
    return undefined;
  }
  const user = userFromRoleRows(rows);
  if (!user) return undefined;
  return {
    ...user,
    token: { id: first.tokenId, scopes: first.scopes, schoolIds: first.schoolIds },
  };
}
