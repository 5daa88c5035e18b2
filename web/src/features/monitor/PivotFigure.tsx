// Groups × measures as a bar chart with its table: with more than four measures the chart shows
// one measure at a time (chosen above it); the table always has them all.
import { useId, useState } from "react";
import type { Column } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { t } from "../../i18n/index.ts";
import { ChartFigure } from "./ChartFigure.tsx";
import {
  type Cell,
  cellExport,
  cellOf,
  measureLabel as defaultMeasureLabel,
  formatCell,
  groupLabel,
  isAmount,
  type PivotTable,
  suppressedText,
} from "./measures.ts";

const MAX_SERIES = 4;

interface PivotRow {
  group: string;
  cells: Cell[];
}

export function PivotFigure({
  table,
  chartTitle,
  tableTitle,
  exportDate,
  testId,
  groupHeader = t.monitorScreens.columns.group,
  measureLabel = defaultMeasureLabel,
  groupName = groupLabel,
}: {
  table: PivotTable;
  chartTitle: string;
  tableTitle: string;
  exportDate: string;
  testId?: string;
  groupHeader?: string;
  measureLabel?: (measure: string) => string;
  groupName?: (group: string) => string;
}) {
  const [chosen, setChosen] = useState(table.measures[0] ?? "");
  const selectId = useId();
  const many = table.measures.length > MAX_SERIES;
  const shown = many
    ? [table.measures.includes(chosen) ? chosen : (table.measures[0] ?? "")]
    : table.measures;
  const amount = table.measures.some(isAmount);
  const rows: PivotRow[] = table.groups.map((group, g) => ({ group, cells: table.cells[g] ?? [] }));
  const columns: Column<PivotRow>[] = [
    {
      key: "group",
      header: groupHeader,
      value: (r) => groupName(r.group),
      rowHeader: true,
      sortable: true,
    },
    ...table.measures.map(
      (measure, m): Column<PivotRow> => ({
        key: measure,
        header: measureLabel(measure),
        value: (r) => cellExport(cellOf(r.cells[m]), measure),
        cell: (r) => formatCell(cellOf(r.cells[m]), measure),
        sortable: true,
      }),
    ),
  ];
  return (
    <ChartFigure
      kind="bar"
      {...(testId ? { testId } : {})}
      description={t.monitorScreens.figure.chartDescription(
        many ? `${chartTitle}: ${measureLabel(shown[0] ?? "")}` : chartTitle,
        table.groups.length,
      )}
      chart={{
        categories: table.groups.map((group, g) => ({
          label: groupName(group),
          values: Object.fromEntries(
            table.measures.map((measure, m) => [measure, cellOf(table.cells[g]?.[m])]),
          ),
        })),
        series: shown.map((measure) => ({ key: measure, label: measureLabel(measure) })),
        format: (v) => formatCell(v, amount ? "budget" : ""),
        suppressedText: suppressedText(amount ? "budget" : ""),
      }}
      controls={
        many ? (
          <SelectField
            id={selectId}
            label={t.monitorScreens.figure.measureInChart}
            value={shown[0] ?? ""}
            onChange={setChosen}
            options={table.measures.map((m) => ({ value: m, label: measureLabel(m) }))}
          />
        ) : undefined
      }
      table={{ title: tableTitle, columns, rows, rowKey: (r) => r.group }}
      exportDate={exportDate}
    />
  );
}
