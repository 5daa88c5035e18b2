// The frame of every page: skip link, header (app name; for a logged-in user their name, roles
// and logout; the demo banner when the database is a demo frozen at a date), the role-dependent main navigation, the main landmark and the footer.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { SkipLink } from "@nl-design-system-candidate/skip-link-react";
import { PageFooter, PageHeader } from "@utrecht/component-library-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Me } from "../api/session.ts";
import { t } from "../i18n/index.ts";
import { DemoBanner } from "./DemoBanner.tsx";
import { MainNavigation } from "./MainNavigation.tsx";
import { demoAsOf } from "./today.ts";
import { UserMenu } from "./UserMenu.tsx";

export const MAIN_ID = "inhoud";

export function AppShell({ me, children }: { me?: Me | undefined; children: ReactNode }) {
  const frozenAt = demoAsOf(me);
  return (
    <div className="aanwezig-shell">
      <SkipLink href={`#${MAIN_ID}`} className="nl-skip-link--visible-on-focus">
        {t.app.skipToContent}
      </SkipLink>
      <PageHeader className="aanwezig-header">
        {frozenAt && <DemoBanner asOf={frozenAt} />}
        <div className="aanwezig-header__bar">
          <Link to="/" className="aanwezig-header__name">
            {t.app.name}
          </Link>
          {me && <UserMenu me={me} />}
        </div>
      </PageHeader>
      {me && <MainNavigation me={me} />}
      <main id={MAIN_ID} tabIndex={-1} className="aanwezig-main">
        {children}
      </main>
      <PageFooter className="aanwezig-footer">
        <div className="aanwezig-footer__content">
          <Paragraph>{t.app.footer}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}
