// Service tokens for integrations (interfaces.md "Versions and integrations"): a school system
// or a nightly script delivers files with a bearer token scoped to import kinds and schools.
// Each token has its own service account (no password, no roles, an address under the reserved
// .invalid domain so no identity provider can log in as it): the token acts as that account,
// which may do nothing but what the token's scopes allow. The token is shown once; only its
// SHA-256 hash is stored (users.ts). Revoking a token also disables its service account.
import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { apiTokens, sessions, users } from "../schema/access.ts";
import { newSecret, sha256 } from "./users.ts";

export const SERVICE_ACCOUNT_DOMAIN = "service.aanwezig.invalid";

export interface NewServiceToken {
  name: string;
  scopes: string[];
  schoolIds: string[];
  createdBy: string;
  expiresAt?: Date | null;
}

export interface ServiceTokenRow {
  id: number;
  name: string;
  scopes: string[];
  schoolIds: string[];
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Creates the service account and its token; returns the token in plain text, once. */
export async function createServiceToken(
  orm: Orm,
  input: NewServiceToken,
): Promise<{ id: number; token: string }> {
  const token = newSecret("azw_");
  return orm.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: `koppeling-${randomUUID()}@${SERVICE_ACCOUNT_DOMAIN}`,
        name: `Koppeling: ${input.name}`,
      })
      .returning({ id: users.id });
    const [row] = await tx
      .insert(apiTokens)
      .values({
        tokenHash: sha256(token),
        userId: user!.id,
        label: input.name,
        scopes: [...new Set(input.scopes)].sort(),
        schoolIds: [...new Set(input.schoolIds)].sort(),
        createdBy: input.createdBy,
        expiresAt: input.expiresAt ?? null,
      })
      .returning({ id: apiTokens.id });
    return { id: row!.id, token };
  });
}

const COLUMNS = {
  id: apiTokens.id,
  name: apiTokens.label,
  scopes: apiTokens.scopes,
  schoolIds: apiTokens.schoolIds,
  createdAt: apiTokens.createdAt,
  createdBy: apiTokens.createdBy,
  expiresAt: apiTokens.expiresAt,
  revokedAt: apiTokens.revokedAt,
};

/** Every service token (revoked ones too, for the record), newest first; never a secret. */
export async function listServiceTokens(orm: Orm): Promise<ServiceTokenRow[]> {
  return orm
    .select(COLUMNS)
    .from(apiTokens)
    .where(ne(apiTokens.scopes, sql`'[]'::jsonb`))
    .orderBy(asc(apiTokens.id));
}

/** Revokes a service token and disables its account; false when there is no such token. */
export async function revokeServiceToken(orm: Orm, id: number, now: Date): Promise<boolean> {
  return orm.transaction(async (tx) => {
    const [token] = await tx
      .select({ userId: apiTokens.userId, revokedAt: apiTokens.revokedAt })
      .from(apiTokens)
      .where(and(eq(apiTokens.id, id), ne(apiTokens.scopes, sql`'[]'::jsonb`)));
    if (!token) return false;
    await tx
      .update(apiTokens)
      .set({ revokedAt: now })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
    await tx
      .update(users)
      .set({ disabledAt: now })
      .where(and(eq(users.id, token.userId), isNull(users.disabledAt)));
    await tx.delete(sessions).where(eq(sessions.userId, token.userId));
    return true;
  });
}
