// interfaces.md "Canonical CSV files" → schools (natural key school_id).
import { HOLIDAY_REGIONS, SECTORS } from "../codes.ts";
import type { KindSpec } from "../kind-spec.ts";
import { upsertFromStage } from "../stage-sql.ts";

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
    "holiday_region",
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
        row.code("holiday_region", HOLIDAY_REGIONS),
        ...WEEKDAY_MINUTES.map((column) => row.count(column, MINUTES_PER_DAY)),
      ];
      return row.ok ? values : undefined;
    };
  },
  checks: [],
  write: (tx, stage) =>
    upsertFromStage(tx, stage, {
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
    }),
};
