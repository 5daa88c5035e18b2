// The long fuzz run (issue 13 item 3; docs/reliability.md): the suites of test/fuzz with N runs
// per property instead of the short default of `npm test`.
//   npm run fuzz -- --runs 500 [--seed S] [--only import|api]
// Database suites run on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set.
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    seed: { type: "string" },
    only: { type: "string" },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error("--runs must be a positive whole number");
  process.exit(2);
}
const files =
  values.only === "import"
    ? ["test/fuzz/import.fuzz.test.ts"]
    : values.only === "api"
      ? ["test/fuzz/api.fuzz.test.ts"]
      : ["test/fuzz"];
const started = Date.now();
const result = spawnSync("npx", ["vitest", "run", ...files], {
  stdio: "inherit",
  env: {
    ...process.env,
    FUZZ_RUNS: String(runs),
    ...(values.seed !== undefined && { FUZZ_SEED: values.seed }),
  },
});
console.log(
  `fuzz: ${runs} runs per property, ${((Date.now() - started) / 1000).toFixed(0)} s, exit ${result.status}`,
);
process.exit(result.status ?? 1);
