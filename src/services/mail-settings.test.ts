// The SMTP password at rest (issue 16 item 2), on both engines: saved, it is sealed under the
// region key (AES-256-GCM, sealed-secret.ts) — the raw row holds no password — and the daily job
// reads it back; a password stored in clear before sealing, or sealed under the previous region
// key, is re-sealed on first read; under an unknown key the read fails with a Dutch reason.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDatabase, engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { currentMailConfig, saveMailSettings } from "./mail-settings.ts";

const AUTHOR = { userId: null, role: "cli", context: { route: "test", method: "TEST" } };
const PASSWORD = "geheim-smtp-wachtwoord-42";
const SERVER = {
  host: "smtp.zandstad.example",
  port: 587,
  security: "starttls",
  username: "aanwezig",
  password: PASSWORD,
  from: "Aanwezig <noreply@zandstad.example>",
};
const OLD_KEY = "oude-regiosleutel-0123456789abcdef0123456789";
const NEW_KEY = "nieuwe-regiosleutel-fedcba9876543210fedcba98";

async function rawRows(db: Database): Promise<string[]> {
  const rows = await db.sql.query<{ text: string }>("select x::text as text from mail_settings x");
  return rows.map((r) => r.text);
}

async function rawPassword(db: Database): Promise<string | null> {
  const [row] = await db.sql.query<{ password: string | null }>(
    "select password from mail_settings",
  );
  return row?.password ?? null;
}

describe.each(engines())("the SMTP password at rest on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  const env = {
    key: process.env.AANWEZIG_REGION_KEY,
    previous: process.env.AANWEZIG_REGION_KEY_PREVIOUS,
  };
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  beforeEach(async () => emptyDatabase(db));
  afterEach(() => {
    for (const [name, value] of [
      ["AANWEZIG_REGION_KEY", env.key],
      ["AANWEZIG_REGION_KEY_PREVIOUS", env.previous],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  afterAll(async () => dispose());

  it("stores the password sealed: the raw row holds no password, the job reads it back", async () => {
    expect((await saveMailSettings(db, SERVER, AUTHOR)).ok).toBe(true);
    const stored = await rawPassword(db);
    expect(stored).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    for (const text of await rawRows(db)) expect(text).not.toContain(PASSWORD);
    expect((await currentMailConfig(db, {}))?.server?.password).toBe(PASSWORD);
    // A fresh nonce every save: the same password never seals to the same text.
    expect((await saveMailSettings(db, SERVER, AUTHOR)).ok).toBe(true);
    expect(await rawPassword(db)).not.toBe(stored);
  });

  it("seals a password stored in clear before sealing on its first read", async () => {
    await db.sql.query(
      `insert into mail_settings (id, host, port, security, username, password, from_address, updated_by)
       values (1, 'smtp.zandstad.example', 587, 'starttls', 'aanwezig', $1, 'noreply@zandstad.example', 'cli')`,
      [PASSWORD],
    );
    expect((await currentMailConfig(db, {}))?.server?.password).toBe(PASSWORD);
    expect(await rawPassword(db)).toMatch(/^v1:/);
    for (const text of await rawRows(db)) expect(text).not.toContain(PASSWORD);
    expect((await currentMailConfig(db, {}))?.server?.password).toBe(PASSWORD);
  });

  it("re-seals under a rotated key with the previous one, and refuses an unknown key", async () => {
    process.env.AANWEZIG_REGION_KEY = OLD_KEY;
    expect((await saveMailSettings(db, SERVER, AUTHOR)).ok).toBe(true);
    const underOld = await rawPassword(db);

    process.env.AANWEZIG_REGION_KEY = NEW_KEY;
    await expect(currentMailConfig(db, {})).rejects.toThrow(/AANWEZIG_REGION_KEY_PREVIOUS/);

    process.env.AANWEZIG_REGION_KEY_PREVIOUS = OLD_KEY;
    expect((await currentMailConfig(db, {}))?.server?.password).toBe(PASSWORD);
    const underNew = await rawPassword(db);
    expect(underNew).not.toBe(underOld);

    delete process.env.AANWEZIG_REGION_KEY_PREVIOUS;
    expect((await currentMailConfig(db, {}))?.server?.password).toBe(PASSWORD);
    expect(await rawPassword(db)).toBe(underNew);
  });
});
