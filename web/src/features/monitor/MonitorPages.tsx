// The monitor section (/monitor, guarded by its roles in navigation.ts): a sub-navigation and
// its pages. Reconciliation compares lists of pupils, so it is only offered to the roles that
// work with pupils (leerplicht, the case director, the partnership), never to policy roles;
// the server refuses them (`reconcile_list`) and matches only pupils the user may read.
import type { ComponentType } from "react";
import { NavLink, Route, Routes } from "react-router";
import type { RoleCode } from "../../../../src/domain/policy/roles.ts";
import { t } from "../../i18n/index.ts";
import { knownRoles } from "../auth/role-groups.ts";
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
  roles?: readonly RoleCode[];
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
    roles: ["attendance_officer", "case_director", "partnership_consultant"],
  },
  { path: "oud-thuiszitters", label: t.monitorScreens.pages.cohort, Page: CohortPage },
  { path: "leerplichttelling", label: t.monitorScreens.pages.telling, Page: LeerplichttellingPage },
];

export function MonitorPages() {
  const roles = knownRoles(useCurrentUser().roles);
  const pages = PAGES.filter((p) => !p.roles || p.roles.some((r) => roles.includes(r)));
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
