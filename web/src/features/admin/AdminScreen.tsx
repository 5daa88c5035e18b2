// Administration (/beheer, app_admin; the section guard of navigation.ts and the server both
// check): accounts and roles, schools and calendars, imports, service tokens, the region's
// settings and its letter templates — one sub-page each.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
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
    <>
      <nav aria-label={t.admin.subNav} className="aanwezig-subnav">
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}>
              <NavLink to={`/beheer/${p.path}`} className="nl-link aanwezig-subnav__link">
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to="gebruikers" replace />} />
        {PAGES.map(({ path, label, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <>
                <PageHeading>{t.adminScreens.pageTitle(label)}</PageHeading>
                <Paragraph>{t.adminScreens.intro[path] ?? ""}</Paragraph>
                <Page />
              </>
            }
          />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </>
  );
}
