// `aanwezig users list` and `aanwezig users disable` as an administrator runs them, through
// the CLI's entry function (runCliInProcess); a session made before the disable must end, and a new login must fail.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess, seededTargets, withApp } from "../../../test/support/cli-process.ts";
import type { Database } from "../../db/connect.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { createUser } from "../../db/repositories/users.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-users-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PASSWORD = "correct-paard-batterij-niet";

/** The CLI's entry function in this process (runCliInProcess; the binary itself: import.test.ts). */
const aanwezig = (db: string, ...args: string[]) => runCliInProcess(dir, db, args);

async function seed(db: Database): Promise<void> {
  await createUser(db.orm, {
    email: "beheer@zandstad.example",
    name: "Anna de Vries",
    password: PASSWORD,
    roles: [{ role: "app_admin" }],
  });
  await createUser(db.orm, {
    email: "zorg@linde.example",
    name: "Sanne Zorg",
    password: PASSWORD,
    roles: [{ role: "care_coordinator", schoolId: "12AB00" }],
  });
}

describe("aanwezig users (command line)", async () => {
  const all = await seededTargets(dir, seed);
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    it("lists the accounts as a table, JSON and CSV", async () => {
      const text = await aanwezig(target.spec, "users", "list");
      expect(text.code).toBe(0);
      expect(text.stdout).toMatch(/beheer@zandstad\.example\s+Anna de Vries\s+app_admin\s+nee/);
      expect(text.stdout).toContain("care_coordinator:12AB00");
      expect(text.stdout).toContain("2 accounts");
      const json = JSON.parse(
        (await aanwezig(target.spec, "--format", "json", "users", "list")).stdout,
      );
      expect(json).toEqual([
        {
          id: expect.any(String),
          email: "beheer@zandstad.example",
          name: "Anna de Vries",
          roles: ["app_admin"],
          scopes: ["app_admin"],
          disabled: false,
        },
        {
          id: expect.any(String),
          email: "zorg@linde.example",
          name: "Sanne Zorg",
          roles: ["care_coordinator"],
          scopes: ["care_coordinator:12AB00"],
          disabled: false,
        },
      ]);
      const csv = (await aanwezig(target.spec, "--format", "csv", "users", "list")).stdout.split(
        "\n",
      );
      expect(csv[0]).toBe("id;email;name;roles;disabled");
      expect(csv[2]).toMatch(/;zorg@linde\.example;Sanne Zorg;care_coordinator:12AB00;false$/);
    });

    it("disables an account: its session ends, it cannot log in, the change is audited", async () => {
      const cookie = await withApp(target.spec, async (app) => {
        const login = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: "zorg@linde.example", password: PASSWORD },
        });
        expect(login.statusCode).toBe(200);
        const session = login.cookies.find((c) => c.name === "aanwezig_session")!;
        return `aanwezig_session=${session.value}`;
      });
      const run = await aanwezig(target.spec, "users", "disable", "--email", "ZORG@linde.example");
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("zorg@linde.example uitgeschakeld");
      await withApp(target.spec, async (app, db) => {
        const me = await app.inject({ url: "/api/me", headers: { cookie } });
        expect(me.statusCode).toBe(401);
        const login = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { email: "zorg@linde.example", password: PASSWORD },
        });
        expect(login.statusCode).toBe(401);
        const audit = await listAudit(db.orm, { limit: 10 });
        expect(audit.filter((a) => a.action === "deactivate_user")).toEqual([
          expect.objectContaining({ userId: null, role: "cli", outcome: "allowed" }),
        ]);
      });
      const json = JSON.parse(
        (await aanwezig(target.spec, "--format", "json", "users", "list")).stdout,
      );
      expect(json.map((u: { disabled: boolean }) => u.disabled)).toEqual([false, true]);
      // a second disable changes nothing and says so
      const again = await aanwezig(
        target.spec,
        "users",
        "disable",
        "--email",
        "zorg@linde.example",
      );
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("al uitgeschakeld");
    });

    it("refuses an unknown e-mail address (1) and a missing --email (2)", async () => {
      const unknown = await aanwezig(
        target.spec,
        "users",
        "disable",
        "--email",
        "niemand@zandstad.example",
      );
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("geen account met het e-mailadres niemand@zandstad.example");
      expect((await aanwezig(target.spec, "users", "disable")).code).toBe(2);
    });
  });
});
