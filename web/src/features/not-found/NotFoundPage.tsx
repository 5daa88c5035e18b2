import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Link } from "react-router";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";

export function NotFoundPage() {
  return (
    <>
      <PageHeading>{t.notFound.title}</PageHeading>
      <Paragraph>{t.notFound.body}</Paragraph>
      <Paragraph>
        {/* The NL Design System link's look on the router's link: no full page reload. */}
        <Link to="/" className="nl-link">
          {t.notFound.homeLink}
        </Link>
      </Paragraph>
    </>
  );
}
