// The monitor section (/monitor, guarded by `read_monitor` in navigation.ts): a sub-navigation
// and its pages. Reconciliation compares lists of pupils, so it is only offered with the
// `reconcile_list` capability (roles that work with pupils, never policy roles); the server
// refuses the others and matches only pupils the user may read.
import type { ComponentType } from "react";
import { NavLink, Route, Routes } from "react-router";
import type { Capability } from "../../api/session.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
import { CohortPage } from "./CohortPage.tsx";
import { DashboardPage } from "./DashboardPage.tsx";
import { KpiPage } from "./KpiPage.tsx";
import { LeerplichttellingPage } from "./LeerplichttellingPage.tsx";
import { QuarterReportPage } from "./QuarterReportPage.tsx";
import { ReconciliationPage } from "./ReconciliationPage.tsx";
import { TrendsPage } from "./TrendsPage.tsx";
import "./monitor.css";

interface MonitorPage {
  path: string;
  label: string;
  Page: ComponentType;
  capability?: Capability;
}

const PAGES: readonly MonitorPage[] = [
  { path: "", label: t.monitorScreens.pages.dashboard, Page: DashboardPage },
  { path: "trends", label: t.monitorScreens.pages.trends, Page: TrendsPage },
  { path: "kpi", label: t.monitorScreens.pages.kpis, Page: KpiPage },
  { path: "kwartaalrapport", label: t.monitorScreens.pages.report, Page: QuarterReportPage },
  {
    path: "lijsten-vergelijken",
    label: t.monitorScreens.pages.reconciliation,
    Page: ReconciliationPage,
    capability: "reconcile_list",
  },
  { path: "oud-thuiszitters", label: t.monitorScreens.pages.cohort, Page: CohortPage },
  { path: "leerplichttelling", label: t.monitorScreens.pages.telling, Page: LeerplichttellingPage },
];

export function MonitorPages() {
  const { capabilities } = useCurrentUser();
  const pages = PAGES.filter((p) => !p.capability || capabilities[p.capability]);
  return (
    <div className="aanwezig-monitor">
      <nav aria-label={t.monitorScreens.subNav} className="aanwezig-monitor__nav">
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <NavLink to={`/monitor/${p.path}`} end={p.path === ""}>
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        {pages.map(({ path, Page }) =>
          path === "" ? (
            <Route key="index" index element={<Page />} />
          ) : (
            <Route key={path} path={path} element={<Page />} />
          ),
        )}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </div>
  );
}
