// SICK_NOTABLE (domain.md §4 "a professional's observation (e.g. regularly sent home sick);
// recorded by hand"): the mentor or care coordinator of the pupil's school records one; the
// school's staff read their school's observations. One transaction: the pupil's facts, the gate
// (one audit row, allowed or denied), the domain's check (src/domain/signals/sick-observation.ts),
// the row. The row's trigger marks the (pupil, school) unit for the next evaluation, and the
// on-demand evaluation (GET /api/signals) reads the table directly.
import {
  type AccessActor,
  gate,
  loadPupilFacts,
  may,
  pupilScope,
  type Refusal,
} from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import {
  insertSickObservation,
  type StoredSickObservation,
  sickObservationsOfPupil,
} from "../db/repositories/sick-observations.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { PupilScope } from "../domain/policy/resources.ts";
import {
  checkSickObservation,
  type SickObservationError,
  type SickObservationInput,
} from "../domain/signals/sick-observation.ts";

export type SickObservationResult<T> =
  | ({ ok: true } & T)
  | Refusal
  | { ok: false; error: SickObservationError; message: string };

const HIDDEN: Refusal = {
  ok: false,
  error: "not_found",
  reason: "no such pupil",
  message: "No such resource, or not one you may see.",
};

/** The pupil's schools that are also the user's (the grants' schools). */
function ownSchools(actor: AccessActor, pupil: PupilScope): string[] {
  return pupil.schoolIds.filter((id) => actor.policy.grants.some((g) => g.schoolIds?.includes(id)));
}

export function recordSickObservation(
  db: Database,
  actor: AccessActor,
  pupilId: string,
  input: SickObservationInput,
  today: IsoDate,
): Promise<SickObservationResult<{ observation: StoredSickObservation }>> {
  return db.transaction(async (tx) => {
    const facts = await loadPupilFacts(tx.orm, pupilId);
    const pupil = facts ? pupilScope(facts, today) : null;
    const resource = pupil ? { kind: "pupil" as const, pupil } : null;
    const allowed = await gate(
      tx.orm,
      actor,
      "record_sick_observation",
      resource,
      {
        action: "record_sick_observation",
        resourceType: "sick_observation",
        resourceId: null,
        pupilId,
      },
      resource ? { visibleWith: { action: "read_pupil", resource } } : {},
    );
    if (!allowed.ok) return allowed.error === "not_found" ? HIDDEN : allowed;
    if (!pupil) return HIDDEN;
    const schoolId = ownSchools(actor, pupil)[0];
    if (!schoolId) return HIDDEN;
    const check = checkSickObservation(input, today);
    if (!check.ok) return check;
    const observation = await insertSickObservation(tx.orm, {
      pupilId,
      schoolId,
      recordedOn: input.recordedOn,
      endDate: input.endDate,
      note: input.note.trim(),
      recordedBy: actor.userId,
    });
    return { ok: true, observation };
  });
}

/** The observations of the user's school(s) for the pupil. */
export async function readSickObservations(
  db: Database,
  actor: AccessActor,
  pupilId: string,
  today: IsoDate,
): Promise<SickObservationResult<{ observations: StoredSickObservation[]; mayRecord: boolean }>> {
  const facts = await loadPupilFacts(db.orm, pupilId);
  const pupil = facts ? pupilScope(facts, today) : null;
  const resource = pupil ? { kind: "pupil" as const, pupil } : null;
  const allowed = await gate(
    db.orm,
    actor,
    "read_sick_observations",
    resource,
    {
      action: "read_sick_observations",
      resourceType: "sick_observation",
      resourceId: null,
      pupilId,
    },
    resource ? { visibleWith: { action: "read_pupil", resource } } : {},
  );
  if (!allowed.ok) return allowed.error === "not_found" ? HIDDEN : allowed;
  if (!pupil || !resource) return HIDDEN;
  return {
    ok: true,
    observations: await sickObservationsOfPupil(db.orm, pupilId, ownSchools(actor, pupil)),
    mayRecord: may(actor, "record_sick_observation", resource).ok,
  };
}
