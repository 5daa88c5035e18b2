// The whole demo in one call, shared by `aanwezig demo` and `aanwezig serve --demo-if-empty`
// (what `npm start` runs): the region, then the parts built on it (accounts, cases).
import type { Database } from "../db/connect.ts";
import { DEFAULT_DEMO_PUPILS, DEFAULT_DEMO_SEED } from "./config.ts";
import { generateDemoRegion } from "./generate.ts";
import type { DemoRegion } from "./types.ts";
import { type DemoWriteResult, writeDemoRegion } from "./write-demo.ts";

export interface FullDemoOptions {
  pupils?: number;
  seed?: number;
}

export interface FullDemoResult {
  region: DemoRegion;
  write: DemoWriteResult;
  durationMs: { generate: number; write: number; total: number };
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
  const finished = performance.now();
  return {
    region,
    write,
    durationMs: {
      generate: Math.round(generated - started),
      write: Math.round(finished - generated),
      total: Math.round(finished - started),
    },
  };
}

/** True when the database holds no region yet (no school, pupil or register row). */
export async function regionIsEmpty(db: Database): Promise<boolean> {
  const [row] = await db.sql.query<{ present: boolean }>(
    "select exists (select 1 from schools) or exists (select 1 from pupils) or exists (select 1 from population) as present",
  );
  return row?.present !== true;
}
