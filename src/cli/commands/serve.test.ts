import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../../test/support/absent-days.ts";
import { seedCaseRegion } from "../../../test/support/case-region.ts";
import { engines, migratedPgliteDirectory } from "../../../test/support/databases.ts";
import { type ServedProcess, serveWithEnv, until } from "../../../test/support/serve-process.ts";
import { openDatabase } from "../../db/connect.ts";
import { migrateDatabase } from "../../db/migrate.ts";
import { DEMO_AS_OF_KEY, writeSetting } from "../../db/repositories/settings.ts";
import { createUser } from "../../db/repositories/users.ts";
import { BadInputError } from "../errors.ts";
import { refuseDemoAccounts } from "./serve.ts";

describe.each(engines())("serve's demo-account guard on $name", (engine) => {
  it("refuses demo accounts only on a PostgreSQL server and only without the flag", async () => {
    const { db, dispose } = await engine.fresh();
    try {
      await createUser(db.orm, { email: "beheer@gemeente.example", name: "Echt", roles: [] });
      await expect(refuseDemoAccounts(db, false)).resolves.toBeUndefined();
      await createUser(db.orm, { email: "beheer@demo.aanwezig.nl", name: "Demo", roles: [] });
      const refusal = refuseDemoAccounts(db, false);
      if (engine.name === "postgres") {
        await expect(refusal).rejects.toBeInstanceOf(BadInputError);
        await expect(refuseDemoAccounts(db, false)).rejects.toThrow(/--allow-demo-accounts/);
      } else {
        // The embedded database is the one `demo` makes locally: demo accounts belong there.
        await expect(refusal).resolves.toBeUndefined();
      }
      await expect(refuseDemoAccounts(db, true)).resolves.toBeUndefined();
    } finally {
      await dispose();
    }
  });
});

// `aanwezig serve` as a process: the scheduled jobs start after migrate (and catch up on the
// domain's today), stop gracefully on SIGTERM, and stay off with --no-jobs.
function serve(spec: string, args: string[] = [], env: Record<string, string> = {}) {
  return serveWithEnv(spec, args, {
    ...process.env,
    AANWEZIG_LOG_LEVEL: "",
    AANWEZIG_LOG_FORMAT: "",
    NODE_ENV: "test",
    ...env,
  });
}

async function seedDatabase(spec: string): Promise<void> {
  await migratedPgliteDirectory(spec);
  const db = await openDatabase(spec);
  try {
    await migrateDatabase(db);
    await seedCaseRegion(db);
    await absentDays(db, "P000002", "99ZZ00", weekdays("2026-03-02", "2026-03-05"));
    await writeSetting(db.orm, DEMO_AS_OF_KEY, "2026-03-05");
  } finally {
    await db.close();
  }
}

async function inspect(spec: string) {
  const db = await openDatabase(spec);
  try {
    const [row] = await db.sql.query<{ runs: string; reports: string; boss: boolean }>(
      `select (select count(*) from evaluation_runs) as runs,
              (select count(*) from duo_reports) as reports,
              exists (select 1 from information_schema.schemata where schema_name = 'pgboss') as boss`,
    );
    return { runs: Number(row!.runs), reports: Number(row!.reports), boss: row!.boss };
  } finally {
    await db.close();
  }
}

describe("aanwezig serve runs the daily job", async () => {
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-serve-"));
  const targets: { name: string; spec: string; dispose(): Promise<void> }[] = [
    { name: "pglite directory", spec: join(dir, "db"), dispose: async () => {} },
  ];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await fresh.db.close(); // the server process opens its own connection
    targets.push({ name: "postgres", spec: fresh.spec, dispose: fresh.dispose });
  }
  afterAll(async () => {
    for (const t of targets) await t.dispose().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(targets)("on $name", (target) => {
    it("starts no jobs with --no-jobs, runs today's job at start otherwise, stops on SIGTERM", async () => {
      await seedDatabase(target.spec);
      const quiet = await serve(target.spec, ["--no-jobs"]);
      const health = () =>
        fetch(`http://127.0.0.1:${quiet.port}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
      await until("health", health);
      quiet.child.kill("SIGTERM");
      expect(await quiet.exited, quiet.output()).toBe(0);
      expect(await inspect(target.spec)).toEqual({ runs: 0, reports: 0, boss: false });

      const busy = await serve(target.spec);
      const done = `jobs: daily-evaluation 2026-03-05 done`;
      await until("the catch-up job", () => busy.output().includes(done));
      busy.child.kill("SIGTERM");
      expect(await busy.exited, busy.output()).toBe(0);
      expect(await inspect(target.spec)).toEqual({ runs: 1, reports: 1, boss: true });
    }, 300_000);
  });
});

// What a person sees after `npm start`: the address in one Dutch line and no line per request;
// production asks for JSON and gets every request as before.
describe("aanwezig serve's terminal output", () => {
  // Each server gets its own PGlite directory laid from the migrated template (as `npm start`
  // uses ./data/db): a `memory://` server ran initdb and every migration first, which on a loaded
  // machine took most of the test's two minutes.
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-serve-output-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let count = 0;
  async function database(): Promise<string> {
    const spec = join(dir, `db-${count++}`);
    await migratedPgliteDirectory(spec);
    return spec;
  }

  async function requestsAndStop(served: ServedProcess): Promise<string> {
    const url = `http://127.0.0.1:${served.port}`;
    await until("health", () => {
      // A server that refused its arguments fails the test now, with what it said.
      if (served.child.exitCode !== null) throw new Error(`serve exited:\n${served.output()}`);
      return fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
    });
    for (const path of ["/api/health", "/api/session", "/", "/api/does-not-exist"]) {
      await fetch(`${url}${path}`).then((r) => r.arrayBuffer());
    }
    served.child.kill("SIGTERM");
    expect(await served.exited, served.output()).toBe(0);
    return served.output();
  }
  const jsonLines = (text: string) => text.split("\n").filter((line) => line.startsWith("{"));

  it("prints the address for people and logs requests only at debug", async () => {
    const served = await serve(await database(), ["--no-jobs"]);
    const output = await requestsAndStop(served);
    expect(output).toContain(`Aanwezig draait op http://127.0.0.1:${served.port}`);
    expect(output).toContain("stoppen met Ctrl+C");
    expect(jsonLines(output)).toEqual([]);
    expect(output).not.toContain("request completed");

    const debug = await requestsAndStop(
      await serve(await database(), ["--no-jobs", "--log-level=debug"]),
    );
    expect(debug).toMatch(/debug: incoming request GET \/api\/health/);
    expect(jsonLines(debug)).toEqual([]);
  }, 300_000);

  it("writes JSON lines with every request for --log-format json and AANWEZIG_LOG_FORMAT=json", async () => {
    for (const served of [
      await serve(await database(), ["--no-jobs", "--log-format", "json"]),
      await serve(await database(), ["--no-jobs"], { AANWEZIG_LOG_FORMAT: "json" }),
    ]) {
      const entries = jsonLines(await requestsAndStop(served)).map(
        (line) => JSON.parse(line) as { msg?: string; req?: { url?: string } },
      );
      expect(
        entries.some((e) => e.msg === "incoming request" && e.req?.url === "/api/session"),
      ).toBe(true);
      expect(entries.filter((e) => e.msg === "request completed").length).toBeGreaterThanOrEqual(4);
      expect(entries.some((e) => e.msg?.startsWith("Server listening at http://127.0.0.1:"))).toBe(
        true,
      );
    }
  }, 300_000);
});
