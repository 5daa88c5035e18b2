// globalSetup of the db project: the migrated template of every engine is made once here, before
// the test processes start, instead of by each of them at the same time.
import { prepareTemplates } from "./databases.ts";

export default async function setup(): Promise<void> {
  const startedAt = Date.now();
  await prepareTemplates();
  // In the run's log: this set-up runs before any test file of any project starts.
  console.log(`db globalSetup: templates in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
}
