// The start page: one block per role group of the user (domain.md §2), each a placeholder that
// the group's own screens will fill.
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { knownRoles, roleGroupsOf } from "../auth/role-groups.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

export function HomePage() {
  const me = useCurrentUser();
  const groups = roleGroupsOf(knownRoles(me.roles));
  return (
    <>
      <PageHeading>{t.home.title}</PageHeading>
      <Paragraph purpose="lead">{t.home.welcome(me.user.name)}</Paragraph>
      {groups.length === 0 && <Paragraph>{t.home.none}</Paragraph>}
      {groups.map((group) => (
        <section key={group} aria-labelledby={`home-${group}`} data-role-group={group}>
          <Heading level={2} id={`home-${group}`}>
            {t.home[group].title}
          </Heading>
          <Paragraph>{t.home[group].body}</Paragraph>
        </section>
      ))}
    </>
  );
}
