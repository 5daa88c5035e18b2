// The annual leerplichttelling (art. 25 Leerplichtwet) and the municipal annual report figures
// (domain.md §7), from GET /api/monitor/leerplichttelling: a category per row, a column per
// residence municipality and one for the whole region; small counts suppressed by the server.
// What the register cannot produce (Halt referrals) is said, not shown as a zero.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { fetchTelling } from "../../api/monitor.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { type Cell, cellExport, cellOf, cellText } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { useEndpoint, useToday } from "./use-monitor.ts";

const l = t.monitorScreens.telling;
const REGION = "*";

export function categoryLabel(category: string): string {
  const known = l.categories[category];
  if (known) return known;
  const [prefix = "", code = ""] = category.split(":");
  if (prefix === "relatief_verzuim") return l.reportsOfType(l.reportTypes[code] ?? code);
  const kind = t.monitorScreens.measures.exemptionKinds[code] ?? code;
  if (prefix === "vrijstellingen") return l.exemptionsOfKind(kind);
  if (prefix === "vrijstellingen_nieuw") return l.newExemptionsOfKind(kind);
  if (prefix === "casussen_gesloten") {
    return l.closedWith((t.outcomes as Record<string, string>)[code] ?? code);
  }
  return category;
}

function schoolYearStart(date: string): number {
  const year = Number(date.slice(0, 4));
  return date.slice(5, 7) >= "08" ? year : year - 1;
}

interface TellingLine {
  category: string;
  cells: Record<string, Cell>;
}

export function LeerplichttellingPage() {
  const today = useToday();
  const current = schoolYearStart(today);
  const [year, setYear] = useState(current);
  const endpoint = useEndpoint(/^\/api\/monitor\/leerplichttelling$/);
  const telling = useQuery({
    queryKey: ["monitor-telling", year],
    queryFn: ({ signal }) => fetchTelling(year, signal),
    enabled: endpoint === "available",
  });
  const years = [0, 1, 2, 3, 4].map((n) => current - n);
  return (
    <>
      <PageHeading>{l.title}</PageHeading>
      <Paragraph>{l.intro}</Paragraph>
      <Paragraph>{t.monitorScreens.privacyNote}</Paragraph>
      <div className="aanwezig-monitor-filters">
        <SelectField
          id="telling-year"
          label={l.schoolYear}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
          options={years.map((y) => ({ value: String(y), label: l.schoolYearOption(y) }))}
        />
      </div>
      {endpoint === "missing" ? (
        <NotAvailable what={l.title} />
      ) : endpoint === "pending" || telling.isPending ? (
        <Loading />
      ) : telling.isError ? (
        <ProblemAlert error={telling.error} />
      ) : (
        <TellingTable
          schoolYear={telling.data.school_year}
          referenceDate={telling.data.reference_date}
          rows={telling.data.rows}
          notes={telling.data.notes}
        />
      )}
    </>
  );
}

function TellingTable({
  schoolYear,
  referenceDate,
  rows,
  notes,
}: {
  schoolYear: string;
  referenceDate: string;
  rows: readonly { municipality: string; category: string; count: number | null }[];
  notes: Record<string, string>;
}) {
  const municipalities = [...new Set(rows.map((r) => r.municipality))]
    .filter((m) => m !== REGION)
    .sort((a, b) => a.localeCompare(b, t.locale));
  const groups = [REGION, ...municipalities];
  const lines: TellingLine[] = [...new Set(rows.map((r) => r.category))].map((category) => ({
    category,
    cells: Object.fromEntries(
      groups.map((g) => [
        g,
        cellOf(rows.find((r) => r.category === category && r.municipality === g)?.count),
      ]),
    ),
  }));
  const columns: Column<TellingLine>[] = [
    {
      key: "category",
      header: l.category,
      value: (line) => categoryLabel(line.category),
      rowHeader: true,
    },
    ...groups.map(
      (g): Column<TellingLine> => ({
        key: g,
        header: g === REGION ? l.region : g === "" ? t.common.unknown : g,
        value: (line) => cellExport(cellOf(line.cells[g])),
        cell: (line) => cellText(cellOf(line.cells[g])),
      }),
    ),
  ];
  return (
    <>
      <Paragraph>{l.referenceDate(formatDate(referenceDate))}</Paragraph>
      <DataTable
        title={l.tableTitle(schoolYear)}
        columns={columns}
        rows={lines}
        rowKey={(line) => line.category}
        exportDate={referenceDate}
        testId="monitor-telling"
      />
      {Object.keys(notes).length > 0 && (
        <section aria-labelledby="telling-notes">
          <Heading level={2} id="telling-notes">
            {l.notesTitle}
          </Heading>
          <ul>
            {Object.entries(notes).map(([key, text]) => (
              <li key={key}>{l.notes[key] ?? text}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
