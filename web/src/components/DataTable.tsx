// A table of the work screens: a caption that names it, column headers that sort (aria-sort
// tells screen readers the order), an empty message, a scroll region for narrow screens that
// keyboard users can reach, and the table's rows as CSV or XLSX (domain.md §7). Long lists page
// (`pageSize`: a pager under the table, the export keeps every row) and a table can stack its
// cells as cards on a narrow screen (`stack`), so an action column never hides off-screen.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@utrecht/component-library-react";
import { type ReactNode, useEffect, useId, useMemo, useState } from "react";
import { t } from "../i18n/index.ts";
import {
  downloadCsv,
  downloadXlsx,
  type ExportTable,
  type ExportValue,
  exportFileName,
} from "./export/table-export.ts";

export interface Column<Row> {
  key: string;
  header: string;
  /** The plain value: what sorting compares and what the export writes. */
  value: (row: Row) => ExportValue;
  /** What the cell shows; the plain value when left out. */
  cell?: (row: Row) => ReactNode;
  sortable?: boolean;
  /** Row header cell (the column that names the row, e.g. the pupil). */
  rowHeader?: boolean;
  /** Left out of the export (e.g. a column of buttons). */
  noExport?: boolean;
}

export interface DataTableProps<Row> {
  title: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The date in the export's file name (the app's "today"). */
  exportDate: string;
  exportable?: boolean;
  emptyText?: string;
  /** Initial order: the rows as given (already ordered by urgency) until a header is used. */
  initialSort?: { key: string; direction: "ascending" | "descending" };
  /** Marks a row (e.g. overdue) with a class. */
  rowClassName?: (row: Row) => string | undefined;
  testId?: string;
  /** Rows per page; every row on one page when left out. */
  pageSize?: number;
  /** On a narrow screen, each row as a card with its cells stacked under their headers. */
  stack?: boolean;
  /** The caption for assistive technology only (a heading right above already says it). */
  captionHidden?: boolean;
}

/** The page buttons a pager shows: all of a few, else first, last and around the current one. */
export function pageWindow(current: number, pages: number): (number | "gap")[] {
  if (pages <= 7) return Array.from({ length: pages }, (_, i) => i);
  const shown = new Set([0, pages - 1, current - 1, current, current + 1]);
  const out: (number | "gap")[] = [];
  for (let i = 0; i < pages; i++) {
    if (shown.has(i)) out.push(i);
    else if (out.at(-1) !== "gap") out.push("gap");
  }
  return out;
}

type Direction = "ascending" | "descending";

function compareValues(a: ExportValue, b: ExportValue): number {
  if (a === b) return 0;
  if (a === null || a === undefined || a === "") return 1;
  if (b === null || b === undefined || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), t.locale, { numeric: true });
}

export function toExportTable<Row>(
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): ExportTable {
  const exported = columns.filter((c) => !c.noExport);
  return {
    headers: exported.map((c) => c.header),
    rows: rows.map((row) => exported.map((c) => c.value(row))),
  };
}

