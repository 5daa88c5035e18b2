// The writes of the region's set-up (issue 14 item 2; domain.md §5 BREAKTHROUGH, §6): a
// municipality's breakthrough team and its members, a place in the arrangements catalogue, a
// pupil on a waiting list, a contribution to the frictiebudget. Each checks what the record itself
// requires, writes it and its audit row in the caller's transaction. The HTTP routes
// (src/http/routes/setup-*.ts) call them after their gate, and the demo (src/demo) calls the same
// functions as the accounts that own the records — so the demo proves the way in.
import { randomUUID } from "node:crypto";
import {
  type AccessActor,
  type Grant,
  recordAllowed,
  type SetupAuditEvent,
} from "../access/index.ts";
import type { Orm, TxClient } from "../db/connect.ts";
import { insertWaitingListEntry, loadCatalogue } from "../db/repositories/arrangements.ts";
import {
  findTeam,
  insertMember,
  insertTeam,
  teamIdOfMunicipality,
} from "../db/repositories/breakthrough-setup.ts";
import { appendLedgerEntry, budgetIdFor, loadLedger } from "../db/repositories/budget.ts";
import { activePerson } from "../db/repositories/people-search.ts";
import { readRegionSettings } from "../db/repositories/region-settings.ts";
import { arrangements } from "../db/schema/cases.ts";
import type { ArrangementKind } from "../domain/money/arrangements.ts";
import { append, type Party } from "../domain/money/ledger.ts";

/**
 * Who changes the set-up. From a request: the actor and the grant `gate` gave it (src/access;
 * src/http/routes/setup-gate.ts), so the allowed row is the one `gate` would write. The demo's
 * seed (src/demo), which decides nothing, names the account and role it writes as.
 */
export type SetupBy = GrantedBy | SeededBy;

export interface GrantedBy {
  actor: AccessActor;
  grant: Grant;
}

export interface SeededBy {
  userId: string;
  role: string;
  origin: { route: string; method: string; requestId?: string };
}

