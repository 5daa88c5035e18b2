// globalSetup of the db project: the migrated template of every engine is made once here, before
// the test processes start, instead of by each of them at the same time.
import { prepareTemplates } from "./databases.ts";

export default async function setup(): Promise<void> {
  await prepareTemplates();
}
