// One-time links to set a password (interfaces.md: `aanwezig admin create` without
// --password-stdin prints one, valid 24 h). The token is a random 256-bit secret stored only as a
// SHA-256 hash; setting the password consumes it, so a link works once.
import { and, eq, gt, isNull } from "drizzle-orm";
import { assertAcceptablePassword, PasswordRejectedError } from "../../services/password-policy.ts";
import type { Database } from "../connect.ts";
import { passwordSetTokens, users } from "../schema/access.ts";
import { hashPassword, newSecret, sha256 } from "./users.ts";

export const PASSWORD_SET_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Returns the token in plain text: the only moment it exists outside the caller's hands. */
export async function createPasswordSetToken(
  orm: Database["orm"],
  userId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + PASSWORD_SET_TOKEN_LIFETIME_MS);
  await orm
    .insert(passwordSetTokens)
    .values({ tokenHash: sha256(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

export type PasswordSetOutcome =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid_token" }
  | { ok: false; reason: "password_rejected"; message: string };

/**
 * Sets the account's password with an unused, unexpired token of an active account and marks the
 * token used, in one transaction. The password policy is checked before the token is spent, so a
 * weak password leaves the link usable for a better one.
 */
export async function setPasswordWithToken(
  db: Database,
  token: string,
  password: string,
  now = new Date(),
): Promise<PasswordSetOutcome> {
  return db.transaction(async (tx) => {
    const [found] = await tx.orm
      .select({ userId: users.id, email: users.email, name: users.name })
      .from(passwordSetTokens)
      .innerJoin(users, and(eq(users.id, passwordSetTokens.userId), isNull(users.disabledAt)))
      .where(
        and(
          eq(passwordSetTokens.tokenHash, sha256(token)),
          isNull(passwordSetTokens.usedAt),
          gt(passwordSetTokens.expiresAt, now),
        ),
      )
      .for("update");
    if (!found) return { ok: false, reason: "invalid_token" } as const;
    try {
      await assertAcceptablePassword(password, { email: found.email, name: found.name });
    } catch (error) {
      if (!(error instanceof PasswordRejectedError)) throw error;
      return { ok: false, reason: "password_rejected", message: error.message } as const;
    }
    await tx.orm
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, found.userId));
    await tx.orm
      .update(passwordSetTokens)
      .set({ usedAt: now })
      .where(eq(passwordSetTokens.tokenHash, sha256(token)));
    return { ok: true, userId: found.userId } as const;
  });
}
