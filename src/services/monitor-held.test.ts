// Issue 19, the incremental monitor: at a date a daily run evaluated, the monitor reads the
// stored signals (monitor-held.ts) and gives the same numbers as evaluating the whole region at
// that date — on the demo, at several dates, before and after corrections of the past, with the
// corrections still waiting for the next run and after it claimed them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { writeFullDemo } from "../demo/fill.ts";
import type { MonitorFact } from "../domain/monitor/aggregate.ts";
import { monitorRows, monitorSnapshot } from "./monitor.ts";
import { heldSignalsAt } from "./monitor-held.ts";
import { runDailyEvaluation } from "./signal-state.ts";

const RUN_DATES = [
  "2025-10-01",
  "2025-11-14",
  "2025-12-19",
  "2026-01-12",
  "2026-01-13",
  "2026-02-02",
  "2026-03-02",
];

const key = (f: MonitorFact) => `${f.measure}|${f.schoolId}|${f.personId}|${f.amount ?? ""}`;

describe.each(engines())("the incremental monitor on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;

  /** The stored path and the full evaluation agree on every fact and every row at `asOf`. */
  async function expectSameAsFull(asOf: string): Promise<number> {
    const held = await monitorSnapshot(db.sql, asOf);
    const live = await monitorSnapshot(db.sql, asOf, { live: true });
    expect(held.source).toBe("held");
    expect(live.source).toBe("live");
    expect(held.facts.map(key).sort()).toEqual(live.facts.map(key).sort());
    for (const by of ["school", "municipality", "partnership"] as const) {
      for (const suppress of [true, false]) {
        expect(monitorRows(held, by, suppress)).toEqual(monitorRows(live, by, suppress));
      }
    }
    return live.signals.length;
  }

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await writeFullDemo(db, { pupils: 400, seed: 19 });
    for (const asOf of RUN_DATES) await runDailyEvaluation(db, asOf, { mode: "incremental" });
  }, 300_000);
  afterAll(async () => {
    await dispose();
  });

  it("gives the full evaluation's numbers at every date a run evaluated", async () => {
    let signals = 0;
    for (const asOf of RUN_DATES) signals += await expectSameAsFull(asOf);
    expect(signals).toBeGreaterThan(50);
  }, 120_000);

  it("re-evaluates only the pupils whose past changed, before and after the next run", async () => {
    const [absent] = await db.sql.query<{ pupil_id: string; school_id: string }>(
      `select e.pupil_id, e.school_id from enrolments e
        where e.start_date <= '2025-09-01' and (e.end_date is null or e.end_date >= '2026-03-02')
          and not exists (select 1 from signal_held_spans h where h.pupil_id = e.pupil_id)
        order by e.pupil_id limit 1`,
    );
    expect(absent).toBeDefined();
    // A late file: four weeks of unauthorised absence before 12 January, and a removed row.
    await db.sql.query(
      `insert into attendance (pupil_id, school_id, date, period, minutes, reason)
       select $1, $2, d::date, 'day', 300, 'truant'
         from generate_series('2025-12-08'::date, '2026-01-09'::date, '1 day') d
        where extract(isodow from d) < 6
       on conflict do nothing`,
      [absent!.pupil_id, absent!.school_id],
    );
    await db.sql.query(
      `delete from attendance where (pupil_id, school_id, date) in (
         select pupil_id, school_id, date from attendance
          where date between '2025-11-01' and '2025-11-14' order by pupil_id, date limit 3)`,
    );
    // Only rows dated after the date: nothing at 1 October needs evaluating again.
    const october = await heldSignalsAt(db.sql, "2025-10-01");
    expect(october).toMatchObject({ served: true, reevaluated: 0 });
    const january = await heldSignalsAt(db.sql, "2026-01-12");
    expect(january.served && january.reevaluated).toBeGreaterThan(0);
    for (const asOf of RUN_DATES) await expectSameAsFull(asOf);
    const live = await monitorSnapshot(db.sql, "2026-01-12", { live: true });
    expect(live.signals.some((s) => s.pupilId === absent!.pupil_id)).toBe(true);

    // The next run claims the changes into the log: the past dates still see them.
    await runDailyEvaluation(db, "2026-03-03", { mode: "incremental" });
    for (const asOf of RUN_DATES) await expectSameAsFull(asOf);
  }, 180_000);

  it("evaluates the region when no run evaluated the date, or calendars changed since", async () => {
    expect(await heldSignalsAt(db.sql, "2026-01-14")).toMatchObject({ served: false });
    expect((await monitorSnapshot(db.sql, "2026-01-14")).source).toBe("live");
    await db.sql.query(
      `insert into closures (scope, start_date, end_date, name)
       select school_id, '2026-01-20', '2026-01-20', 'studiedag' from schools limit 1`,
    );
    expect(await heldSignalsAt(db.sql, "2026-01-12")).toEqual({
      served: false,
      reason: "calendars or whole tables changed since",
    });
  });
});
