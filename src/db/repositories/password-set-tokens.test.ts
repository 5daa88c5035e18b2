// One-time password links on both engines: only a hash is stored, a refused password leaves the
// link usable, a link works once and not after 24 hours, and not for a disabled account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import type { Database } from "../connect.ts";
import { deactivateAccount } from "./admin.ts";
import {
  createPasswordSetToken,
  PASSWORD_SET_TOKEN_LIFETIME_MS,
  setPasswordWithToken,
} from "./password-set-tokens.ts";
import { createUser, findLoginByEmail, verifyPassword } from "./users.ts";

const NOW = new Date("2026-03-02T10:00:00Z");
const STRONG = "paarse olifant fietst naar Delfzijl";

describe.each(engines())("password-set tokens on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => dispose());

  const account = async (email: string) =>
    (await createUser(db.orm, { email, name: "Anna de Vries", roles: [{ role: "app_admin" }] })).id;

  it("stores only a hash, keeps the link after a refused password, and works once", async () => {
    const userId = await account("een@zandstad.example");
    const { token, expiresAt } = await createPasswordSetToken(db.orm, userId, NOW);
    expect(expiresAt.getTime() - NOW.getTime()).toBe(PASSWORD_SET_TOKEN_LIFETIME_MS);
    const stored = await db.sql.query<{ token_hash: string }>(
      "select token_hash from password_set_tokens where user_id = $1",
      [userId],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toContain(token);

    const weak = await setPasswordWithToken(db, token, "wachtwoord1234", NOW);
    expect(weak).toMatchObject({ ok: false, reason: "password_rejected" });
    expect(await setPasswordWithToken(db, token, STRONG, NOW)).toEqual({ ok: true, userId });
    const login = await findLoginByEmail(db.orm, "een@zandstad.example");
    expect(await verifyPassword(login!.passwordHash, STRONG)).toBe(true);
    expect(await setPasswordWithToken(db, token, `${STRONG} twee`, NOW)).toEqual({
      ok: false,
      reason: "invalid_token",
    });
  });

  it("refuses a link after its 24 hours and one of a disabled account", async () => {
    const late = await account("laat@zandstad.example");
    const { token } = await createPasswordSetToken(db.orm, late, NOW);
    const justAfter = new Date(NOW.getTime() + PASSWORD_SET_TOKEN_LIFETIME_MS);
    expect(await setPasswordWithToken(db, token, STRONG, justAfter)).toEqual({
      ok: false,
      reason: "invalid_token",
    });
    const disabled = await account("uit@zandstad.example");
    const link = await createPasswordSetToken(db.orm, disabled, NOW);
    await deactivateAccount(db.orm, disabled, NOW);
    expect(await setPasswordWithToken(db, link.token, STRONG, NOW)).toEqual({
      ok: false,
      reason: "invalid_token",
    });
  });
});