/** A set-up write refused for what the record requires: the route answers status (400: field). */
export class SetupRefused extends Error {
  readonly status: 400 | 404 | 409;
  readonly field: string | undefined;
  constructor(status: 400 | 404 | 409, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/**
 * The audit row of an allowed set-up read or change, written with the record it concerns: for a
 * request the allowed row of its gate (recordGrant), for the demo's seed an event of its own.
 */
export async function recordSetupChange(
  orm: Orm,
  by: SetupBy,
  change: {
    operation: SetupAuditEvent["action"];
    resourceType: SetupAuditEvent["resourceType"];
    resourceId: string | null;
    pupilId?: string | null;
    context?: Record<string, string>;
  },
): Promise<void> {
  await recordAllowed(
    orm,
    "grant" in by ? by : { userId: by.userId, role: by.role, context: by.origin },
    {
      action: change.operation,
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      pupilId: change.pupilId ?? null,
      context: { ...change.context },
    },
  );
}

/** The account that changes the set-up (a request's actor, or the account the seed writes as). */
function userOf(by: SetupBy): string {
  return "grant" in by ? by.actor.userId : by.userId;
}

/** A municipality of the region's settings (any, while the region is not configured). */
async function inRegion(tx: TxClient, municipality: string, today: string, explain: string) {
  const region = await readRegionSettings(tx, today);
  if (region.configured && !region.municipalities.includes(municipality)) {
    throw new SetupRefused(
      400,
      `${explain.replace("{m}", municipality)}; kies uit ${region.municipalities.join(", ")}`,
      "municipality",
    );
  }
}

export async function createBreakthroughTeam(
  tx: TxClient,
  by: SetupBy,
  input: { municipality: string; name: string; id?: string },
  today: string,
): Promise<string> {
  const { municipality, name } = input;
  await inRegion(
    tx,
    municipality,
    today,
    "{m} is geen gemeente van de regio (voeg de gemeente toe in de regio-instellingen)",
  );
  if (await teamIdOfMunicipality(tx.orm, municipality)) {
    throw new SetupRefused(
      409,
      `Er is al een doorbraakteam voor ${municipality}: wijzig dat team.`,
    );
  }
  const id = input.id ?? randomUUID();
  await insertTeam(tx.orm, { id, municipality, name });
  await recordSetupChange(tx.orm, by, {
    operation: "create_breakthrough_team",
    resourceType: "breakthrough_team",
    resourceId: id,
    context: { municipality },
  });
  return id;
}

export async function addBreakthroughTeamMember(
  tx: TxClient,
  by: SetupBy,
  teamId: string,
  input: { discipline: string; organisation: string; userId?: string | undefined; name?: string },
): Promise<number> {
  const team = await findTeam(tx.orm, teamId);
  if (!team) throw new SetupRefused(404, "Geen doorbraakteam met deze id.");
  const person = input.userId ? await activePerson(tx.orm, input.userId) : undefined;
  if (input.userId && !person) {
    throw new SetupRefused(
      400,
      "Onbekend of uitgeschakeld account: kies de persoon opnieuw in de zoeklijst.",
      "user_id",
    );
  }
  const name = input.name || person?.name;
  if (!name) {
    throw new SetupRefused(
      400,
      "Kies een persoon in de zoeklijst of vul de naam van het lid in.",
      "name",
    );
  }
  if (person && team.members.some((m) => m.userId === person.id && m.endedOn === null)) {
    throw new SetupRefused(409, `${person.name} zit al in dit doorbraakteam.`);
  }
  const seq = await insertMember(tx.orm, team.id, {
    discipline: input.discipline,
    name,
    organisation: input.organisation,
    userId: person?.id ?? null,
  });
  await recordSetupChange(tx.orm, by, {
    operation: "add_team_member",
    resourceType: "breakthrough_team",
    resourceId: team.id,
    context: { seq: String(seq), discipline: input.discipline, memberUserId: person?.id ?? "" },
  });
  return seq;
}

export async function createArrangement(
  tx: TxClient,
  by: SetupBy,
  input: { provider: string; name: string; kind: ArrangementKind; capacity: number; id?: string },
): Promise<string> {
  const id = input.id ?? randomUUID();
  await tx.orm.insert(arrangements).values({
    id,
    providerId: input.provider,
    name: input.name,
    kind: input.kind,
    capacity: input.capacity,
  });
  await recordSetupChange(tx.orm, by, {
    operation: "create_arrangement",
    resourceType: "arrangement",
    resourceId: id,
    context: { capacity: String(input.capacity) },
  });
  return id;
}

/**
 * A pupil on an arrangement's waiting list. Whether the user may name this pupil is the caller's
 * gate (the route asks read_pupil first); this checks the list itself.
 */
export async function addWaitingListEntry(
  tx: TxClient,
  by: SetupBy,
  input: { arrangementId: string; pupilId: string; since: string; caseId?: string | undefined },
): Promise<void> {
  const catalogue = await loadCatalogue(tx.orm);
  if (!catalogue.arrangements.some((a) => a.id === input.arrangementId)) {
    throw new SetupRefused(404, "Geen arrangement met deze id.");
  }
  if (
    catalogue.waiting.some(
      (e) => e.arrangementId === input.arrangementId && e.pupilId === input.pupilId && !e.leftOn,
    )
  ) {
    throw new SetupRefused(409, "Deze leerling staat al op deze wachtlijst.");
  }
  await insertWaitingListEntry(tx.orm, {
    arrangementId: input.arrangementId,
    pupilId: input.pupilId,
    since: input.since,
    ...(input.caseId ? { caseId: input.caseId } : {}),
  });
  await recordSetupChange(tx.orm, by, {
    operation: "add_waiting_list_entry",
    resourceType: "waiting_list",
    resourceId: input.arrangementId,
    pupilId: input.pupilId,
    context: { since: input.since },
  });
}

/** A partner's contribution to a municipality's frictiebudget in a year (append-only ledger). */
export async function recordBudgetContribution(
  tx: TxClient,
  by: SetupBy,
  input: { municipality: string; year: number; amountCents: number; party: Party },
  today: string,
): Promise<void> {
  await inRegion(tx, input.municipality, today, "gemeente: {m} hoort niet bij de regio");
  const budgetId = budgetIdFor(input.municipality);
  const result = append(await loadLedger(tx.orm, budgetId), {
    kind: "contribution",
    id: randomUUID(),
    budgetId,
    year: input.year,
    party: input.party,
    amountCents: input.amountCents,
    recordedAt: today,
    recordedBy: userOf(by),
  });
  if (!result.ok) throw new SetupRefused(400, result.message);
  await appendLedgerEntry(tx.orm, result.entry);
  await recordSetupChange(tx.orm, by, {
    operation: "record_contribution",
    resourceType: "budget",
    resourceId: budgetId,
    context: {
      year: String(input.year),
      amountCents: String(input.amountCents),
      party: input.party.id,
    },
  });
}
