// `aanwezig admin create` as an installer runs it on an empty installation: bin/aanwezig in a
// child process on a database nobody migrated, then the web app on the same database to prove
// the administrator can log in (with --password-stdin) or set a password with the printed link.
// The later runs go through the CLI's entry function in this process (runCliInProcess: same
// parsing, output and exit codes, without starting Node each time).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli, runCliInProcess, withApp } from "../../../test/support/cli-process.ts";
import { engines } from "../../../test/support/databases.ts";
import { openDatabase } from "../../db/connect.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { buildApp } from "../../http/app.ts";
import { stripOneLineEnd } from "../read-stdin.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-admin-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STRONG = "paarse olifant fietst naar Delfzijl";

/** The CLI's entry function in this process (runCliInProcess): most runs. */
function aanwezig(db: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  return runCliInProcess(dir, db, args, { input: input ?? "", env });
}

/** bin/aanwezig as a child process: the runs that check the binary, stdin and exit codes. */
function spawned(db: string, args: string[], input?: string, env: NodeJS.ProcessEnv = {}) {
  return runCli(dir, db, args, { input: input ?? "", env });
}

async function targets(): Promise<{ name: string; spec: string; dispose(): Promise<void> }[]> {
  // An embedded directory that does not exist yet: the command creates and migrates it.
  const list = [{ name: "pglite directory", spec: join(dir, "db"), dispose: async () => {} }];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    // Back to an unmigrated database, as a new server's would be.
    await fresh.db.sql.exec("drop schema public cascade; create schema public;");
    await fresh.db.sql.exec("drop schema if exists drizzle cascade;");
    await fresh.db.close();
    list.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  return list;
}

describe("stripOneLineEnd", async () => {
  it("strips exactly one trailing line end", async () => {
    expect(stripOneLineEnd("geheim wachtwoord\n")).toBe("geheim wachtwoord");
    expect(stripOneLineEnd("geheim wachtwoord\r\n")).toBe("geheim wachtwoord");
    expect(stripOneLineEnd("geheim wachtwoord\n\n")).toBe("geheim wachtwoord\n");
    expect(stripOneLineEnd("geheim wachtwoord  ")).toBe("geheim wachtwoord  ");
  });
});

