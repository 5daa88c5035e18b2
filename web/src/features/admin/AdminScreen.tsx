// Administration (/beheer, app_admin; the section guard of navigation.ts and the server both
// check): accounts and roles, schools and calendars, imports, service tokens, the region's
// settings and its letter templates — one sub-page each.
import { t } from "../../i18n/index.ts";
import { SubPagesScreen } from "../sections/SubPagesScreen.tsx";
import { RegionSettingsPage } from "../setup/RegionSettingsPage.tsx";
import { ImportsPage } from "./ImportsPage.tsx";
import { LetterTemplatesPage } from "./LetterTemplatesPage.tsx";
import { MailPage } from "./MailPage.tsx";
import { MappingsPage } from "./MappingsPage.tsx";
import { SchoolsPage } from "./SchoolsPage.tsx";
import { TokensPage } from "./TokensPage.tsx";
import { UsersPage } from "./UsersPage.tsx";
import "./admin.css";

const PAGES = [
  { path: "gebruikers", label: t.admin.sections.gebruikers ?? "", Page: UsersPage },
  { path: "scholen", label: t.admin.sections.scholen ?? "", Page: SchoolsPage },
  { path: "imports", label: t.admin.sections.imports ?? "", Page: ImportsPage },
  { path: "kolomindelingen", label: t.admin.sections.kolomindelingen ?? "", Page: MappingsPage },
  { path: "koppelingen", label: t.admin.sections.koppelingen ?? "", Page: TokensPage },
  { path: "regio", label: t.admin.sections.regio ?? "", Page: RegionSettingsPage },
  { path: "brieven", label: t.admin.sections.brieven ?? "", Page: LetterTemplatesPage },
  { path: "e-mail", label: t.admin.sections["e-mail"] ?? "", Page: MailPage },
];

export function AdminScreen() {
  return (
    <SubPagesScreen
      base="/beheer"
      navLabel={t.admin.subNav}
      pages={PAGES}
      heading={t.adminScreens.pageTitle}
      intro={t.adminScreens.intro}
    />
  );
}
