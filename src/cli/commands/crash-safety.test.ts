// Crash safety (issue 13 item 4): `aanwezig import` and `aanwezig daily` killed with SIGKILL at
// several moments, on an embedded PGlite directory and on PostgreSQL. Afterwards the database
// opens, nothing is half-written, and the next run completes: an import then stores the whole
// file, and a daily job rerun for the unfinished date ends in exactly the state of a run that
// was never interrupted — no signal, signal transition, DUO report, case step or deadline twice.
// (Killing a restore: src/backup/restore-crash.test.ts.) The killed runs and the reference runs
// that time the kills are child processes; the runs after them go through the CLI's entry
// function in this process (runCliInProcess).
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../../test/support/absent-days.ts";
import { seedCaseRegion, storedCase, userWith } from "../../../test/support/case-region.ts";
import { runCli, runCliInProcess, seededTargetPair } from "../../../test/support/cli-process.ts";
import { REGION } from "../../../test/support/import-files.ts";
import { type Database, openDatabase } from "../../db/connect.ts";

const BIN = new URL("../../../bin/aanwezig", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "aanwezig-crash-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI; resolves with its exit after `killAfterMs` (SIGKILL) or on its own. */
async function runKilled(
  spec: string,
  args: string[],
  killAfterMs: number,
): Promise<{ killed: boolean; code: number | null }> {
  const child: ChildProcess = spawn(BIN, ["--db", spec, ...args], {
    cwd: dir,
    stdio: ["ignore", "ignore", "ignore"],
  });
  const exit = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  const timer = setTimeout(() => child.kill("SIGKILL"), killAfterMs);
  const [code, signal] = await exit;
  clearTimeout(timer);
  return { killed: signal === "SIGKILL", code };
}

/**
 * Runs the CLI killed at shares of an uninterrupted run's duration (`referenceMs`, start-up
 * included), one run after the other on the same database, with `check(ms)` after each; answers
 * how many were killed. A run that finishes before its kill aims the next kills at shares of its
 * own (shorter) duration; and when none of the three kills landed (the machine got quicker than
 * during the timing run), up to two more follow at smaller shares, so that a kill lands.
 */
async function killedAtShares(
  spec: string,
  args: string[],
  referenceMs: number,
  check: (ms: number) => Promise<void>,
): Promise<number> {
  let quickestMs = referenceMs;
  let killedRuns = 0;
  for (const [i, share] of [0.5, 0.7, 0.85, 0.35, 0.2].entries()) {
    if (i >= 3 && killedRuns > 0) break;
    const ms = Math.round(quickestMs * share);
    const started = Date.now();
    const run = await runKilled(spec, args, ms);
    if (run.killed) killedRuns++;
    else {
      expect(run.code, `finished before its kill after ${ms} ms`).toBe(0);
      quickestMs = Math.min(quickestMs, Date.now() - started);
    }
    await check(ms);
  }
  return killedRuns;
}

async function withDb<T>(spec: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(spec);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

// ---- import --------------------------------------------------------------------------------

const PUPILS = 5_000;
const pupilsFile = join(dir, "pupils-big.csv");
writeFileSync(
  pupilsFile,
  [
    REGION.pupils.split("\n")[0],
    ...Array.from(
      { length: PUPILS },
      (_, i) => `Q${String(i).padStart(6, "0")};Kind;Grootbestand;2014-02-02;Utrecht;;;`,
    ),
    "",
  ].join("\n"),
);

async function seedImport(db: Database): Promise<void> {
  await db.sql.exec(`
    insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
      values ('P001', 'Anna', 'Jansen', '2015-04-01', 'Utrecht')`);
}

const pupilState = (db: Database) =>
  db.sql.query<{ n: number; md5: string }>(
    "select count(*)::int as n, md5(coalesce(string_agg(pupil_id || family_name, ',' order by pupil_id), '')) as md5 from pupils",
  );

describe("aanwezig import killed with SIGKILL", async () => {
  // Per engine: one database a reference import times the kills on, one the kills hit (the
  // PGlite directory seeded once and copied).
  const [reference, targets] = await seededTargetPair(
    mkdtempSync(join(dir, "import-")),
    seedImport,
  );
  afterAll(async () => {
    for (const t of [...reference, ...targets]) await t.dispose().catch(() => {});
  });

  describe.each(targets.map((t, i) => ({ name: t.name, target: t, reference: reference[i]! })))(
    "on $name",
    ({ target, reference: timing }) => {
      it("leaves the table as it was, the database opens, and the next import stores the whole file", async () => {
        // Kill at shares of an uninterrupted run's duration (start-up included), so the kills
        // land in start-up, reading and writing whatever the machine's speed: fixed moments
        // (1.5, 3 and 5 s) all came after the end of a 5,000-row import on an idle PostgreSQL.
        const started = Date.now();
        const whole = runCli(dir, timing.spec, ["import", "pupils", pupilsFile]);
        expect(whole.code, whole.stderr).toBe(0);
        const wholeMs = Date.now() - started;

        const before = await withDb(target.spec, pupilState);
        const killedRuns = await killedAtShares(
          target.spec,
          ["import", "pupils", pupilsFile],
          wholeMs,
          async (ms) => {
            // The database opens and holds either exactly what it held or the whole file:
            // nothing half-written. (A kill can land after the import sent its COMMIT: the
            // server then finishes it, so the whole file may be there, now or a moment later.)
            const [now] = await withDb(target.spec, pupilState);
            if (now!.n === before[0]!.n) expect([now], `killed after ${ms} ms`).toEqual(before);
            else expect(now!.n, `killed after ${ms} ms`).toBe(before[0]!.n + PUPILS);
          },
        );
        expect(killedRuns, "no run was killed before it finished").toBeGreaterThan(0);
        const again = await runCliInProcess(dir, target.spec, [
          "--format",
          "json",
          "import",
          "pupils",
          pupilsFile,
        ]);
        expect(again.stderr).toBe("");
        expect(again.code).toBe(0);
        // The next import completes: it stores the whole file, or finds it already stored whole.
        const summary = JSON.parse(again.stdout) as { inserted: number; unchanged: number };
        expect(summary.inserted + summary.unchanged).toBe(PUPILS);
        expect([0, PUPILS]).toContain(summary.inserted);
        const [after] = await withDb(target.spec, pupilState);
        expect(after!.n).toBe(before[0]!.n + PUPILS);
      }, 600_000);
    },
  );
});

// ---- daily ---------------------------------------------------------------------------------

const DAY = "2026-03-06";
const NEXT = "2026-03-09";
const ABSENT_PUPILS = 150;

/** The daily test's region, plus many pupils absent a whole week: LEGAL_16H and a DUO report each. */
async function seedDaily(db: Database): Promise<void> {
  await seedCaseRegion(db);
  await absentDays(db, "P000002", "99ZZ00", weekdays("2026-03-02", "2026-03-06"));
  await db.sql.exec(`
    insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
      select 'R' || lpad(i::text, 6, '0'), 'Kind', 'Verzuim', '2013-05-05', 'Voorbeeld'
        from generate_series(1, ${ABSENT_PUPILS}) i;
    insert into enrolments
      select 'R' || lpad(i::text, 6, '0'), '99ZZ00', '2022-08-22', null, '6'
        from generate_series(1, ${ABSENT_PUPILS}) i;
    insert into attendance (pupil_id, date, period, school_id, minutes, reason)
      select 'R' || lpad(i::text, 6, '0'), d::date, 'day', '99ZZ00', 300, 'unreported'
        from generate_series(1, ${ABSENT_PUPILS}) i,
             generate_series('2026-03-02'::date, '2026-03-06'::date, '1 day') d;
  `);
  const coordinator = await userWith(db, "zc@test.example", [
    { role: "care_coordinator", schoolId: "99ZZ00" },
  ]);
  await userWith(db, "cr@test.example", [{ role: "case_director", municipality: "Voorbeeld" }]);
  await storedCase(db, coordinator);
}

/** What the daily job writes, without ids and clock times (they differ between databases). */
async function dailyState(spec: string) {
  return withDb(spec, async (db) => {
    const rows = (sql: string) => db.sql.query(sql);
    const tables = await db.sql.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.sql.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts[name] = row!.n;
    }
    return {
      counts,
      signalStates: await rows(
        "select pupil_id, school_id, code, status, raised_on::text, last_held_on::text from signal_states order by 1, 2, 3",
      ),
      signalTransitions: await rows(
        `select s.pupil_id, s.school_id, s.code, t.from_status, t.to_status, t.on_date::text, t.reason
           from signal_transitions t join signal_states s on s.id = t.state_id
          order by 1, 2, 3, 6, 5`,
      ),
      duoReports: await rows(
        "select pupil_id, start_date::text, end_date::text, status from duo_reports order by 1, 2",
      ),
      caseTransitions: await rows(
        "select seq, command, from_phase, to_phase, at::text, reason from case_transitions order by seq",
      ),
      cases: await rows("select phase from cases order by 1"),
    };
  });
}

describe("aanwezig daily killed with SIGKILL", async () => {
  // Per engine: one database the job runs on without interruption, one it is killed on (the
  // PGlite directory seeded once and copied).
  const [clean, killed] = await seededTargetPair(mkdtempSync(join(dir, "daily-")), seedDaily);
  afterAll(async () => {
    for (const t of [...clean, ...killed]) await t.dispose().catch(() => {});
  });

  describe.each(clean.map((c, i) => ({ name: c.name, clean: c, killed: killed[i]! })))(
    "on $name",
    ({ clean: reference, killed: target }) => {
      it("resumes an unfinished date and ends exactly as an uninterrupted run: nothing raised twice", async () => {
        // A child process like the killed runs, so that the kill times below (shares of this run's
        // duration, start-up included) land across the job.
        const started = Date.now();
        const first = runCli(dir, reference.spec, ["daily", "--as-of", DAY]);
        expect(first.stderr).toBe("");
        expect(first.code).toBe(0);
        const cleanMs = Date.now() - started;
        const expected = await dailyState(reference.spec);
        expect(expected.duoReports.length).toBeGreaterThan(ABSENT_PUPILS);

        // Killed at moments across the job, one after the other on the same database: each
        // rerun starts on what the killed one left.
        const killedRuns = await killedAtShares(
          target.spec,
          ["daily", "--as-of", DAY],
          cleanMs,
          () => withDb(target.spec, async () => {}), // the database opens
        );
        expect(killedRuns, "no run was killed before it finished").toBeGreaterThan(0);
        const rerun = await runCliInProcess(dir, target.spec, ["daily", "--as-of", DAY]);
        expect(rerun.stderr).toBe("");
        expect(rerun.code).toBe(0);
        const actual = await dailyState(target.spec);
        // evaluation_runs logs every run that got as far as evaluating (killed ones too).
        const { evaluation_runs: _a, ...actualCounts } = actual.counts;
        const { evaluation_runs: _e, ...expectedCounts } = expected.counts;
        expect({ ...actual, counts: actualCounts }).toEqual({
          ...expected,
          counts: expectedCounts,
        });

        // The next date runs on both and they still agree.
        for (const spec of [reference.spec, target.spec]) {
          const next = await runCliInProcess(dir, spec, ["daily", "--as-of", NEXT]);
          expect(next.code, next.stderr).toBe(0);
        }
        const [a, b] = [await dailyState(reference.spec), await dailyState(target.spec)];
        const { evaluation_runs: _c, ...countsA } = a.counts;
        const { evaluation_runs: _d, ...countsB } = b.counts;
        expect({ ...b, counts: countsB }).toEqual({ ...a, counts: countsA });
      }, 900_000);
    },
  );
});
