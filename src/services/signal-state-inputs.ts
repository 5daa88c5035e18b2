// Inputs the daily run adds to signal-inputs.ts: the population rules' input for a subset of
// persons. (The SICK_NOTABLE observations are a unit's input in signal-inputs.ts itself.)
import type { SqlClient } from "../db/connect.ts";
import { loadPopulationInput } from "../db/queries/signal-inputs.ts";
import type { PopulationInput } from "../domain/signals/types.ts";

/** The population input for the given persons, or for everyone. */
export function loadPopulationFor(
  sql: SqlClient,
  persons: ReadonlySet<string> | "all",
): Promise<PopulationInput> {
  return loadPopulationInput(sql, persons === "all" ? undefined : [...persons]);
}
