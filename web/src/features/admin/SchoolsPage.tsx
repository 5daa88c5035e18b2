// Schools and calendars: every school with its scheduled minutes per weekday (domain.md §3),
// and for a chosen school the closures that apply to it (its own, its holiday region's, all).
// Both change through the imports (schools, closures).
import { Heading } from "@nl-design-system-candidate/heading-react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type AdminSchool, fetchAdminSchools } from "../../api/admin.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const DAYS = ["mon", "tue", "wed", "thu", "fri"] as const;

export function SchoolsPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const schools = useQuery({
    queryKey: ["admin", "schools"],
    queryFn: ({ signal }) => fetchAdminSchools(signal),
  });
  const [chosen, setChosen] = useState("");
  const s = t.adminScreens;
  if (schools.isPending) return <Loading />;
  if (schools.isError) return <ProblemAlert error={schools.error} />;
  const school = schools.data.find((x) => x.school_id === chosen) ?? schools.data[0];
  return (
    <>
      <DataTable<AdminSchool>
        title={s.schoolsTable}
        exportDate={today}
        rows={schools.data}
        rowKey={(x) => x.school_id}
        emptyText={s.noSchools}
        columns={[
          { key: "id", header: s.schoolId, value: (x) => x.school_id, sortable: true },
          {
            key: "name",
            header: s.schoolName,
            value: (x) => x.name,
            sortable: true,
            rowHeader: true,
          },
          { key: "sector", header: s.sector, value: (x) => x.sector.toUpperCase(), sortable: true },
          {
            key: "municipality",
            header: s.municipality,
            value: (x) => x.municipality,
            sortable: true,
          },
          {
            key: "partnership",
            header: s.partnership,
            value: (x) => x.partnership,
            sortable: true,
          },
          {
            key: "region",
            header: s.holidayRegion,
            value: (x) => x.holiday_region,
            sortable: true,
          },
          ...DAYS.map((d) => ({
            key: d,
            header: s.minutesOn[d],
            value: (x: AdminSchool) => x.minutes[d],
          })),
          { key: "closures", header: s.closureCount, value: (x) => x.closures.length },
        ]}
      />
      {school && (
        <section aria-labelledby="school-closures">
          <Heading level={2} id="school-closures">
            {s.closuresHeading}
          </Heading>
          <SelectField
            id="closures-school"
            label={s.chooseSchoolForClosures}
            value={school.school_id}
            options={schools.data.map((x) => ({
              value: x.school_id,
              label: `${x.name} (${x.school_id})`,
            }))}
            onChange={setChosen}
          />
          <DataTable
            title={s.closuresTable(school.name)}
            exportDate={today}
            rows={school.closures}
            rowKey={(c) => `${c.scope}-${c.start_date}`}
            emptyText={s.noClosures}
            columns={[
              { key: "name", header: s.closureName, value: (c) => c.name, rowHeader: true },
              {
                key: "start",
                header: s.closureStart,
                value: (c) => c.start_date,
                cell: (c) => formatDate(c.start_date),
                sortable: true,
              },
              {
                key: "end",
                header: s.closureEnd,
                value: (c) => c.end_date,
                cell: (c) => formatDate(c.end_date),
              },
              {
                key: "scope",
                header: s.closureScope,
                value: (c) => s.scopeOfClosure(c.scope, school.school_id),
              },
            ]}
          />
        </section>
      )}
    </>
  );
}
