// Placements in the arrangements catalogue (issue 14 item 2; domain.md §6 "Arrangements and
// waiting lists"): the partnership records that a pupil takes a place from a date — which takes
// them off that arrangement's waiting list — and corrects or sets its end. Each write checks the
// place (free, not out of the catalogue), writes the record and its audit row in the caller's
// transaction. The HTTP routes (src/http/routes/setup-placements.ts) call them after their gate.

import { eq } from "drizzle-orm";
import type { TxClient } from "../db/connect.ts";
import {
  insertPlacement,
  leaveWaitingListOn,
  loadCatalogue,
  setPlacementEnd,
} from "../db/repositories/arrangements.ts";
import { arrangements } from "../db/schema/cases.ts";
import { type Placement, placementRefusal } from "../domain/money/arrangements.ts";
import { recordSetupChange, type SetupBy, SetupRefused } from "./region-setup.ts";

const END_BEFORE_START = "einddatum ligt vóór de begindatum: kies een datum op of na de begindatum";

const refusalText = (refusal: NonNullable<ReturnType<typeof placementRefusal>>, name: string) => {
  switch (refusal.code) {
    case "end_before_start":
      return new SetupRefused(400, END_BEFORE_START, "end_date");
    case "already_placed":
      return new SetupRefused(
        409,
        `Deze leerling heeft al een plaats in ${name} sinds ${refusal.since}: wijzig die plaatsing.`,
      );
    case "no_free_place":
      return new SetupRefused(
        409,
        `${name} heeft op ${refusal.on} geen vrije plaats: verhoog de capaciteit, beëindig een plaatsing of zet de leerling op de wachtlijst.`,
      );
  }
};

async function placeOf(tx: TxClient, arrangementId: string) {
  const catalogue = await loadCatalogue(tx.orm);
  const arrangement = catalogue.arrangements.find((a) => a.id === arrangementId);
  if (!arrangement) throw new SetupRefused(404, "Geen arrangement met deze id.");
  const [row] = await tx.orm
    .select({ endedOn: arrangements.endedOn })
    .from(arrangements)
    .where(eq(arrangements.id, arrangementId));
  return { arrangement, placements: catalogue.placements, endedOn: row?.endedOn ?? null };
}

export async function recordPlacement(tx: TxClient, by: SetupBy, next: Placement): Promise<void> {
  const { arrangement, placements, endedOn } = await placeOf(tx, next.arrangementId);
  if (endedOn !== null && next.startDate >= endedOn) {
    throw new SetupRefused(409, `${arrangement.name} is uit de catalogus sinds ${endedOn}.`);
  }
  const refusal = placementRefusal(arrangement, placements, next);
  if (refusal) throw refusalText(refusal, arrangement.name);
  await insertPlacement(tx.orm, next);
  await leaveWaitingListOn(tx.orm, next.arrangementId, next.pupilId, next.startDate);
  await recordSetupChange(tx.orm, by, {
    operation: "record_placement",
    resourceType: "placement",
    resourceId: next.arrangementId,
    pupilId: next.pupilId,
    context: { start: next.startDate, ...(next.endDate ? { end: next.endDate } : {}) },
  });
}

/** Corrects a placement's end date (null: the placement runs on). */
export async function changePlacementEnd(
  tx: TxClient,
  by: SetupBy,
  key: { arrangementId: string; pupilId: string; startDate: string },
  endDate: string | null,
): Promise<void> {
  const { arrangement, placements } = await placeOf(tx, key.arrangementId);
  const current = placements.find(
    (p) =>
      p.arrangementId === key.arrangementId &&
      p.pupilId === key.pupilId &&
      p.startDate === key.startDate,
  );
  if (!current) throw new SetupRefused(404, "Geen plaatsing met deze sleutel.");
  const others = placements.filter((p) => p !== current);
  const refusal = placementRefusal(arrangement, others, {
    ...current,
    ...(endDate === null ? { endDate: undefined } : { endDate }),
  });
  if (refusal) throw refusalText(refusal, arrangement.name);
  await setPlacementEnd(tx.orm, key, endDate);
  await recordSetupChange(tx.orm, by, {
    operation: "update_placement",
    resourceType: "placement",
    resourceId: key.arrangementId,
    pupilId: key.pupilId,
    context: { start: key.startDate, end: endDate ?? "" },
  });
}
