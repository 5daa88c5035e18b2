// Frozen quarter figures (issue 18, src/domain/monitor/frozen.ts): the retention procedure calls
// freezeCompletedQuarters before it removes anything, so the monitor's figures of every completed
// quarter are kept — counts per group and measure, never a pupil id — and the trend serves past
// quarters from them (src/http/routes/monitor.ts). A quarter is frozen once, whole, in one
// transaction; the nightly run freezes each quarter the day after it ends.
import type { Database, SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type MonitorGrouping, type MonitorRow, sortRows } from "../domain/monitor/aggregate.ts";
import { quartersToFreeze, servedCount } from "../domain/monitor/frozen.ts";
import { type Quarter, quarterRange } from "../domain/monitor/quarters.ts";
import { monitorRows, monitorSnapshot } from "./monitor.ts";

const GROUPINGS: readonly MonitorGrouping[] = ["school", "municipality", "partnership"];

/** The first and last day anything countable was recorded (attendance, cases, exemptions, reports). */
async function recordedRange(
  sql: SqlClient,
): Promise<{ from: IsoDate | null; to: IsoDate | null }> {
  const [row] = await sql.query<{ from: string | null; to: string | null }>(
    `select to_char(min(d), 'YYYY-MM-DD') as "from", to_char(max(d), 'YYYY-MM-DD') as "to" from (
       select min(date) as d from attendance union all select max(date) from attendance
       union all select min(opened_at) from cases union all select max(opened_at) from cases
       union all select max(closed_at) from cases
       union all select min(start_date) from exemptions union all select max(start_date) from exemptions
       union all select max(end_date) from exemptions
     ) dates`,
  );
  return { from: row?.from ?? null, to: row?.to ?? null };
}

export async function frozenQuarters(sql: SqlClient): Promise<Set<Quarter>> {
  const rows = await sql.query<{ quarter: string }>("select quarter from monitor_quarter_freezes");
  return new Set(rows.map((r) => r.quarter));
}

/** Freezes every completed quarter not yet frozen; returns the quarters it froze. */
export async function freezeCompletedQuarters(db: Database, asOf: IsoDate): Promise<Quarter[]> {
  const range = await recordedRange(db.sql);
  const todo = quartersToFreeze(range.from, range.to, asOf, await frozenQuarters(db.sql));
  for (const quarter of todo) {
    const { from, to } = quarterRange(quarter);
    // The trend's own reading of a completed quarter: states at its last day, flows within it.
    const snapshot = await monitorSnapshot(db.sql, to);
    await db.transaction(async (tx) => {
      const [taken] = await tx.query(
        `insert into monitor_quarter_freezes (quarter, as_of) values ($1, $2)
         on conflict (quarter) do nothing returning 1`,
        [quarter, to],
      );
      if (!taken) return; // frozen meanwhile by another run
      for (const by of GROUPINGS) {
        const raw = monitorRows(snapshot, by, false, from);
        const served = monitorRows(snapshot, by, true, from);
        for (let i = 0; i < raw.length; i += 500) {
          const chunk = raw.slice(i, i + 500);
          await tx.query(
            `insert into monitor_quarter_figures (quarter, grouping, "group", measure, count, suppressed)
             select $1, $2, g, m, c, s from unnest($3::text[], $4::text[], $5::int[], $6::boolean[]) as t(g, m, c, s)`,
            [
              quarter,
              by,
              chunk.map((r) => r.group),
              chunk.map((r) => r.measure),
              chunk.map((r) => r.count ?? 0),
              chunk.map((_, j) => served[i + j]?.count === null),
            ],
          );
        }
      }
    });
  }
  return todo;
}

/** The frozen rows of a quarter as the API serves them, or null when it was never frozen. */
export async function frozenQuarterRows(
  sql: SqlClient,
  quarter: Quarter,
  by: MonitorGrouping,
): Promise<MonitorRow[] | null> {
  const [freeze] = await sql.query("select 1 from monitor_quarter_freezes where quarter = $1", [
    quarter,
  ]);
  if (!freeze) return null;
  const rows = await sql.query<{
    group: string;
    measure: string;
    count: number;
    suppressed: boolean;
  }>(
    `select "group", measure, count, suppressed from monitor_quarter_figures
      where quarter = $1 and grouping = $2`,
    [quarter, by],
  );
  return sortRows(
    rows.map((r) => ({
      group: r.group,
      measure: r.measure,
      count: servedCount(Number(r.count), r.suppressed),
    })),
  );
}