describe("aanwezig admin create (command line)", async () => {
  const all = await targets();
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    it("creates an app_admin with a password from stdin on an unmigrated database, who can log in", async () => {
      const run = spawned(
        target.spec,
        [
          "--format",
          "json",
          "admin",
          "create",
          "--email",
          " Beheer@Gemeente-Zandstad.example ",
          "--name",
          "Anna de Vries",
          "--password-stdin",
        ],
        `${STRONG}\n`,
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out).toEqual({
        id: expect.any(String),
        email: "beheer@gemeente-zandstad.example",
        name: "Anna de Vries",
        roles: ["app_admin"],
      });
      // The app and the audit trail on one open of the database the child process wrote.
      await withApp(target.spec, async (app, db) => {
        const login = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: "BEHEER@gemeente-zandstad.example", password: STRONG },
        });
        expect(login.statusCode).toBe(200);
        expect(login.json().roles).toEqual([expect.objectContaining({ role: "app_admin" })]);
        // the trailing newline was not part of the password
        const withNewline = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: "beheer@gemeente-zandstad.example", password: `${STRONG}\n` },
        });
        expect(withNewline.statusCode).toBe(401);
        const audit = await listAudit(db.orm, { limit: 10 });
        expect(audit).toContainEqual(
          expect.objectContaining({
            action: "create_user",
            role: "cli",
            userId: null,
            resourceId: out.id,
            outcome: "allowed",
          }),
        );
      });
    });

    it("refuses an existing e-mail address (any case) with exit 1", async () => {
      const run = await aanwezig(target.spec, [
        "admin",
        "create",
        "--email",
        "beheer@GEMEENTE-zandstad.example",
        "--name",
        "Iemand Anders",
      ]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("er bestaat al een account");
      expect(run.stdout).toBe("");
    });

    it("refuses a weak password with exit 1 and the Dutch reason, creating nothing", async () => {
      const args = ["admin", "create", "--email", "zwak@gemeente-zandstad.example"];
      const short = await aanwezig(
        target.spec,
        [...args, "--name", "Z", "--password-stdin"],
        "kort\n",
      );
      expect(short.code).toBe(1);
      expect(short.stderr).toContain("minstens 12 tekens");
      const common = await aanwezig(
        target.spec,
        [...args, "--name", "Z", "--password-stdin"],
        "wachtwoord123\n",
      );
      expect(common.code).toBe(1);
      expect(common.stderr).toContain("te makkelijk te raden");
      // nothing was made: the same address is still free
      const retry = await aanwezig(
        target.spec,
        [...args, "--name", "Z", "--password-stdin"],
        `${STRONG}\n`,
      );
      expect(retry.code).toBe(0);
    });

    it("refuses a malformed e-mail address or empty name (1) and missing options (2)", async () => {
      const bad = await aanwezig(target.spec, [
        "admin",
        "create",
        "--email",
        "geen-adres",
        "--name",
        "X",
      ]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("ongeldig e-mailadres");
      const noName = await aanwezig(target.spec, [
        "admin",
        "create",
        "--email",
        "a@b.example",
        "--name",
        " ",
      ]);
      expect(noName.code).toBe(1);
      // A usage error ends before any database is opened: the binary's exit status for it is
      // checked once (on the PGlite directory); on PostgreSQL the same parse in this process.
      const missingArgs = ["admin", "create", "--name", "X"];
      const missing =
        target.name === "pglite directory"
          ? spawned(target.spec, missingArgs)
          : await aanwezig(target.spec, missingArgs);
      expect(missing.code).toBe(2);
    });

    it("without --password-stdin prints a one-time link that sets the password once", async () => {
      const run = await aanwezig(
        target.spec,
        ["admin", "create", "--email", "link@gemeente-zandstad.example", "--name", "Bram Link"],
        undefined,
        { AANWEZIG_PUBLIC_URL: "https://aanwezig.zandstad.example/" },
      );
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      const match = /https:\/\/aanwezig\.zandstad\.example\/wachtwoord-instellen#token=(\S+)/.exec(
        run.stdout,
      );
      expect(match).not.toBeNull();
      const token = match![1]!;
      expect(run.stdout).toContain("geen wachtwoord");
      await withApp(target.spec, async (app, db) => {
        const set = (password: string, t = token) =>
          app.inject({ method: "POST", url: "/api/password-set", payload: { token: t, password } });
        const logIn = (password: string) =>
          app.inject({
            method: "POST",
            url: "/api/session",
            payload: { email: "link@gemeente-zandstad.example", password },
          });
        expect((await logIn(STRONG)).statusCode).toBe(401); // no password yet
        const weak = await set("kort");
        expect(weak.statusCode).toBe(400);
        expect(weak.headers["content-type"]).toContain("application/problem+json");
        expect(weak.json().detail).toContain("minstens 12 tekens");
        const wrong = await set(STRONG, `${token}x`);
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().detail).toContain("ongeldig, al gebruikt of verlopen");
        expect((await set(STRONG)).statusCode).toBe(204); // the weak try did not spend the link
        expect((await logIn(STRONG)).statusCode).toBe(200);
        const again = await set("een ander sterk wachtwoord voor later");
        expect(again.statusCode).toBe(400);
        expect(again.json().detail).toContain("al gebruikt");
        expect((await logIn(STRONG)).statusCode).toBe(200);
        const sets = (await listAudit(db.orm, { limit: 50 })).filter(
          (a) => a.action === "set_password",
        );
        // once: neither the refused password nor the second use changed the account
        expect(sets).toEqual([
          expect.objectContaining({ userEmail: "link@gemeente-zandstad.example" }),
        ]);
      });
    });

    it("a link is refused after its 24 hours", async () => {
      const run = await aanwezig(target.spec, [
        "--format",
        "json",
        "admin",
        "create",
        "--email",
        "laat@gemeente-zandstad.example",
        "--name",
        "Lotte Laat",
      ]);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.password_set_url).toMatch(
        /^http:\/\/127\.0\.0\.1:8080\/wachtwoord-instellen#token=/,
      );
      const expiresAt = new Date(out.password_set_expires_at).getTime();
      expect(expiresAt - Date.now()).toBeGreaterThan(23.9 * 3600_000);
      expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
      const token = (out.password_set_url as string).split("#token=")[1];
      const db = await openDatabase(target.spec);
      const app = await buildApp({ db, oidc: null, now: () => new Date(expiresAt + 1000) });
      try {
        const late = await app.inject({
          method: "POST",
          url: "/api/password-set",
          payload: { token, password: STRONG },
        });
        expect(late.statusCode).toBe(400);
        expect(late.json().detail).toContain("verlopen");
      } finally {
        await app.close();
        await db.close();
      }
    });
  });
});
