// Who a person in a case is, as people read it: the name the server sends for each participant,
// with the role and organisation — "Anna de Boer, Casusregisseur – Lindendaal". The case owner
// is always a participant (domain.md §5 "Owner"), so the owner's name comes from that list.
import type { CaseDetail } from "../../api/cases.ts";
import { formatOrganisation } from "../../components/names.ts";
import { roleTitle } from "../auth/role-groups.ts";

export function personName(detail: CaseDetail, personId: string): string | null {
  return detail.participants.find((p) => p.person_id === personId && p.name)?.name ?? null;
}

/** The case owner: name, role and organisation (the organisation alone when no name is known). */
export function ownerLabel(detail: CaseDetail): string {
  const { person_id, role, organisation } = detail.owner;
  const who = `${roleTitle(role)} – ${formatOrganisation(organisation, detail)}`;
  const name = personName(detail, person_id);
  return name ? `${name}, ${who}` : who;
}
