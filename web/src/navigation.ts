// The sections of the app and what a user must be able to do to see them in the main navigation:
// a capability of GET /api/me, computed by the server from its own rules
// (src/domain/policy/capabilities.ts), so the web keeps no role lists of its own. Hiding a link is
// a convenience, not a control: the API authorizes every request itself.
import type { Capabilities, Capability } from "./api/session.ts";
import { t } from "./i18n/index.ts";

export interface Section {
  path: string;
  label: string;
  /** The capability that opens the section; "all" for every logged-in user. */
  capability: Capability | "all";
}

export const HOME: Section = { path: "/", label: t.nav.home, capability: "all" };

/** Each section's screen is registered in features/screens-*.tsx (see routes.tsx). */
export const SECTIONS: readonly Section[] = [
  { path: "/signalen", label: t.nav.signals, capability: "read_signals" },
  { path: "/casussen", label: t.nav.cases, capability: "read_cases" },
  // The search, with the pupil pages under it (/leerlingen/:id); parents use /mijn-kind.
  { path: "/leerlingen", label: t.nav.pupilSearch, capability: "search_pupils" },
  // The verzuimmeldingen of the school and leerplicht (domain.md §4), one under /:id.
  { path: "/verzuimmeldingen", label: t.nav.duoReports, capability: "read_duo_reports" },
  { path: "/mijn-kind", label: t.nav.myChild, capability: "read_own_child" },
  { path: "/monitor", label: t.nav.monitor, capability: "read_monitor" },
  { path: "/doorbraakteam", label: t.nav.agenda, capability: "read_breakthrough_agenda" },
  { path: "/beheer", label: t.nav.admin, capability: "manage_users" },
  { path: "/logboek", label: t.nav.audit, capability: "read_audit" },
  { path: "/verzoeken", label: t.nav.privacyRequests, capability: "handle_subject_requests" },
  { path: "/inrichting", label: t.nav.setup, capability: "region_setup" },
  { path: "/verlof", label: t.nav.leave, capability: "work_leave_requests" },
  // The youth doctor's referrals (M@ZL); the school refers from the pupil page.
  { path: "/jeugdarts", label: t.nav.youthDoctor, capability: "answer_youth_doctor_referrals" },
  // The warm handover PO→VO: the sending and receiving schools, the case director, the SWV.
  { path: "/overdrachten", label: t.nav.handovers, capability: "read_handovers" },
];

export function mayOpen(section: Section, capabilities: Capabilities): boolean {
  return section.capability === "all" || capabilities[section.capability];
}

export function visibleSections(capabilities: Capabilities): Section[] {
  return [HOME, ...SECTIONS].filter((s) => mayOpen(s, capabilities));
}
