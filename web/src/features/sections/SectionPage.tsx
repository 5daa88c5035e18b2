// A section of the main navigation whose screens are still to come; it already checks the
// user's capabilities the way the finished screen will, so the navigation and its guard stay one.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { ReactNode } from "react";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { mayOpen, type Section } from "../../navigation.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

export function RequireSection({ section, children }: { section: Section; children: ReactNode }) {
  const me = useCurrentUser();
  if (!mayOpen(section, me.capabilities)) {
    return (
      <>
        <PageHeading>{t.forbidden.title}</PageHeading>
        <Paragraph>{t.forbidden.body}</Paragraph>
      </>
    );
  }
  return children;
}

export function SectionPlaceholder({ section }: { section: Section }) {
  return (
    <>
      <PageHeading>{section.label}</PageHeading>
      <Paragraph>{t.section.comingSoon}</Paragraph>
    </>
  );
}
