// The whole demo in one call, shared by `aanwezig demo` and `aanwezig serve --demo-if-empty`
// (what `npm start` runs): the region, then the parts built on it (accounts, cases), and last
// the database's domain date frozen at the demo's date (the server's "today").

import type { Database } from "../db/connect.ts";
import { DEMO_AS_OF_KEY, writeSetting } from "../db/repositories/settings.ts";
import type { CasePhase } from "../domain/cases/model.ts";
import { saveRegionSettings } from "../services/region-settings.ts";
import { runRetention } from "../services/retention.ts";
import { DEMO_CASES_AS_OF, writeDemoCases } from "./cases.ts";
import { DEFAULT_DEMO_PUPILS, DEFAULT_DEMO_SEED } from "./config.ts";
import { generateDemoRegion } from "./generate.ts";
import { writeDemoHandovers } from "./handover.ts";
import { writeDemoLeaveRequests } from "./leave.ts";
import type { DemoRegion } from "./types.ts";
import { type DemoWriteResult, writeDemoRegion } from "./write-demo.ts";
import { writeDemoYouthDoctorReferrals } from "./youth-doctor.ts";

export interface FullDemoOptions {
  pupils?: number;
  seed?: number;
}

export interface FullDemoResult {
  region: DemoRegion;
  write: DemoWriteResult;
  /** The demo's frozen date: "today" for a server on this database. */
  asOf: string;
  accounts: number;
  cases: { total: number; byPhase: Partial<Record<CasePhase, number>> };
  durationMs: { generate: number; write: number; cases: number; total: number };
}

export async function writeFullDemo(
  db: Database,
  options: FullDemoOptions = {},
): Promise<FullDemoResult> {
  const started = performance.now();
  const region = generateDemoRegion({
    pupils: options.pupils ?? DEFAULT_DEMO_PUPILS,
    seed: options.seed ?? DEFAULT_DEMO_SEED,
  });
  const generated = performance.now();
  const write = await writeDemoRegion(db, region);
  await writeDemoRegionSettings(db, region);
  // The planner's statistics for the rows just written. PGlite has no autovacuum, so without
  // this its planner takes the new tables for empty: the monitor's attendance read per school
  // became a nested loop over the school's pupils (1,500 pupils: ~640 ms of CPU per snapshot,
  // 190 ms after ANALYZE). PostgreSQL's autovacuum would get there, later. Plans only, not results.
  await db.sql.exec("ANALYZE");
  const written = performance.now();
  const demoCases = await writeDemoCases(db, region, DEMO_CASES_AS_OF);
  await writeDemoLeaveRequests(
    db,
    region,
    demoCases.accounts,
    demoCases.parentPupilId,
    DEMO_CASES_AS_OF,
  );
  await writeDemoYouthDoctorReferrals(db, region, demoCases.accounts, DEMO_CASES_AS_OF, [
    demoCases.parentPupilId,
  ]);
  await writeDemoHandovers(db, region, demoCases.accounts, DEMO_CASES_AS_OF, [
    demoCases.parentPupilId,
  ]);
  await writeSetting(db.orm, DEMO_AS_OF_KEY, DEMO_CASES_AS_OF);
  // The privacy officer's start page lists the retention procedure's runs: one dry run at the
  // demo's date, as `aanwezig retention --dry-run` records it (nothing is past its term yet).
  await runRetention(db, DEMO_CASES_AS_OF, { dryRun: true, startedBy: "cli" });
  const finished = performance.now();
  return {
    region,
    write,
    asOf: DEMO_CASES_AS_OF,
    accounts: Object.keys(demoCases.accounts).length,
    cases: {
      total: Object.values(demoCases.phases).reduce((sum, n) => sum + (n ?? 0), 0),
      byPhase: demoCases.phases,
    },
    durationMs: {
      generate: Math.round(generated - started),
      write: Math.round(written - generated),
      cases: Math.round(finished - written),
      total: Math.round(finished - started),
    },
  };
}

/**
 * The demo region's settings, saved the way an administrator saves them (the same validation and
 * audit as PUT /api/admin/region-settings): before the cases, which take its clock mode.
 */
async function writeDemoRegionSettings(db: Database, region: DemoRegion): Promise<void> {
  const first = Number(region.schoolYear.start.slice(0, 4));
  const saved = await saveRegionSettings(
    db,
    {
      name: "Regio Rivierland (demo)",
      municipalities: region.municipalities.map((m) => m.name),
      // Most of the demo's municipalities (and its first school) lie in holiday region midden.
      holiday_region: "midden",
      school_year: `${first}-${first + 1}`,
      clock_mode: "lesweken",
      signal_profile: "default",
    },
    { userId: null, role: "demo", context: { route: "demo", method: "DEMO" } },
    DEMO_CASES_AS_OF,
  );
  if (!saved.ok) throw new Error(`demo region settings: ${JSON.stringify(saved.errors)}`);
}

/** True when the database holds no region yet (no school, pupil or register row). */
export async function regionIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.sql.query<{ present: boolean }>(
    "select exists (select 1 from schools) or exists (select 1 from pupils) or exists (select 1 from population) as present",
  );
  return row?.present !== true;
}
