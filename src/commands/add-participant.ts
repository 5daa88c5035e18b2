// domain.md §5: adding a person to the case. A partner (partnership, youth doctor, youth care,
// breakthrough team) needs the family's consent (b) for their organisation; school staff, the
// case director and leerplicht join by their task. The policy's add_participant checks consent
// (b) through the candidate facts; the domain's addParticipant checks it again with the rest.

import { type AccessActor, caseResource, may } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { saveCase } from "../db/repositories/cases.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { hasConsent } from "../domain/cases/consent.ts";
import type { Case, CasePerson } from "../domain/cases/model.ts";
import { addParticipant, needsPartnerConsent } from "../domain/cases/participants.ts";
import { err } from "../domain/cases/result.ts";
import type { RoleCode } from "../domain/policy/roles.ts";
import { casePersonOf } from "./case-person.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export async function addCaseParticipant(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { userId: string; role: RoleCode; organisation?: string },
  today: IsoDate,
): Promise<CommandResult<{ case: Case }>> {
  const person: CasePerson | undefined = await casePersonOf(
    db.orm,
    input.userId,
    input.role,
    input.organisation,
  );
  // An unknown person is still decided and audited as a candidate needing consent.
  const candidate: CasePerson = person ?? {
    personId: input.userId,
    role: input.role,
    organisation: input.organisation ?? "",
  };
  // Whether the actor could add this person if consent (b) held: then a refusal is the
  // family's missing consent (409), not the actor's role (403).
  let allowedWithConsent = false;
  const result = await onCase(
    db,
    actor,
    caseId,
    today,
    "add_participant",
    async (ctx) => {
      if (!person) {
        return err("unknown_person", "No user holds that role.");
      }
      const result = addParticipant(ctx.case, person, ctx.facts.consent, today);
      if (!result.ok) return result;
      await saveCase(ctx.tx.orm, ctx.case, result.case);
      return { ok: true, case: result.case };
    },
    async ({ case: c, facts }) => {
      const needsConsent = needsPartnerConsent(candidate);
      allowedWithConsent =
        needsConsent &&
        may(
          actor,
          "add_participant",
          caseResource(c, facts, today, { needsPartnerConsent: true, partnerConsentGiven: true }),
        ).ok;
      return {
        needsPartnerConsent: needsConsent,
        partnerConsentGiven: hasConsent(
          facts.consent,
          "involve_partner",
          candidate.organisation,
          today,
        ),
      };
    },
  );
  if (!result.ok && result.error === "forbidden" && allowedWithConsent) {
    return {
      ok: false,
      error: "partner_consent_missing",
      message: `No consent (b) to involve ${candidate.organisation || "this partner"} in this case.`,
    };
  }
  return result;
}
