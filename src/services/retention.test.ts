// The retention procedure on both engines (domain.md §7, issue 18): a demo region moved decades
// on loses everything past its term — every table, every row that names an erased pupil — while
// what the law keeps stays (open cases and their pupils, the frictiebudget ledger, the trail's
// rows without the pupil's id); a dry run reports exactly what a run removes and removes nothing;
// a run stopped between batches is continued by the next; append-only tables still refuse every
// other path.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines, type FreshDatabase, identicalDatabases } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { DEMO_CASES_AS_OF } from "../demo/cases.ts";
import { writeFullDemo } from "../demo/fill.ts";
import { runDailyJob } from "../jobs/daily.ts";
import { cachedSnapshot } from "./monitor-cache.ts";
import { listRetentionRuns, type RetentionCount, runRetention } from "./retention.ts";

const FAR = "2060-01-01";

/** Every (table, rows) that names one of the pupils, over all tables with a pupil_id column. */
async function rowsNaming(db: Database, pupilIds: string[]): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `select c.relname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
       join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and a.attname = 'pupil_id' and not a.attisdropped`,
  );
  const found: Record<string, number> = {};
  if (tables.length === 0) return found;
  // One statement for all tables (a count per table), not a round trip per table.
  const rows = await db.sql.query<{ name: string; n: string }>(
    tables
      .map(
        ({ name }) =>
          `select '${name}'::text as name, count(*) as n from "${name}" where pupil_id = any($1::text[])`,
      )
      .join(" union all "),
    [pupilIds],
  );
  for (const { name, n } of rows) if (Number(n) > 0) found[name] = Number(n);
  return found;
}

async function tableCounts(db: Database): Promise<Record<string, number>> {
  const tables = await db.sql.query<{ name: string }>(
    `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r' and c.relname not like 'retention_%' order by 1`,
  );
  const counts: Record<string, number> = {};
  if (tables.length === 0) return counts;
  const rows = await db.sql.query<{ name: string; n: string }>(
    tables
      .map(({ name }) => `select '${name}'::text as name, count(*) as n from "${name}"`)
      .join(" union all "),
  );
  for (const { name } of tables) counts[name] = Number(rows.find((r) => r.name === name)?.n);
  return counts;
}

const total = (counts: RetentionCount[], table: string, operation = "deleted") =>
  counts
    .filter((c) => c.table === table && c.operation === operation)
    .reduce((sum, c) => sum + c.rows, 0);

