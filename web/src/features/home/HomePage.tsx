// The start page is the user's worklist (issue 5): the care coordinator's school signals,
// cases and deadlines; leerplicht's DUO reports, absolute absence and signals; the case
// director's caseload; other chain professionals the cases they take part in. Parents, policy
// staff, the application admin and the privacy officer get their own summary
// (RoleStartSections.tsx).
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import {
  CASE_PROFESSIONAL_ROLES,
  type RoleCode,
  SCHOOL_STAFF_ROLES,
} from "../../../../src/domain/policy/roles.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { t } from "../../i18n/index.ts";
import { knownRoles, roleGroupsOf } from "../auth/role-groups.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { AttendanceWorklist } from "../worklists/AttendanceWorklist.tsx";
import { CaseloadWorklist } from "../worklists/CaseloadWorklist.tsx";
import { SchoolWorklist } from "../worklists/SchoolWorklist.tsx";
import { AdminStart, ParentStart, PolicyStart, PrivacyStart } from "./RoleStartSections.tsx";

export function HomePage() {
  const me = useCurrentUser();
  const roles = knownRoles(me.roles);
  const groups = roleGroupsOf(roles);
  const has = (list: readonly RoleCode[]) => roles.some((r) => list.includes(r));
  const director = roles.includes("case_director");
  return (
    <>
      <PageHeading>{t.home.title}</PageHeading>
      <Paragraph purpose="lead">{t.home.welcome(me.user.name)}</Paragraph>
      {groups.length === 0 && <Paragraph>{t.home.none}</Paragraph>}
      {has(SCHOOL_STAFF_ROLES) && <SchoolWorklist me={me} />}
      {roles.includes("attendance_officer") && <AttendanceWorklist me={me} />}
      {has(CASE_PROFESSIONAL_ROLES) && <CaseloadWorklist me={me} director={director} />}
      {groups.includes("parent") && <ParentStart />}
      {groups.includes("policy") && <PolicyStart />}
      {roles.includes("app_admin") && <AdminStart />}
      {roles.includes("privacy_officer") && <PrivacyStart />}
    </>
  );
}
