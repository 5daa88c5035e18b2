import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { PasswordRejectedError } from "../../services/password-policy.ts";
import type { Database } from "../connect.ts";
import {
  createApiToken,
  createSession,
  createUser,
  deleteSession,
  findActiveSession,
  findApiTokenUser,
  findLoginByEmail,
  findOrBindOidcUser,
  findUserById,
  hasDemoAccounts,
  verifyPassword,
} from "./users.ts";

describe.each(engines())("users on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(() => dispose());

  it("stores an argon2id hash that verifies only the right password", async () => {
    const user = await createUser(db.orm, {
      email: "Z.Coordinator@School.example",
      name: "Zora Coördinator",
      password: "lang-genoeg-wachtwoord",
      roles: [
        { role: "care_coordinator", schoolId: "12AB00" },
        { role: "teacher", schoolId: "34CD00" },
      ],
    });
    expect(user.email).toBe("z.coordinator@school.example");
    expect(user.roles.map((r) => [r.role, r.schoolId])).toEqual([
      ["care_coordinator", "12AB00"],
      ["teacher", "34CD00"],
    ]);
    const login = await findLoginByEmail(db.orm, "z.coordinator@SCHOOL.example");
    expect(login?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(login?.passwordHash ?? null, "lang-genoeg-wachtwoord")).toBe(true);
    expect(await verifyPassword(login?.passwordHash ?? null, "fout")).toBe(false);
    expect(await verifyPassword(null, "lang-genoeg-wachtwoord")).toBe(false);
  });

  it("refuses to store an account with a password the policy refuses", async () => {
    const weak = createUser(db.orm, {
      email: "herhaling@x.example",
      name: "Herhaling",
      password: "aaaaaaaaaaaa",
      roles: [],
    });
    await expect(weak).rejects.toBeInstanceOf(PasswordRejectedError);
    expect(await findLoginByEmail(db.orm, "herhaling@x.example")).toBeUndefined();
  });

  it("finds a session by its token until it expires or is deleted", async () => {
    const user = await createUser(db.orm, { email: "s@x.example", name: "S", roles: [] });
    const now = new Date("2026-03-02T09:00:00Z");
    const grant = await createSession(db.orm, user.id, "password", 60_000, now);
    const stored = await db.sql.query<{ token_hash: string }>("select token_hash from sessions");
    expect(stored.map((s) => s.token_hash)).not.toContain(grant.token);
    expect(await findActiveSession(db.orm, grant.token, now)).toEqual({
      csrfToken: grant.csrfToken,
      user: { id: user.id, email: "s@x.example", name: "S", roles: [] },
    });
    expect(await findActiveSession(db.orm, grant.token, new Date(now.getTime() + 61_000))).toBe(
      undefined,
    );
    await deleteSession(db.orm, grant.token);
    expect(await findActiveSession(db.orm, grant.token, now)).toBe(undefined);
    // Expired sessions are removed when the next one is made.
    await createSession(db.orm, user.id, "password", 60_000, now);
    const later = await createSession(
      db.orm,
      user.id,
      "oidc",
      60_000,
      new Date(now.getTime() + 120_000),
    );
    const left = await db.sql.query<{ via: string }>("select via from sessions");
    expect(left.map((s) => s.via)).toEqual(["oidc"]);
    expect(
      await findActiveSession(db.orm, later.token, new Date(now.getTime() + 120_000)),
    ).toBeDefined();
  });

  it("gives a session's and a token's user with every role in order; a disabled user's open nothing", async () => {
    const user = await createUser(db.orm, {
      email: "twee-rollen@x.example",
      name: "T",
      roles: [
        { role: "teacher", schoolId: "34CD00" },
        { role: "care_coordinator", schoolId: "12AB00" },
      ],
    });
    const now = new Date("2026-03-02T09:00:00Z");
    const grant = await createSession(db.orm, user.id, "password", 60_000, now);
    const token = await createApiToken(db.orm, user.id, "koppeling");
    const session = await findActiveSession(db.orm, grant.token, now);
    expect(session?.user.roles.map((r) => [r.role, r.schoolId])).toEqual([
      ["teacher", "34CD00"],
      ["care_coordinator", "12AB00"],
    ]);
    expect((await findApiTokenUser(db.orm, token, now))?.roles).toEqual(session?.user.roles);
    await db.sql.query("update users set disabled_at = now() where id = $1", [user.id]);
    expect(await findActiveSession(db.orm, grant.token, now)).toBe(undefined);
    expect(await findApiTokenUser(db.orm, token, now)).toBe(undefined);
  });

  it("resolves API tokens unless revoked or expired", async () => {
    const user = await createUser(db.orm, { email: "koppeling@x.example", name: "K", roles: [] });
    const token = await createApiToken(db.orm, user.id, "administratiepakket");
    expect(token.startsWith("azw_")).toBe(true);
    expect((await findApiTokenUser(db.orm, token))?.id).toBe(user.id);
    expect(await findApiTokenUser(db.orm, `${token}x`)).toBe(undefined);
    const expired = await createApiToken(db.orm, user.id, "oud", new Date("2020-01-01T00:00:00Z"));
    expect(await findApiTokenUser(db.orm, expired)).toBe(undefined);
    await db.sql.query("update api_tokens set revoked_at = now()");
    expect(await findApiTokenUser(db.orm, token)).toBe(undefined);
  });

  it("binds an OIDC subject to the user with that e-mail once, and never creates users", async () => {
    const user = await createUser(db.orm, { email: "lpa@gemeente.example", name: "L", roles: [] });
    expect(await findOrBindOidcUser(db.orm, "sub-1", "onbekend@gemeente.example")).toBe(undefined);
    expect((await findOrBindOidcUser(db.orm, "sub-1", "LPA@gemeente.example"))?.id).toBe(user.id);
    expect((await findOrBindOidcUser(db.orm, "sub-1", undefined))?.id).toBe(user.id);
    // Another subject presenting the same address does not take the account over.
    expect(await findOrBindOidcUser(db.orm, "sub-2", "lpa@gemeente.example")).toBe(undefined);
    expect((await findUserById(db.orm, user.id))?.email).toBe("lpa@gemeente.example");
  });

  it("refuses a role code the policy does not know, creating nothing", async () => {
    await expect(
      createUser(db.orm, { email: "x@y.example", name: "X", roles: [{ role: "zorgcoordinator" }] }),
    ).rejects.toThrow(/unknown role code\(s\): zorgcoordinator/);
    expect(await findLoginByEmail(db.orm, "x@y.example")).toBe(undefined);
  });

  it("tells whether demo accounts exist", async () => {
    expect(await hasDemoAccounts(db.orm)).toBe(false);
    await createUser(db.orm, { email: "beheer@demo.aanwezig.nl", name: "Demo", roles: [] });
    expect(await hasDemoAccounts(db.orm)).toBe(true);
  });
});
