// The main navigation: only the sections the user's capabilities open (navigation.ts). React Router's
// NavLink marks the current page with aria-current="page".
import { NavLink } from "react-router";
import type { Me } from "../api/session.ts";
import { t } from "../i18n/index.ts";
import { visibleSections } from "../navigation.ts";

export function MainNavigation({ me }: { me: Me }) {
  const sections = visibleSections(me.capabilities);
  return (
    <nav aria-label={t.app.mainNavigation} className="utrecht-nav-bar aanwezig-nav">
      <div className="utrecht-nav-bar__content">
        <ul className="utrecht-nav-list">
          {sections.map((section) => (
            <li key={section.path} className="utrecht-nav-list__item">
              <NavLink
                to={section.path}
                end={section.path === "/"}
                className="utrecht-nav-list__link aanwezig-nav__link"
              >
                {section.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
