// Issue 18: "aggregates of past quarters stay as they were". A demo region's clock is moved past
// every retention term; the retention run freezes the monitor's completed quarters before it
// removes anything, and the trend (GET /api/monitor/trend) then serves the past quarters with the
// same numbers as before — while every row of the erased pupils is gone from every table (their
// id appears in no column of any row) and from the monitor's cached snapshots. The live figures
// of the same quarter did change: without the freeze the past would have been rewritten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { addUser, type LoggedIn, login } from "../../test/support/test-app.ts";
import type { Database } from "../db/connect.ts";
import { DEMO_AS_OF_KEY, writeSetting } from "../db/repositories/settings.ts";
import { DEMO_CASES_AS_OF } from "../demo/cases.ts";
import { writeFullDemo } from "../demo/fill.ts";
import { buildApp } from "../http/app.ts";
import { runDailyJob } from "../jobs/daily.ts";
import { cachedMonitorRows, cachedSnapshot } from "./monitor-cache.ts";
import { frozenQuarterRows } from "./monitor-freeze.ts";
import { runRetention } from "./retention.ts";

const FAR = "2060-01-01";
const PAST = ["2025-Q3", "2025-Q4"];

type TrendRow = { quarter: string; group: string; measure: string; count: number | null };

/** Tables (with the number of rows) where any column of a row holds one of the ids. */
async function rowsHolding(db: Database, ids: string[]): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const pattern = `\\m(${ids.join("|")})\\M`;
  const found: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.sql.query<{ n: string }>(
      `select count(*) as n from "${name}" x where x::text ~ $1`,
      [pattern],
    );
    if (Number(row?.n) > 0) found[name] = Number(row?.n);
  }
  return found;
}

describe.each(engines())("frozen quarter figures on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let policy: LoggedIn;
  let erased: string[];
  let before: Record<string, TrendRow[]>;

  const trend = async (by: string): Promise<TrendRow[]> => {
    const response = await app.inject({
      method: "GET",
      url: `/api/monitor/trend?from=${PAST[0]}&to=${PAST.at(-1)}&by=${by}`,
      headers: { cookie: policy.cookie },
    });
    expect(response.statusCode).toBe(200);
    return (response.json() as TrendRow[]).map(({ quarter, group, measure, count }) => ({
      quarter,
      group,
      measure,
      count,
    }));
  };

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await writeFullDemo(db, { pupils: 60, seed: 11 });
    await runDailyJob(db, DEMO_CASES_AS_OF);
    // The pupils leave school before they age out; open cases keep theirs.
    await db.sql.query("update enrolments set end_date = '2040-07-31' where end_date is null");
    app = await buildApp({ db, now: () => new Date(`${DEMO_CASES_AS_OF}T10:00:00Z`), oidc: null });
    await addUser(db, "beheer@regio.example", [{ role: "app_admin" }]);
    policy = await login(app, "beheer@regio.example");
    before = {};
    for (const by of ["school", "municipality"]) before[by] = await trend(by);
    const open = await db.sql.query<{ pupil_id: string }>(
      "select distinct pupil_id from cases where phase <> 'CLOSED'",
    );
    const kept = new Set(open.map((r) => r.pupil_id));
    erased = (await db.sql.query<{ pupil_id: string }>("select pupil_id from pupils"))
      .map((r) => r.pupil_id)
      .filter((p) => !kept.has(p));
    // The cache holds the erased pupils before the run.
    const snapshot = await cachedSnapshot(db.sql, DEMO_CASES_AS_OF);
    expect(snapshot.facts.some((f) => erased.includes(f.personId))).toBe(true);
    // The clock moves past every term, and the nightly run applies them.
    await writeSetting(db.orm, DEMO_AS_OF_KEY, FAR);
    await runRetention(db, FAR, { startedBy: "job" });
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await dispose();
  });

  it("had figures for the past quarters, and erased pupils counted in them", () => {
    expect(before.school?.length).toBeGreaterThan(10);
    expect(erased.length).toBeGreaterThan(20);
  });

  it("serves the past quarters with exactly the numbers they had", async () => {
    for (const by of ["school", "municipality"]) expect(await trend(by)).toEqual(before[by]);
  });

  it("would have served other numbers from the data that is left: the freeze is what holds them", async () => {
    const live = await cachedMonitorRows(db.sql, {
      asOf: "2025-12-31",
      by: "school",
      suppress: true,
      periodFrom: "2025-10-01",
    });
    const frozen = await frozenQuarterRows(db.sql, "2025-Q4", "school");
    expect(frozen).not.toBeNull();
    expect(live.rows).not.toEqual(frozen);
  });

  it("leaves no row in any table that holds an erased pupil's id", async () => {
    expect(await rowsHolding(db, erased)).toEqual({});
  });

  it("leaves no erased pupil in the monitor's cached snapshots", async () => {
    for (const asOf of [DEMO_CASES_AS_OF, "2025-12-31"]) {
      const snapshot = await cachedSnapshot(db.sql, asOf);
      expect(snapshot.facts.filter((f) => erased.includes(f.personId))).toEqual([]);
      expect(snapshot.signals.filter((s) => erased.includes(s.pupilId))).toEqual([]);
    }
  });

  it("freezes a quarter once: a second run adds nothing", async () => {
    const [count] = await db.sql.query<{ n: string }>(
      "select count(*) as n from monitor_quarter_figures",
    );
    await runRetention(db, FAR, { startedBy: "job" });
    const [again] = await db.sql.query<{ n: string }>(
      "select count(*) as n from monitor_quarter_figures",
    );
    expect(again?.n).toBe(count?.n);
  });
});