describe.each(engines())("on $name", (engine) => {
  // The same demo for both suites: written once, then copied (each suite changes its own copy).
  let demos: FreshDatabase[];
  beforeAll(async () => {
    demos = await identicalDatabases(engine, 2, async (db) => {
      await writeFullDemo(db, { pupils: 60, seed: 11 });
    });
  });
  afterAll(async () => {
    for (const demo of demos) await demo.dispose();
  });

  describe("retention", () => {
    let db: Database;
    let erasable: string[];
    let kept: string[];
    beforeAll(async () => {
      db = demos[0]!.db;
      // The day's job prepares the DUO reports; then the pupils leave school before they age out.
      await runDailyJob(db, DEMO_CASES_AS_OF);
      await db.sql.query("update enrolments set end_date = '2040-07-31' where end_date is null");
      // A read of every pupil's data is in the trail, as the API would leave it.
      await db.sql.query(
        `insert into audit_log (action, resource_type, resource_id, pupil_id, context, outcome)
       select 'read_pupil', 'pupil', pupil_id, pupil_id, '{"route":"/api/pupils/:id","method":"GET"}', 'allowed'
         from pupils`,
      );
      const open = await db.sql.query<{ pupil_id: string }>(
        "select distinct pupil_id from cases where phase <> 'CLOSED' order by 1",
      );
      kept = open.map((r) => r.pupil_id);
      const all = await db.sql.query<{ pupil_id: string }>(
        "select pupil_id from pupils order by 1",
      );
      erasable = all.map((r) => r.pupil_id).filter((p) => !kept.includes(p));
    });

    it("keeps append-only tables append-only for every other path", async () => {
      await expect(db.sql.query("delete from consent_records")).rejects.toThrow(/append-only/);
      await expect(db.sql.query("update audit_log set pupil_id = null")).rejects.toThrow(
        /append-only/,
      );
    });

    it("the monitor's cached figures hold erased pupils before the run (checked after it)", async () => {
      const snapshot = await cachedSnapshot(db.sql, DEMO_CASES_AS_OF);
      expect(snapshot.facts.some((f) => erasable.includes(f.personId))).toBe(true);
    });

    it("a dry run lists what would go and removes nothing", async () => {
      expect(kept.length).toBeGreaterThan(0);
      const [reports] = await db.sql.query<{ n: string }>("select count(*) as n from duo_reports");
      expect(Number(reports?.n)).toBeGreaterThan(0);
      expect(erasable.length).toBeGreaterThan(20);
      const before = await tableCounts(db);
      const dry = await runRetention(db, FAR, { dryRun: true, batchSize: 7 });
      expect(await tableCounts(db)).toEqual(before);
      expect(total(dry.counts, "pupils")).toBe(erasable.length);
      expect(total(dry.counts, "attendance")).toBeGreaterThan(0);
      const [run] = await listRetentionRuns(db.sql, 1);
      expect(run).toMatchObject({ id: dry.runId, dryRun: true, status: "completed" });
      const [tombstones] = await db.sql.query<{ n: string }>(
        "select count(*) as n from retention_tombstones",
      );
      expect(Number(tombstones?.n)).toBe(0);
    });

    it("a run stopped between batches leaves whole batches, and the next run finishes the work", async () => {
      const dry = await runRetention(db, FAR, { dryRun: true, batchSize: 7 });
      const stop = new Error("killed after batch 3");
      await expect(
        runRetention(db, FAR, {
          batchSize: 7,
          afterBatch: (n) => {
            if (n === 3) throw stop;
          },
        }),
      ).rejects.toThrow(stop);
      const [failed] = await listRetentionRuns(db.sql, 1);
      expect(failed?.status).toBe("failed");
      const second = await runRetention(db, FAR, { batchSize: 7 });
      expect(second.batches).toBeGreaterThan(0);

      // Removed by both runs together = what the dry run promised, table by table.
      const removed = await db.sql.query<{ table_name: string; operation: string; rows: string }>(
        `select table_name, operation, sum(rows)::text as rows from retention_tombstones
        group by 1, 2 order by 1, 2`,
      );
      const promised = new Map<string, number>();
      for (const c of dry.counts) {
        const key = `${c.table}/${c.operation}`;
        promised.set(key, (promised.get(key) ?? 0) + c.rows);
      }
      expect(
        new Map(removed.map((r) => [`${r.table_name}/${r.operation}`, Number(r.rows)])),
      ).toEqual(promised);
    });

    it("leaves no row that names an erased pupil, in any table", async () => {
      expect(await rowsNaming(db, erasable)).toEqual({});
      const [register] = await db.sql.query<{ n: string }>(
        "select count(*) as n from population where person_id = any($1::text[])",
        [erasable],
      );
      expect(Number(register?.n)).toBe(0);
      const [audit] = await db.sql.query<{ n: string }>(
        "select count(*) as n from audit_log where pupil_id = any($1::text[]) or resource_id = any($1::text[])",
        [erasable],
      );
      expect(Number(audit?.n)).toBe(0);
      const [closed] = await db.sql.query<{ n: string }>(
        "select count(*) as n from cases where phase = 'CLOSED'",
      );
      expect(Number(closed?.n)).toBe(0);
      const [reports] = await db.sql.query<{ n: string }>("select count(*) as n from duo_reports");
      expect(Number(reports?.n)).toBe(0);
    });

    it("leaves no erased pupil in the monitor's cache: the snapshot is made again", async () => {
      const snapshot = await cachedSnapshot(db.sql, DEMO_CASES_AS_OF);
      expect(snapshot.facts.filter((f) => erasable.includes(f.personId))).toEqual([]);
      expect(snapshot.signals.filter((x) => erasable.includes(x.pupilId))).toEqual([]);
    });

    it("keeps what the law keeps: open cases with their pupils, the ledger without removed cases", async () => {
      const left = await rowsNaming(db, kept);
      expect(left.pupils).toBe(kept.length);
      expect(left.cases).toBe(kept.length);
      const [ledger] = await db.sql.query<{ n: string; orphans: string }>(
        `select count(*) as n, count(*) filter (where case_id is not null
          and not exists (select 1 from cases c where c.id = budget_ledger.case_id)) as orphans
         from budget_ledger`,
      );
      expect(Number(ledger?.orphans)).toBe(0);
      const tombstones = await db.sql.query<{ data_class: string; term: string }>(
        "select distinct data_class, term from retention_tombstones order by 1",
      );
      expect(tombstones.map((t) => t.data_class)).toEqual(
        expect.arrayContaining(["attendance_and_signals", "closed_case", "duo_report", "pupil"]),
      );
      for (const t of tombstones) expect(t.term).toMatch(/jaar/);
      // Tombstones are never changed, not even by retention.
      await expect(db.sql.query("delete from retention_tombstones")).rejects.toThrow(/append-only/);
    });

    it("removes nothing more on a second run for the same day", async () => {
      const before = await tableCounts(db);
      const again = await runRetention(db, FAR);
      expect(again.counts).toEqual([]);
      expect(await tableCounts(db)).toEqual(before);
    });
  });

  describe("retention terms at their boundary", () => {
    let db: Database;
    beforeAll(() => {
      db = demos[1]!.db;
    });

    it("removes a closed case 5 years after its closing day, not a day before", async () => {
      const [closed] = await db.sql.query<{ id: string; closed_at: string }>(
        "select id, to_char(closed_at, 'YYYY-MM-DD') as closed_at from cases where phase = 'CLOSED' order by closed_at, id limit 1",
      );
      if (!closed) throw new Error("the demo holds a closed case");
      const fiveYears = `${Number(closed.closed_at.slice(0, 4)) + 5}${closed.closed_at.slice(4)}`;
      const dayBefore = new Date(Date.parse(`${fiveYears}T00:00:00Z`) - 86_400_000)
        .toISOString()
        .slice(0, 10);
      const exists = async () =>
        (await db.sql.query("select 1 from cases where id = $1", [closed.id])).length === 1;
      await runRetention(db, dayBefore);
      expect(await exists()).toBe(true);
      await runRetention(db, fiveYears);
      expect(await exists()).toBe(false);
    });

    it("removes a notification a year after it was raised, with a tombstone", async () => {
      const [user] = await db.sql.query<{ id: string }>("select id from users limit 1");
      await db.sql.query(
        `insert into notifications (user_id, kind, dedupe_key, subject, body, link, created_at)
       values ($1, 'case_handed_over', 'retention-test', 'Casus ABCD1234 is aan u overgedragen',
               'Open de casus.', '/casussen/case-retention', '2060-03-02T10:00:00Z')`,
        [user?.id],
      );
      const exists = async () =>
        (await db.sql.query("select 1 from notifications where dedupe_key = 'retention-test'"))
          .length === 1;
      await runRetention(db, "2061-03-02");
      expect(await exists()).toBe(true);
      const run = await runRetention(db, "2061-03-03");
      expect(await exists()).toBe(false);
      expect(run.counts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ dataClass: "notification", table: "notifications" }),
        ]),
      );
      const [tombstone] = await db.sql.query<{ term: string }>(
        "select term from retention_tombstones where data_class = 'notification' and run_id = $1",
        [run.runId],
      );
      expect(tombstone?.term).toBe("1 jaar na de melding");
    });
  });
});
