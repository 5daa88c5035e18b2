// globalSetup of the db project: the migrated template of every engine is made once here, before
// the test processes start, instead of by each of them at the same time. Its teardown drops the
// PostgreSQL test databases of this run that a test file left behind (databases.ts
// registerTestDatabase): the test processes inherit the list's path in the environment.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropRegisteredDatabases, prepareTemplates } from "./databases.ts";

export default async function setup(): Promise<() => Promise<void>> {
  const startedAt = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "aanwezig-test-dbs-"));
  const registry = join(dir, "databases.txt");
  process.env.AANWEZIG_TEST_DB_REGISTRY = registry;
  await prepareTemplates();
  // In the run's log: this set-up runs before any test file of any project starts.
  console.log(`db globalSetup: templates in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    try {
      const dropped = url ? await dropRegisteredDatabases(url, registry) : 0;
      if (dropped > 0)
        console.log(`db globalTeardown: ${dropped} test databases left behind, dropped`);
    } catch (error) {
      // Cleaning up must not fail a run whose tests passed; say what was left.
      console.log(`db globalTeardown: test databases not dropped (${String(error)})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
