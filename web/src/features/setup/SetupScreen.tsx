// The region's set-up (/inrichting): the records the chain needs, each for the role that owns it
// (issue 14 item 2). The partnership composes the breakthrough teams; the server decides per
// request (src/domain/policy/rules.ts, resource region_setup).
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
import { BreakthroughTeamsPage } from "./BreakthroughTeamsPage.tsx";

const PAGES = [
  {
    path: "doorbraakteams",
    label: t.setup.sections.doorbraakteams ?? "",
    Page: BreakthroughTeamsPage,
  },
];

export function SetupScreen() {
  return (
    <>
      <nav aria-label={t.setup.subNav} className="aanwezig-subnav">
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}>
              <NavLink to={`/inrichting/${p.path}`} className="nl-link aanwezig-subnav__link">
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={PAGES[0]?.path ?? ""} replace />} />
        {PAGES.map(({ path, label, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <>
                <PageHeading>{`${t.setup.title}: ${label}`}</PageHeading>
                <Paragraph>{t.setup.intro[path] ?? ""}</Paragraph>
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
