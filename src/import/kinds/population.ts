// interfaces.md "Canonical CSV files" → population (natural key person_id): an extract of the
// municipal population register, in the same pseudonymous id space as pupil_id.
import type { KindSpec } from "../kind-spec.ts";
import { upsertFromStage } from "../stage-sql.ts";

export const populationKind: KindSpec = {
  kind: "population",
  requiredColumns: [
    "person_id",
    "given_name",
    "family_name",
    "birth_date",
    "municipality",
    "registered_from",
  ],
  stageColumns: [
    { name: "person_id", type: "text" },
    { name: "given_name", type: "text" },
    { name: "family_name", type: "text" },
    { name: "birth_date", type: "date" },
    { name: "municipality", type: "text" },
    { name: "registered_from", type: "date" },
  ],
  keyColumns: ["person_id"],
  async prepare() {
    return (row) => {
      const values = [
        row.personId("person_id"),
        row.text("given_name"),
        row.text("family_name"),
        row.date("birth_date"),
        row.text("municipality"),
        row.date("registered_from"),
      ];
      return row.ok ? values : undefined;
    };
  },
  checks: [],
  write: (tx, stage) =>
    upsertFromStage(tx, stage, {
      table: "population",
      keys: ["person_id"],
      values: ["given_name", "family_name", "birth_date", "municipality", "registered_from"],
    }),
};
