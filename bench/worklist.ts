// The signals worklist of an attendance officer's reach (issue 13 item 5, docs/reliability.md):
//   npm run bench:worklist -- --db postgres://postgres@127.0.0.1:5432/aanwezig_soak
//     [--as-of 2026-03-02] [--email leerplicht@demo.aanwezig.nl]
// On a demo region with a daily run at --as-of (prepared as for the soak), the reach of the
// account's municipalities (its residents, pupils and persons) is evaluated both ways: every
// pupil of the reach (the old path) and only those with a signal per the stored run
// (src/services/worklist-signals.ts). Both must give the same signals. Reads only.
import { parseArgs } from "node:util";
import { openDatabase } from "../src/db/connect.ts";
import { evaluateSignalsAt, pupilsEvaluatedSoFar } from "../src/services/signals.ts";
import { pupilsWithSignalsAt, worklistSignalsAt } from "../src/services/worklist-signals.ts";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "postgres://postgres@127.0.0.1:5432/aanwezig_soak" },
    "as-of": { type: "string", default: "2026-03-02" },
    email: { type: "string", default: "leerplicht@demo.aanwezig.nl" },
  },
});
const asOf = args["as-of"];
const db = await openDatabase(args.db);
const reach = (
  await db.sql.query<{ id: string }>(
    `with m as (select r.municipality from role_assignments r join users u on u.id = r.user_id
                where u.email = $1 and r.municipality is not null)
     select pupil_id as id from pupils where municipality in (select municipality from m)
     union select person_id from population where municipality in (select municipality from m)
     order by 1`,
    [args.email],
  )
).map((r) => r.id);

async function timed<T>(
  work: () => Promise<T>,
): Promise<{ value: T; ms: number; cpuMs: number; units: number }> {
  const units = pupilsEvaluatedSoFar();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  return {
    value,
    ms: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    units: pupilsEvaluatedSoFar() - units,
  };
}

const held = await timed(() => pupilsWithSignalsAt(db.sql, asOf));
// Each path twice, alternating (the first run warms the database's and V8's caches); the second
// of each is reported.
let worklist = await timed(() => worklistSignalsAt(db.sql, { asOf, pupilIds: reach }));
let full = await timed(() => evaluateSignalsAt(db.sql, { asOf, pupilIds: reach }));
worklist = await timed(() => worklistSignalsAt(db.sql, { asOf, pupilIds: reach }));
full = await timed(() => evaluateSignalsAt(db.sql, { asOf, pupilIds: reach }));
const same = JSON.stringify(worklist.value) === JSON.stringify(full.value);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`reach: ${reach.length} pupils and persons of ${args.email}, as of ${asOf}`);
console.log(`| path | time | server CPU | units read | signals |\n| --- | --- | --- | --- | --- |`);
console.log(
  `| stored run: pupils with a signal (once per date, all reaches) | ${s(held.ms)} | ${s(held.cpuMs)} | ${held.units} | ${held.value?.size ?? "no usable run"} pupils |`,
);
console.log(
  `| worklist: only those of the reach | ${s(worklist.ms)} | ${s(worklist.cpuMs)} | ${worklist.units} | ${worklist.value.length} |`,
);
console.log(
  `| whole reach (before) | ${s(full.ms)} | ${s(full.cpuMs)} | ${full.units} | ${full.value.length} |`,
);
console.log(
  `same signals: ${same}; load average ${(await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
await db.close();
if (!same) process.exitCode = 1;
