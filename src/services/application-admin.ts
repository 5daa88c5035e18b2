// The first application administrator of a real installation (interfaces.md: `aanwezig admin
// create`; issue 14). Works on any database, empty or not: the account gets the app_admin role,
// which has no scope (domain.md §2: the functioneel beheerder manages accounts and schools of the
// whole installation). Either a password is given (the policy of password-policy.ts applies, via
// createUser) or a one-time link to set it is made.

import { recordAllowed } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { emailInUse } from "../db/repositories/admin.ts";
import { createPasswordSetToken } from "../db/repositories/password-set-tokens.ts";
import { createUser, normaliseEmail, type UserWithRoles } from "../db/repositories/users.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { cliCaller } from "./cli-actor.ts";
import { judgeNewPassword } from "./password-policy.ts";

export interface NewApplicationAdmin {
  email: string;
  name: string;
  /** Without one, the result carries a one-time token to set it. */
  password?: string;
}

export type ApplicationAdminOutcome =
  | { ok: true; user: UserWithRoles; passwordSet?: { token: string; expiresAt: Date } }
  | { ok: false; reason: "invalid_email" | "invalid_name" | "email_exists"; message: string }
  | { ok: false; reason: "password_rejected"; message: string };

// Deliberately loose (one @, a dot in the domain, no spaces): the address is a login name that
// must be typed again, not a mailbox this command proves to exist.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 320;
const MAX_NAME_LENGTH = 200;

export async function createApplicationAdmin(
  db: Database,
  input: NewApplicationAdmin,
  now = new Date(),
): Promise<ApplicationAdminOutcome> {
  const email = normaliseEmail(input.email);
  const name = input.name.trim();
  if (email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    return { ok: false, reason: "invalid_email", message: `ongeldig e-mailadres '${email}'` };
  }
  if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      reason: "invalid_name",
      message: `de naam moet 1 tot ${MAX_NAME_LENGTH} tekens lang zijn`,
    };
  }
  const exists = (): ApplicationAdminOutcome => ({
    ok: false,
    reason: "email_exists",
    message: `er bestaat al een account met het e-mailadres ${email}`,
  });
  if (await emailInUse(db.orm, email)) return exists();
  if (input.password !== undefined) {
    const verdict = await judgeNewPassword(input.password, { email, name });
    if (!verdict.ok) return { ok: false, reason: "password_rejected", message: verdict.message };
  }
  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx.orm, {
        email,
        name,
        ...(input.password === undefined ? {} : { password: input.password }),
        roles: [{ role: "app_admin" }],
      });
      const by = cliCaller("admin create", {
        email,
        role: "app_admin",
        password: input.password === undefined ? "link" : "stdin",
      });
      await recordAllowed(tx.orm, by, {
        action: "create_user",
        resourceType: "user",
        resourceId: user.id,
        pupilId: null,
      });
      if (input.password !== undefined) return { ok: true, user } as const;
      const passwordSet = await createPasswordSetToken(tx.orm, user.id, now);
      return { ok: true, user, passwordSet } as const;
    });
  } catch (error) {
    // Another process made the same account between the check and the insert.
    if (isUniqueViolation(error, "users_email_idx")) return exists();
    throw error;
  }
}