export function DataTable<Row>({
  title,
  columns,
  rows,
  rowKey,
  exportDate,
  exportable = true,
  emptyText,
  initialSort,
  rowClassName,
  testId,
  pageSize,
  stack = false,
  captionHidden = false,
}: DataTableProps<Row>) {
  const [sort, setSort] = useState<{ key: string; direction: Direction } | undefined>(initialSort);
  const [page, setPage] = useState(0);
  const captionId = useId();
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column) return rows;
    const factor = sort.direction === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => factor * compareValues(column.value(a), column.value(b)));
  }, [rows, columns, sort]);

  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page, pages - 1);
  // A filter or another order starts at the first page again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the rows or order change
  useEffect(() => setPage(0), [rows, sort]);
  const visible = pageSize
    ? sorted.slice(current * pageSize, current * pageSize + pageSize)
    : sorted;

  function toggle(key: string) {
    setSort((current) =>
      current?.key === key && current.direction === "ascending"
        ? { key, direction: "descending" }
        : { key, direction: "ascending" },
    );
  }

  const table = toExportTable(columns, sorted);
  const exportButtons = (
    <div className="aanwezig-table__export">
      <Button
        purpose="secondary"
        type="button"
        aria-describedby={captionId}
        onClick={() => downloadCsv(table, exportFileName(title, exportDate, "csv"))}
      >
        {t.table.exportCsv}
      </Button>
      <Button
        purpose="secondary"
        type="button"
        aria-describedby={captionId}
        onClick={() => void downloadXlsx(table, exportFileName(title, exportDate, "xlsx"))}
      >
        {t.table.exportXlsx}
      </Button>
    </div>
  );
  if (rows.length === 0) {
    return (
      <div className="aanwezig-table" data-testid={testId}>
        <Paragraph>{emptyText ?? t.table.empty}</Paragraph>
      </div>
    );
  }
  return (
    <div
      className={stack ? "aanwezig-table aanwezig-table--stack" : "aanwezig-table"}
      data-testid={testId}
    >
      {exportable && pageSize === undefined && exportButtons}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="aanwezig-table__scroll" tabIndex={0} aria-labelledby={captionId}>
        <Table>
          <TableCaption
            id={captionId}
            {...(captionHidden ? { className: "aanwezig-visually-hidden" } : {})}
          >
            {title} <span className="aanwezig-table__count">({t.table.rowCount(rows.length)})</span>
          </TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((column) => {
                const active = sort?.key === column.key;
                return (
                  <TableHeaderCell
                    key={column.key}
                    scope="col"
                    aria-sort={column.sortable ? (active ? sort.direction : "none") : undefined}
                  >
                    {column.sortable ? (
                      <button
                        type="button"
                        className="aanwezig-sort"
                        onClick={() => toggle(column.key)}
                      >
                        {column.header}
                        <span aria-hidden="true" className="aanwezig-sort__icon">
                          {active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody>
            {visible.map((row) => (
              <TableRow key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((column) => {
                  const content = column.cell ? column.cell(row) : display(column.value(row));
                  return column.rowHeader ? (
                    <TableHeaderCell key={column.key} scope="row" data-label={column.header}>
                      {content}
                    </TableHeaderCell>
                  ) : (
                    <TableCell key={column.key} data-label={column.header}>
                      {content}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
      {/* A paged table has one bar under it: where you are, the pages, and the export. */}
      {pageSize !== undefined && (pages > 1 || exportable) && (
        <div className="aanwezig-table__footer">
          {pages > 1 && (
            <Pager
              title={title}
              current={current}
              pages={pages}
              from={current * pageSize + 1}
              to={Math.min(sorted.length, (current + 1) * pageSize)}
              total={sorted.length}
              onPage={setPage}
            />
          )}
          {exportable && exportButtons}
        </div>
      )}
    </div>
  );
}

function Pager(props: {
  title: string;
  current: number;
  pages: number;
  from: number;
  to: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const p = t.work.pager;
  const { current, pages, onPage } = props;
  return (
    <nav className="aanwezig-pager" aria-label={p.label(props.title)}>
      <p className="aanwezig-pager__range" aria-live="polite">
        {p.range(props.from, props.to, props.total)}
      </p>
      <ul className="aanwezig-pager__list">
        <li>
          <Button
            type="button"
            purpose="secondary"
            disabled={current === 0}
            onClick={() => onPage(current - 1)}
          >
            {p.previous}
          </Button>
        </li>
        {pageWindow(current, pages).map((n, i) =>
          n === "gap" ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: a gap has no identity but its place
            <li key={`gap-${i}`} aria-hidden="true" className="aanwezig-pager__gap">
              …
            </li>
          ) : (
            <li key={n}>
              <Button
                type="button"
                purpose={n === current ? "primary" : "subtle"}
                aria-current={n === current ? "page" : undefined}
                aria-label={p.page(n + 1)}
                onClick={() => onPage(n)}
              >
                {n + 1}
              </Button>
            </li>
          ),
        )}
        <li>
          <Button
            type="button"
            purpose="secondary"
            disabled={current === pages - 1}
            onClick={() => onPage(current + 1)}
          >
            {p.next}
          </Button>
        </li>
      </ul>
    </nav>
  );
}

function display(value: ExportValue): ReactNode {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? t.common.yes : t.common.no;
  if (typeof value === "number") return value.toLocaleString(t.locale);
  return value;
}
