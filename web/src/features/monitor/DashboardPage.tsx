// The monitor at a date (domain.md §7, interfaces.md "Monitor rows"): every section of counts
// for the chosen grouping, each as a chart with its table and export. Aggregates only; the
// server suppresses 1–4 for policy roles and the screen shows those cells as "< 5".
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { fetchMonitor } from "../../api/monitor.ts";
import { formatDate } from "../../components/format.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";
import { MonitorFilters, useMonitorChoice } from "./MonitorFilters.tsx";
import { MonitorSection } from "./MonitorSection.tsx";
import { sectionsWithRows } from "./measures.ts";
import { NotAvailable } from "./NotAvailable.tsx";
import { useEndpoint, useToday } from "./use-monitor.ts";

export function DashboardPage() {
  const today = useToday();
  const [choice, setChoice] = useMonitorChoice(today);
  const endpoint = useEndpoint(/^\/api\/monitor$/);
  const monitor = useQuery({
    queryKey: ["monitor", choice.asOf, choice.by],
    queryFn: ({ signal }) => fetchMonitor(choice.asOf, choice.by, signal),
    enabled: endpoint === "available",
  });
  const byLabel = t.monitor.byOptions[choice.by] ?? choice.by;
  return (
    <>
      <PageHeading>{t.monitorScreens.dashboard.title}</PageHeading>
      <Paragraph>{t.monitorScreens.privacyNote}</Paragraph>
      <MonitorFilters key={`${choice.asOf}-${choice.by}`} choice={choice} onChange={setChoice} />
      {endpoint === "missing" ? (
        <NotAvailable what={t.monitorScreens.dashboard.title} />
      ) : endpoint === "pending" || monitor.isPending ? (
        <Loading />
      ) : monitor.isError ? (
        <ProblemAlert error={monitor.error} />
      ) : (
        <>
          <Paragraph>
            <span role="status">
              {t.monitorScreens.dashboard.intro(formatDate(choice.asOf), byLabel)}
            </span>
          </Paragraph>
          {monitor.data.length === 0 && <Paragraph>{t.monitorScreens.dashboard.empty}</Paragraph>}
          {sectionsWithRows(monitor.data).map((section) => (
            <MonitorSection
              key={`${section}-${choice.asOf}-${choice.by}`}
              section={section}
              rows={monitor.data}
              exportDate={choice.asOf}
              titleSuffix={`${byLabel}, ${formatDate(choice.asOf)}`}
            />
          ))}
        </>
      )}
    </>
  );
}
