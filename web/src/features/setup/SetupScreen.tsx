// The region's set-up (/inrichting): the records the chain needs, each for the role that owns it
// (issue 14 item 2): the partnership composes the breakthrough teams and keeps the arrangements
// catalogue with its waiting lists; leerplicht keeps exemptions and Variawet records; the
// frictiebudget's partners their contributions; a school's care coordinator the column mappings
// of the school's own exports, and the upload of the school's own attendance file. Each page
// shows for the capability of its role; the server decides per request
// (src/domain/policy/rules.ts, resources region_setup and import).
import type { Capability } from "../../api/session.ts";
import { t } from "../../i18n/index.ts";
import { SchoolMappingsPage } from "../admin/MappingsPage.tsx";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { SubPagesScreen } from "../sections/SubPagesScreen.tsx";
import { ArrangementsPage } from "./ArrangementsPage.tsx";
import { BreakthroughTeamsPage } from "./BreakthroughTeamsPage.tsx";
import { BudgetsPage } from "./BudgetsPage.tsx";
import { ExemptionsPage, VariawetPage } from "./ExemptionsPage.tsx";
import { SchoolImportPage } from "./SchoolImportPage.tsx";
import "../admin/admin.css";

const page = (path: string, capability: Capability, Page: () => React.ReactNode) => ({
  path,
  label: t.setup.sections[path] ?? "",
  capability,
  Page,
});

const ALL_PAGES = [
  page("doorbraakteams", "manage_breakthrough_teams", BreakthroughTeamsPage),
  page("arrangementen", "manage_arrangements", ArrangementsPage),
  page("vrijstellingen", "manage_exemptions", ExemptionsPage),
  page("variawet", "manage_exemptions", VariawetPage),
  page("frictiebudget", "manage_budget_contributions", BudgetsPage),
  page("kolomindelingen", "manage_school_import_mappings", SchoolMappingsPage),
  page("aanwezigheid", "import_school_attendance", SchoolImportPage),
];

export function SetupScreen() {
  const me = useCurrentUser();
  return (
    <SubPagesScreen
      base="/inrichting"
      navLabel={t.setup.subNav}
      pages={ALL_PAGES.filter((p) => me.capabilities[p.capability])}
      heading={(label) => `${t.setup.title}: ${label}`}
      intro={t.setup.intro}
    />
  );
}
