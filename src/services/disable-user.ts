// `aanwezig users disable` (issue 14): an account is never deleted (the audit trail names it);
// disabling it ends its sessions and API tokens at once (deactivateAccount) and is audited.

import { recordAllowed } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { deactivateAccount, listAccounts } from "../db/repositories/admin.ts";
import { normaliseEmail } from "../db/repositories/users.ts";
import { cliCaller } from "./cli-actor.ts";

export type DisableOutcome =
  | { ok: true; id: string; email: string; alreadyDisabled: boolean }
  | { ok: false; reason: "unknown_email"; message: string };

export async function disableUserByEmail(
  db: Database,
  rawEmail: string,
  now = new Date(),
): Promise<DisableOutcome> {
  const email = normaliseEmail(rawEmail);
  return db.transaction(async (tx) => {
    const account = (await listAccounts(tx.orm)).find((a) => a.email === email);
    if (!account) {
      return {
        ok: false,
        reason: "unknown_email",
        message: `er is geen account met het e-mailadres ${email}`,
      } as const;
    }
    const changed = await deactivateAccount(tx.orm, account.id, now);
    // Nothing changed for an account disabled before: no audit row, the same answer.
    if (changed) {
      await recordAllowed(tx.orm, cliCaller("users disable", { email }), {
        action: "deactivate_user",
        resourceType: "user",
        resourceId: account.id,
        pupilId: null,
      });
    }
    return { ok: true, id: account.id, email, alreadyDisabled: !changed } as const;
  });
}
