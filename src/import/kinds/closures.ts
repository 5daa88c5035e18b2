// interfaces.md "Canonical CSV files" → closures (natural key scope, start_date): days a school,
// a holiday region or all schools are closed.
import { isSchoolId } from "../../domain/input/identifiers.ts";
import { CLOSURE_WIDE_SCOPES } from "../codes.ts";
import type { KindSpec } from "../kind-spec.ts";
import { messages } from "../messages.ts";
import { missingReferences, upsertFromStage } from "../stage-sql.ts";

const wideScopes = CLOSURE_WIDE_SCOPES.map((s) => `'${s}'`).join(", ");

export const closuresKind: KindSpec = {
  kind: "closures",
  requiredColumns: ["scope", "start_date", "end_date", "name"],
  stageColumns: [
    { name: "scope", type: "text" },
    { name: "start_date", type: "date" },
    { name: "end_date", type: "date" },
    { name: "name", type: "text" },
  ],
  keyColumns: ["scope", "start_date"],
  async prepare() {
    return (row) => {
      const failures = row.failures;
      const scope = row.text("scope");
      const wide = (CLOSURE_WIDE_SCOPES as readonly string[]).includes(scope);
      if (row.failures === failures && !wide && !isSchoolId(scope)) {
        row.fail("scope", messages.notScope(scope, CLOSURE_WIDE_SCOPES));
      }
      const start = row.date("start_date");
      const end = row.date("end_date");
      const name = row.text("name");
      row.endNotBeforeStart("end_date", end, start);
      return row.ok ? [scope, start, end, name] : undefined;
    };
  },
  checks: [
    // A scope that is not a region or `all` names a school, which must be known.
    (tx, stage) =>
      missingReferences(
        tx,
        stage,
        "scope",
        "EXISTS (SELECT 1 FROM schools k WHERE k.school_id = s.scope)",
        messages.unknownSchool,
        `s.scope NOT IN (${wideScopes})`,
      ),
  ],
  write: (tx, stage) =>
    upsertFromStage(tx, stage, {
      table: "closures",
      keys: ["scope", "start_date"],
      values: ["end_date", "name"],
    }),
};
