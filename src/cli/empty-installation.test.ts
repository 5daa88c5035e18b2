// The first start of a real installation (issue 14): `aanwezig serve` on an empty database
// without --demo-if-empty starts, explains in Dutch what to do next, and answers the login
// page's question (/api/auth/options). The notice itself on both engines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { seedCaseRegion } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import { serveProcess, until } from "../../test/support/serve-process.ts";
import { createUser } from "../db/repositories/users.ts";
import { emptyInstallationNotice } from "./empty-installation.ts";

describe.each(engines())("emptyInstallationNotice on $name", (engine) => {
  it("guides an empty database, then one with a region but no account, then is silent", async () => {
    const { db, dispose } = await engine.fresh();
    try {
      const empty = await emptyInstallationNotice(db);
      expect(empty).toContain("Deze installatie is leeg");
      expect(empty).toContain("aanwezig admin create --email E --name N --password-stdin");
      expect(empty).toContain("aanwezig import schools");
      expect(empty).toContain(
        engine.name === "pglite" ? "aanwezig serve --demo-if-empty" : "aanwezig demo",
      );
      await seedCaseRegion(db);
      const regionOnly = await emptyInstallationNotice(db);
      expect(regionOnly).toContain("nog geen accounts");
      expect(regionOnly).toContain("aanwezig admin create");
      expect(regionOnly).not.toContain("aanwezig import schools");
      await createUser(db.orm, {
        email: "beheer@zandstad.example",
        name: "Anna de Vries",
        roles: [{ role: "app_admin" }],
      });
      expect(await emptyInstallationNotice(db)).toBeNull();
    } finally {
      await dispose();
    }
  });
});

describe("aanwezig serve on an empty embedded database", () => {
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-empty-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("starts without the demo, says what to do next, and the login options answer", async () => {
    const served = await serveProcess(join(dir, "db"));
    try {
      const base = `http://127.0.0.1:${served.port}`;
      await until("health", () =>
        fetch(`${base}/api/health`).then(
          (r) => r.ok,
          () => false,
        ),
      );
      const output = served.output();
      expect(output).toContain("Deze installatie is leeg");
      expect(output).toContain("aanwezig admin create --email E --name N");
      expect(output).toContain("npm start (of aanwezig serve --demo-if-empty)");
      expect(output).not.toContain("demoregio");
      const options = await fetch(`${base}/api/auth/options`);
      expect(options.status).toBe(200);
      expect(await options.json()).toEqual({ oidc_login_url: null, demo_as_of: null });
      const me = await fetch(`${base}/api/me`);
      expect(me.status).toBe(401);
    } finally {
      served.child.kill("SIGTERM");
      expect(await served.exited, served.output()).toBe(0);
    }
  }, 300_000);
});
