// A section of the main navigation made of sub-pages (/beheer, /inrichting): a sub-navigation
// with a link to each page, and each page under its own heading and introduction. The section
// opens on its first page; an unknown sub-page is "niet gevonden".
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { ReactNode } from "react";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { PageHeading } from "../../components/PageHeading.tsx";
import { NotFoundPage } from "../not-found/NotFoundPage.tsx";
import "./sub-pages.css";

export interface SubPage {
  /** The page's path below the section's, e.g. "gebruikers". */
  path: string;
  /** The page's name in the sub-navigation and in its heading. */
  label: string;
  Page: () => ReactNode;
}

export function SubPagesScreen({
  base,
  navLabel,
  pages,
  heading,
  intro,
}: {
  /** The section's path, e.g. "/beheer". */
  base: string;
  /** The sub-navigation's accessible name. */
  navLabel: string;
  pages: readonly SubPage[];
  /** The heading of a page, from its label. */
  heading: (label: string) => string;
  /** The introduction of each page by its path. */
  intro: Record<string, string>;
}) {
  return (
    <>
      <nav aria-label={navLabel} className="aanwezig-subnav">
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <NavLink to={`${base}/${p.path}`} className="nl-link aanwezig-subnav__link">
                {p.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Routes>
        <Route index element={<Navigate to={pages[0]?.path ?? ""} replace />} />
        {pages.map(({ path, label, Page }) => (
          <Route
            key={path}
            path={path}
            element={
              <>
                <PageHeading>{heading(label)}</PageHeading>
                <Paragraph>{intro[path] ?? ""}</Paragraph>
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
