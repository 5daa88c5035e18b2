// Leerplicht's open procedures (MAS) on the attendance officer's worklist (issue 15 item 3):
// per pupil the last step, the next step and the day it is due, late ones first — the server's
// reading (GET /api/mas-procedures, src/domain/leerplicht/mas-procedure.ts).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "../../api/client.ts";
import type { Schemas } from "../../api/schema.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { DataTable } from "../../components/DataTable.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { isFiltered, type WorklistFilter } from "../worklists/worklist-filters.ts";

type MasProcedure = Schemas["MasProcedure"];
const w = t.leerplicht.masWorklist;
const kinds = t.leerplicht.mas.kinds;

/** The worklist's filter bar: "only late" keeps the late steps; new signals or a kind, none. */
function filterProcedures(rows: readonly MasProcedure[], f: WorklistFilter): MasProcedure[] {
  if (f.show === "new" || f.kind !== "") return [];
  return rows.filter((r) => f.show !== "overdue" || r.overdue);
}

export function MasWorklist({
  today,
  pageSize,
  filter,
}: {
  today: string;
  pageSize: number;
  filter: WorklistFilter;
}) {
  const list = useQuery({
    queryKey: ["mas-procedures"],
    queryFn: ({ signal }) =>
      apiRequest<{ procedures: MasProcedure[] }>("GET", "/api/mas-procedures", { signal }),
  });
  const all = list.data?.procedures ?? [];
  const rows = filterProcedures(all, filter);
  const late = rows.filter((r) => r.overdue).length;
  const heading =
    isFiltered(filter) && rows.length !== all.length
      ? t.work.headingFiltered(w.title, rows.length, all.length, late)
      : t.work.heading(w.title, rows.length, late);
  return (
    <section aria-labelledby="worklist-mas">
      <Heading level={2} id="worklist-mas">
        {list.data ? heading : w.title}
      </Heading>
      <Paragraph>{w.intro}</Paragraph>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <DataTable
          title={w.title}
          captionHidden
          testId="worklist-mas"
          exportDate={today}
          pageSize={pageSize}
          emptyText={w.empty}
          rows={rows}
          rowKey={(r) => r.pupil_id}
          columns={[
            {
              key: "pupil",
              header: w.columns.pupil,
              rowHeader: true,
              value: (r) => r.pupil_name,
              cell: (r) => (
                <AppLink to={`/leerlingen/${encodeURIComponent(r.pupil_id)}`}>
                  {r.pupil_name}
                </AppLink>
              ),
            },
            {
              key: "last",
              header: w.columns.lastStep,
              value: (r) => `${kinds[r.last_step]} (${formatDate(r.last_step_on)})`,
            },
            { key: "next", header: w.columns.nextStep, value: (r) => kinds[r.next_step] },
            {
              key: "due",
              header: w.columns.dueOn,
              value: (r) => (r.overdue ? w.late(formatDate(r.due_on)) : formatDate(r.due_on)),
            },
          ]}
        />
      )}
    </section>
  );
}
