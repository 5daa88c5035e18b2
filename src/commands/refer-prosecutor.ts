// domain.md §5 PROSECUTOR: referral to the Openbaar Ministerie — civil via the Raad voor de
// Kinderbescherming, or criminal — when the parents refused arbitration or its ruling, or the
// 3-month term passed without an offer (the domain checks the ground).

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertProsecutorReferral } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { type TransitionOutcome, transitionCase } from "./transition-case.ts";

export function referToProsecutor(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { route: "civil" | "criminal"; reason: string },
  today: IsoDate,
): Promise<TransitionOutcome> {
  return transitionCase(db, actor, caseId, { type: "refer_prosecutor", ...input }, today, (ctx) =>
    insertProsecutorReferral(ctx.tx.orm, {
      caseId: ctx.case.id,
      route: input.route,
      referredAt: today,
      referredBy: actor.userId,
      reason: input.reason,
    }),
  );
}
