// The sections of the app and which roles see them in the main navigation. Hiding a link is a
// convenience, not a control: the API authorizes every request itself (src/http/authorize.ts).
import type { RoleCode } from "../../src/domain/policy/roles.ts";
import { t } from "./i18n/index.ts";

export interface Section {
  path: string;
  label: string;
  /** Roles that see the section; "all" for every logged-in user. */
  roles: readonly RoleCode[] | "all";
}

export const HOME: Section = { path: "/", label: t.nav.home, roles: "all" };

/** Each section's screen is registered in features/screens-*.tsx (see routes.tsx). */
export const SECTIONS: readonly Section[] = [
  {
    path: "/signalen",
    label: t.nav.signals,
    roles: ["teacher", "care_coordinator", "school_head", "attendance_officer", "case_director"],
  },
  {
    path: "/casussen",
    label: t.nav.cases,
    roles: [
      "care_coordinator",
      "school_head",
      "attendance_officer",
      "case_director",
      "partnership_consultant",
      "youth_doctor",
      "youth_care",
      "breakthrough_member",
    ],
  },
  {
    // The search, with the pupil pages under it (/leerlingen/:id); parents use /mijn-kind.
    path: "/leerlingen",
    label: t.nav.pupilSearch,
    roles: [
      "teacher",
      "care_coordinator",
      "school_head",
      "attendance_officer",
      "case_director",
      "partnership_consultant",
      "youth_doctor",
      "youth_care",
      "breakthrough_member",
    ],
  },
  { path: "/mijn-kind", label: t.nav.myChild, roles: ["parent"] },
  {
    path: "/monitor",
    label: t.nav.monitor,
    roles: ["policy_officer", "case_director", "partnership_consultant", "attendance_officer"],
  },
  {
    path: "/doorbraakteam",
    label: t.nav.agenda,
    roles: ["breakthrough_member", "case_director", "partnership_consultant"],
  },
  { path: "/inrichting", label: t.nav.setup, roles: ["partnership_consultant"] },
  { path: "/beheer", label: t.nav.admin, roles: ["app_admin"] },
  { path: "/logboek", label: t.nav.audit, roles: ["app_admin", "privacy_officer"] },
];

export function mayOpen(section: Section, roles: readonly RoleCode[]): boolean {
  return section.roles === "all" || section.roles.some((r) => roles.includes(r));
}

export function visibleSections(roles: readonly RoleCode[]): Section[] {
  return [HOME, ...SECTIONS].filter((s) => mayOpen(s, roles));
}
