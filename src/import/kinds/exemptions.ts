// interfaces.md "Canonical CSV files" → exemptions (natural key pupil_id, kind, start_date).
// The person may be a pupil or only known from the population register (one id space).
import { EXEMPTION_KINDS } from "../codes.ts";
import type { KindSpec } from "../kind-spec.ts";
import { messages } from "../messages.ts";
import { missingReferences, upsertFromStage } from "../stage-sql.ts";

export const exemptionsKind: KindSpec = {
  kind: "exemptions",
  requiredColumns: ["pupil_id", "kind", "start_date"],
  stageColumns: [
    { name: "pupil_id", type: "text" },
    { name: "kind", type: "text" },
    { name: "start_date", type: "date" },
    { name: "end_date", type: "date" },
    { name: "advice_partnership", type: "boolean" },
    { name: "advice_doctor", type: "boolean" },
  ],
  keyColumns: ["pupil_id", "kind", "start_date"],
  async prepare() {
    return (row) => {
      const pupil = row.personId("pupil_id");
      const kind = row.code("kind", EXEMPTION_KINDS);
      const start = row.date("start_date");
      const end = row.optionalDate("end_date");
      const advicePartnership = row.yesNo("advice_partnership");
      const adviceDoctor = row.yesNo("advice_doctor");
      row.endNotBeforeStart("end_date", end, start);
      return row.ok ? [pupil, kind, start, end, advicePartnership, adviceDoctor] : undefined;
    };
  },
  checks: [
    (tx, stage) =>
      missingReferences(
        tx,
        stage,
        "pupil_id",
        `EXISTS (SELECT 1 FROM pupils p WHERE p.pupil_id = s.pupil_id)
         OR EXISTS (SELECT 1 FROM population q WHERE q.person_id = s.pupil_id)`,
        messages.unknownPerson,
      ),
  ],
  write: (tx, stage) =>
    upsertFromStage(tx, stage, {
      table: "exemptions",
      keys: ["pupil_id", "kind", "start_date"],
      values: ["end_date", "advice_partnership", "advice_doctor"],
    }),
};
