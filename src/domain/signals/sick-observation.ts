// domain.md §4 (SICK_NOTABLE, "a professional's observation (e.g. regularly sent home sick);
// recorded by hand", seed 002 criterion 4) and §2 (the youth doctor is the sole reader of medical
// details): the check of an observation the mentor or care coordinator records. The note says
// what the school sees (how often, when, what was agreed), never a diagnosis; it is short, and
// the observation is not dated in the future. Pure: the caller supplies today.
import { type IsoDate, isIsoDate } from "../calendar/dates.ts";

/** A short note: what the school observed, not why (no medical details, §2). */
export const SICK_OBSERVATION_NOTE_MAX = 300;

export interface SickObservationInput {
  recordedOn: IsoDate;
  /** The last day the observation holds; open (null) while it lasts. */
  endDate: IsoDate | null;
  note: string;
}

export type SickObservationError =
  | "invalid_date"
  | "date_in_future"
  | "end_before_start"
  | "note_required"
  | "note_too_long";

export type SickObservationCheck =
  | { ok: true }
  | { ok: false; error: SickObservationError; message: string };

/** §4 SICK_NOTABLE: the observation is dated today or earlier, its end not before its start. */
export function checkSickObservation(
  input: SickObservationInput,
  today: IsoDate,
): SickObservationCheck {
  if (!isIsoDate(input.recordedOn) || (input.endDate !== null && !isIsoDate(input.endDate))) {
    return { ok: false, error: "invalid_date", message: "A date is not a valid date." };
  }
  if (input.recordedOn > today) {
    return {
      ok: false,
      error: "date_in_future",
      message: "An observation is recorded on the day it was made or later, not in advance.",
    };
  }
  if (input.endDate !== null && input.endDate < input.recordedOn) {
    return {
      ok: false,
      error: "end_before_start",
      message: "The end date lies before the date of the observation.",
    };
  }
  const note = input.note.trim();
  if (note.length === 0) {
    return { ok: false, error: "note_required", message: "Describe what was observed." };
  }
  if (note.length > SICK_OBSERVATION_NOTE_MAX) {
    return {
      ok: false,
      error: "note_too_long",
      message: `The note holds at most ${SICK_OBSERVATION_NOTE_MAX} characters.`,
    };
  }
  return { ok: true };
}
