// interfaces.md "Canonical CSV files" → enrolments (natural key pupil_id, school_id, start_date).
import type { KindSpec } from "../kind-spec.ts";
import { messages } from "../messages.ts";
import { missingReferences, upsertFromStage } from "../stage-sql.ts";

export const enrolmentsKind: KindSpec = {
  kind: "enrolments",
  requiredColumns: ["pupil_id", "school_id", "start_date"],
  stageColumns: [
    { name: "pupil_id", type: "text" },
    { name: "school_id", type: "text" },
    { name: "start_date", type: "date" },
    { name: "end_date", type: "date" },
    { name: "grade", type: "text" },
  ],
  keyColumns: ["pupil_id", "school_id", "start_date"],
  async prepare() {
    return (row) => {
      const pupil = row.personId("pupil_id");
      const school = row.schoolId("school_id");
      const start = row.date("start_date");
      const end = row.optionalDate("end_date");
      const grade = row.optionalText("grade");
      row.endNotBeforeStart("end_date", end, start);
      return row.ok ? [pupil, school, start, end, grade] : undefined;
    };
  },
  checks: [
    (tx, stage) =>
      missingReferences(
        tx,
        stage,
        "pupil_id",
        "EXISTS (SELECT 1 FROM pupils p WHERE p.pupil_id = s.pupil_id)",
        messages.unknownPupil,
      ),
    (tx, stage) =>
      missingReferences(
        tx,
        stage,
        "school_id",
        "EXISTS (SELECT 1 FROM schools k WHERE k.school_id = s.school_id)",
        messages.unknownSchool,
      ),
  ],
  write: (tx, stage) =>
    upsertFromStage(tx, stage, {
      table: "enrolments",
      keys: ["pupil_id", "school_id", "start_date"],
      values: ["end_date", "grade"],
    }),
};
