// The parts of the case file in page order, each with the anchor (URL hash, element id) its
// section carries, so a section can be linked to and a reload keeps it (issue 11, deliverable
// 4). The working parts (plan, meetings, participants, consent) come first, the record of what
// happened later. Which parts a case has depends on it: the agenda, arbitration and referral
// only once they exist, the budget not for parents.
import type { CaseDetail } from "../../api/cases.ts";

export const SECTION_ANCHORS = {
  actions: "wat-u-kunt-doen",
  plan: "plan",
  meetings: "overleggen",
  participants: "deelnemers",
  consent: "toestemming",
  deadlines: "termijnen",
  stagnation: "stagnatie",
  ladder: "ladder",
  timeline: "tijdlijn",
  agenda: "agenda-doorbraakteam",
  arbitration: "arbitrage",
  prosecutor: "openbaar-ministerie",
  budget: "frictiebudget",
  documents: "documenten",
} as const;

export type SectionId = keyof typeof SECTION_ANCHORS;

export function caseSections(detail: CaseDetail): SectionId[] {
  return (Object.keys(SECTION_ANCHORS) as SectionId[]).filter((id) => {
    if (id === "agenda") return detail.breakthrough_agenda.length > 0;
    if (id === "arbitration") return detail.arbitration !== null;
    if (id === "prosecutor") return detail.prosecutor_referral !== null;
    if (id === "budget") return detail.budget !== null;
    return true;
  });
}

/** The section an anchor names, if it names one. */
export function sectionOfAnchor(anchor: string): SectionId | undefined {
  return (Object.keys(SECTION_ANCHORS) as SectionId[]).find((id) => SECTION_ANCHORS[id] === anchor);
}
