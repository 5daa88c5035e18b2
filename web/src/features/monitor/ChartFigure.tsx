// A chart with its table alternative (WCAG 1.1.1): the chart is one image to assistive
// technology, named by a sentence that points to the table; the table holds every number, is
// one button press away, and exports as CSV or XLSX. Printed, both are on paper.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { lazy, type ReactNode, Suspense, useId, useState } from "react";
import { type Column, DataTable, toExportTable } from "../../components/DataTable.tsx";
import { downloadCsv, downloadXlsx, exportFileName } from "../../components/export/table-export.ts";
import { t } from "../../i18n/index.ts";
import type { ChartProps } from "./charts/types.ts";

const BarChartView = lazy(() =>
  import("./charts/index.ts").then((m) => ({ default: m.BarChartView })),
);
const LineChartView = lazy(() =>
  import("./charts/index.ts").then((m) => ({ default: m.LineChartView })),
);

export interface FigureTable<Row> {
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}

export interface ChartFigureProps<Row> {
  kind: "bar" | "line";
  /** `suppressedText` defaults to "< 5" (a count of children). */
  chart: Omit<ChartProps, "suppressedText"> & { suppressedText?: string };
  /** The sentence that stands for the chart (its accessible name). */
  description: string;
  table: FigureTable<Row>;
  exportDate: string;
  /** Controls that change what the chart shows (e.g. the measure). */
  controls?: ReactNode;
  testId?: string;
}

export function ChartFigure<Row>({
  kind,
  chart,
  description,
  table,
  exportDate,
  controls,
  testId,
}: ChartFigureProps<Row>) {
  const [view, setView] = useState<"chart" | "table">("chart");
  const tableId = useId();
  const chartId = useId();
  const title = table.title;
  const hasSuppressed = chart.categories.some((c) => Object.values(c.values).includes(null));
  const Chart = kind === "bar" ? BarChartView : LineChartView;
  const exported = () => toExportTable(table.columns, table.rows);
  const file = (extension: "csv" | "xlsx") => exportFileName(title, exportDate, extension);
  return (
    <div className="aanwezig-figure" data-testid={testId}>
      <div className="aanwezig-figure__toolbars">
        {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not form fields: a fieldset's legend and border do not belong here */}
        <div
          className="aanwezig-figure__toolbar"
          role="group"
          aria-label={t.monitorScreens.figure.viewLabel(title)}
        >
          <Button
            type="button"
            purpose="secondary"
            toggle
            pressed={view === "chart"}
            aria-controls={chartId}
            onClick={() => setView("chart")}
          >
            {t.monitorScreens.figure.showChart}
            {/* Nine figures on a page: each button named after its own chart (WCAG 2.4.6). */}
            <span className="aanwezig-visually-hidden">: {title}</span>
          </Button>
          <Button
            type="button"
            purpose="secondary"
            toggle
            pressed={view === "table"}
            aria-controls={tableId}
            onClick={() => setView("table")}
          >
            {t.monitorScreens.figure.showTable}
            <span className="aanwezig-visually-hidden">: {title}</span>
          </Button>
        </div>
        {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, not form fields: a fieldset's legend and border do not belong here */}
        <div
          className="aanwezig-figure__toolbar"
          role="group"
          aria-label={t.table.exportLabel(title)}
        >
          <Button
            type="button"
            purpose="secondary"
            onClick={() => downloadCsv(exported(), file("csv"))}
          >
            {t.table.exportCsv}
          </Button>
          <Button
            type="button"
            purpose="secondary"
            onClick={() => void downloadXlsx(exported(), file("xlsx"))}
          >
            {t.table.exportXlsx}
          </Button>
        </div>
      </div>
      <figure className="aanwezig-figure__chart" id={chartId} hidden={view !== "chart"}>
        {controls}
        <div className="aanwezig-chart" role="img" aria-label={description}>
          <Suspense fallback={<Paragraph>{t.monitorScreens.figure.chartLoading}</Paragraph>}>
            <Chart {...chart} suppressedText={chart.suppressedText ?? t.monitor.suppressed} />
          </Suspense>
        </div>
        <figcaption className="aanwezig-figure__caption">
          {hasSuppressed ? `${title}.` : title}
          {hasSuppressed
            ? ` ${kind === "bar" ? t.monitorScreens.figure.suppressedNote : t.monitorScreens.figure.suppressedLineNote}`
            : ""}
        </figcaption>
      </figure>
      <div className="aanwezig-figure__table" id={tableId} hidden={view !== "table"}>
        <DataTable
          title={table.title}
          columns={table.columns}
          rows={table.rows}
          rowKey={table.rowKey}
          exportDate={exportDate}
          exportable={false}
        />
      </div>
    </div>
  );
}
