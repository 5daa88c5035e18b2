// domain.md §5 "The plan": an action's owner is a person and their organisation. The form picks
// the person; the organisation is the one that person takes part in the case for, looked up at
// submit time — never a value typed or defaulted earlier for another owner (issue 11 item 3).
// The server derives it the same way and ignores what is sent for a participant.
import type { CaseDetail } from "../../api/cases.ts";

type Participant = CaseDetail["participants"][number];

/** The organisation the chosen owner takes part for; "" when they are not an active participant. */
export function organisationOfOwner(
  participants: readonly Participant[],
  ownerPersonId: string,
): string {
  return (
    participants.find((p) => p.person_id === ownerPersonId && p.until === null)?.organisation ?? ""
  );
}
