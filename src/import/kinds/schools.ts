// interfaces.md "Canonical CSV files" → schools (natural key school_id).
// holiday_region may be empty or absent (issue 14): a new school then takes the region's holiday
// region (region_settings, Beheer → Regio), an existing school keeps its own. A region not set
// up yet has none, so a new school without one is refused.
import type { TxClient } from "../../db/connect.ts";
import { HOLIDAY_REGIONS, SECTORS } from "../codes.ts";
import { ERROR_CAP } from "../errors.ts";
import type { CheckResult, KindSpec } from "../kind-spec.ts";
import { messages } from "../messages.ts";
import type { RowReader } from "../row-reader.ts";
import { toCheckResult, upsertFromStage } from "../stage-sql.ts";

const WEEKDAY_MINUTES = [
  "minutes_mon",
  "minutes_tue",
  "minutes_wed",
  "minutes_thu",
  "minutes_fri",
] as const;
const MINUTES_PER_DAY = 24 * 60;

export const schoolsKind: KindSpec = {
  kind: "schools",
  requiredColumns: [
    "school_id",
    "name",
    "sector",
    "municipality",
    "partnership",
    ...WEEKDAY_MINUTES,
  ],
  stageColumns: [
    { name: "school_id", type: "text" },
    { name: "name", type: "text" },
    { name: "sector", type: "text" },
    { name: "municipality", type: "text" },
    { name: "partnership", type: "text" },
    { name: "holiday_region", type: "text" },
    ...WEEKDAY_MINUTES.map((name) => ({ name, type: "integer" })),
  ],
  keyColumns: ["school_id"],
  async prepare() {
    return (row) => {
      const values = [
        row.schoolId("school_id"),
        row.text("name"),
        row.code("sector", SECTORS),
        row.text("municipality"),
        row.text("partnership"),
        holidayRegion(row),
        ...WEEKDAY_MINUTES.map((column) => row.count(column, MINUTES_PER_DAY)),
      ];
      return row.ok ? values : undefined;
    };
  },
  checks: [newSchoolsWithoutRegion],
  write: async (tx, stage) => {
    await tx.exec(
      `UPDATE ${stage} s SET holiday_region = COALESCE(
         (SELECT sc.holiday_region FROM schools sc WHERE sc.school_id = s.school_id),
         (SELECT r.holiday_region FROM region_settings r WHERE r.id = 1))
        WHERE s.holiday_region IS NULL`,
    );
    return upsertFromStage(tx, stage, {
      table: "schools",
      keys: ["school_id"],
      values: [
        "name",
        "sector",
        "municipality",
        "partnership",
        "holiday_region",
        ...WEEKDAY_MINUTES,
      ],
    });
  },
};

/** The school's own holiday region, or null (empty or no column): the default applies. */
function holidayRegion(row: RowReader): string | null {
  const value = row.optionalText("holiday_region");
  if (value === null) return null;
  if (!(HOLIDAY_REGIONS as readonly string[]).includes(value)) {
    row.fail("holiday_region", messages.notCode(value, HOLIDAY_REGIONS));
  }
  return value;
}

/** A new school without a holiday region while the region has none to give it. */
async function newSchoolsWithoutRegion(tx: TxClient, stage: string): Promise<CheckResult> {
  const rows = await tx.query<{ line: number; value: string; total: number }>(
    `SELECT s.line, s.school_id AS value, (count(*) OVER ())::int AS total
       FROM ${stage} s
      WHERE s.holiday_region IS NULL
        AND NOT EXISTS (SELECT 1 FROM schools sc WHERE sc.school_id = s.school_id)
        AND NOT EXISTS (SELECT 1 FROM region_settings r WHERE r.id = 1)
      ORDER BY s.line LIMIT ${ERROR_CAP}`,
  );
  return toCheckResult(rows, "holiday_region", messages.noHolidayRegion);
}
