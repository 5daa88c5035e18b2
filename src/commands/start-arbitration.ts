// domain.md §5 ARBITRATION: by decision of the director with the team, only with the parents'
// consent (d) to binding arbitration (the domain refuses with arbitration_consent_missing —
// then the route is the prosecutor). The committee: the director (chair), a representative
// named by the parents, a breakthrough-team member of the own partnership and one of a
// neighbouring partnership.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertArbitration } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { onCase } from "./run-on-case.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export interface ArbitrationCommittee {
  parentsRepresentative: string;
  ownPartnershipMember: string;
  neighbouringPartnershipMember: string;
}

export async function startArbitration(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { reason: string; committee: ArbitrationCommittee },
  today: IsoDate,
): Promise<TransitionOutcome> {
  const { committee } = input;
  const names = [
    committee.parentsRepresentative,
    committee.ownPartnershipMember,
    committee.neighbouringPartnershipMember,
  ];
  if (names.some((n) => n.trim() === "")) {
    // Refused after the authorization, so a case one may not see still answers 404.
    return onCase(db, actor, caseId, today, "start_arbitration", async () => ({
      ok: false as const,
      error: "committee_incomplete",
      message: "Name every committee member.",
    }));
  }
  return transitionCase(
    db,
    actor,
    caseId,
    { type: "start_arbitration", reason: input.reason },
    today,
    (ctx) =>
      insertArbitration(ctx.tx.orm, {
        caseId,
        startedAt: today,
        chairPersonId: actor.userId,
        ...committee,
      }),
  );
}
