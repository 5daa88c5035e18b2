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
// domain's today), stop gracefully on SIGTERM, and stay off with --no-jobs. And what a person
// sees after `npm start`: the address in one Dutch line and no line per request; production asks
// for JSON and gets every request as before.
//
// Every server these tests start is a child process (~2–3 s CPU each: Node, the modules, the
// database), so each one proves both: the daily test's two servers per engine (one with
// --no-jobs, one with the jobs) each run with one of the four forms of terminal output, answer
// the same four requests and are checked for that form's output. The four forms are spread over
// the two engines; without PostgreSQL the JSON forms run on a second PGlite directory.
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

/** Waits until the server answers /api/health; a server that exited fails at once, with its output. */
async function healthy(served: ServedProcess): Promise<void> {
  await until("health", () => {
    if (served.child.exitCode !== null) throw new Error(`serve exited:\n${served.output()}`);
    return fetch(`http://127.0.0.1:${served.port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
  });
}

/** The same four requests on every server, then SIGTERM: it exits 0. Answers its output. */
async function requestsAndStop(served: ServedProcess): Promise<string> {
  const url = `http://127.0.0.1:${served.port}`;
  await healthy(served);
  for (const path of ["/api/health", "/api/session", "/", "/api/does-not-exist"]) {
    await fetch(`${url}${path}`).then((r) => r.arrayBuffer());
  }
  served.child.kill("SIGTERM");
  expect(await served.exited, served.output()).toBe(0);
  return served.output();
}

const jsonLines = (text: string) => text.split("\n").filter((line) => line.startsWith("{"));

/** A form of terminal output: how the server is started, and what its output must show. */
interface Output {
  name: string;
  args: string[];
  env: Record<string, string>;
  check(output: string, served: ServedProcess): void;
}

/** For people: the address, and requests only at debug. */
const TEXT: Output = {
  name: "text",
  args: [],
  env: {},
  check(output, served) {
    expect(output).toContain(`Aanwezig draait op http://127.0.0.1:${served.port}`);
    expect(output).toContain("stoppen met Ctrl+C");
    expect(jsonLines(output)).toEqual([]);
    expect(output).not.toContain("request completed");
  },
};
const DEBUG: Output = {
  name: "text at --log-level=debug",
  args: ["--log-level=debug"],
  env: {},
  check(output) {
    expect(output).toMatch(/debug: incoming request GET \/api\/health/);
    expect(jsonLines(output)).toEqual([]);
  },
};
/** JSON lines with every request, by flag or by environment. */
function json(name: string, args: string[], env: Record<string, string>): Output {
  return {
    name,
    args,
    env,
    check(output) {
      const entries = jsonLines(output).map(
        (line) => JSON.parse(line) as { msg?: string; req?: { url?: string } },
      );
      expect(
        entries.some((e) => e.msg === "incoming request" && e.req?.url === "/api/session"),
      ).toBe(true);
      expect(entries.filter((e) => e.msg === "request completed").length).toBeGreaterThanOrEqual(4);
      expect(entries.some((e) => e.msg?.startsWith("Server listening at http://127.0.0.1:"))).toBe(
        true,
      );
    },
  };
}
const JSON_FLAG = json("--log-format json", ["--log-format", "json"], {});
const JSON_ENV = json("AANWEZIG_LOG_FORMAT=json", [], { AANWEZIG_LOG_FORMAT: "json" });

describe("aanwezig serve runs the daily job and talks to the terminal", async () => {
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-serve-"));
  type Target = { name: string; spec: string; outputs: [Output, Output]; dispose(): Promise<void> };
  const targets: Target[] = [
    {
      name: "pglite directory",
      spec: join(dir, "db"),
      outputs: [TEXT, DEBUG],
      dispose: async () => {},
    },
  ];
  for (const engine of engines().filter((e) => e.name === "postgres")) {
    const fresh = await engine.fresh();
    await fresh.db.close(); // the server process opens its own connection
    const outputs: [Output, Output] = [JSON_FLAG, JSON_ENV];
    targets.push({ name: "postgres", spec: fresh.spec, outputs, dispose: fresh.dispose });
  }
  if (targets.length === 1) {
    const spec = join(dir, "db-json");
    const outputs: [Output, Output] = [JSON_FLAG, JSON_ENV];
    targets.push({ name: "a second pglite directory", spec, outputs, dispose: async () => {} });
  }
  afterAll(async () => {
    for (const t of targets) await t.dispose().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  });

  describe.each(targets)("on $name", (target) => {
    const [quietOutput, busyOutput] = target.outputs;
    it(`starts no jobs with --no-jobs (${quietOutput.name}), runs today's job at start otherwise (${busyOutput.name}), stops on SIGTERM`, async () => {
      await seedDatabase(target.spec);
      const quiet = await serve(target.spec, ["--no-jobs", ...quietOutput.args], quietOutput.env);
      quietOutput.check(await requestsAndStop(quiet), quiet);
      expect(await inspect(target.spec)).toEqual({ runs: 0, reports: 0, boss: false });

      const busy = await serve(target.spec, busyOutput.args, busyOutput.env);
      const done = `jobs: daily-evaluation 2026-03-05 done`;
      await until("the catch-up job", () => {
        if (busy.child.exitCode !== null) throw new Error(`serve exited:\n${busy.output()}`);
        return busy.output().includes(done);
      });
      busyOutput.check(await requestsAndStop(busy), busy);
      expect(await inspect(target.spec)).toEqual({ runs: 1, reports: 1, boss: true });
    }, 300_000);
  });
});
