// The demo region's public surface for the CLI, tests and later demo parts.
export { DEFAULT_DEMO_PUPILS, DEFAULT_DEMO_SEED, DEMO_SCHOOL_YEAR_START } from "./config.ts";
export { type DemoOptions, generateDemoRegion } from "./generate.ts";
export type * from "./types.ts";
export { DEMO_TABLES_IN_CLEAR_ORDER, type DemoWriteResult, writeDemoRegion } from "./write-demo.ts";
