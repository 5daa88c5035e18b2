// The zod building blocks for what a route takes (issue 13, docs/security.md "Input hygiene"):
// identifiers by kind and text by kind, each with its pattern and length, so every route checks
// them alike and the OpenAPI document states them. The characters no input may hold at all are
// refused earlier, for every field, by input-hygiene.ts.
import { z } from "zod";
import {
  PUPIL_ID_MAX_LENGTH,
  PUPIL_ID_PATTERN,
  RECORD_ID_MAX_LENGTH,
  RECORD_ID_PATTERN,
  SCHOOL_ID_PATTERN,
} from "../domain/input/identifiers.ts";
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from "../domain/input/lengths.ts";

export { LONG_TEXT_MAX, SHORT_TEXT_MAX };

/** A school: BRIN + vestiging (interfaces.md), e.g. `12AB00`. */
export const SchoolId = z
  .string()
  .max(6, "een schoolcode heeft 6 tekens")
  .regex(SCHOOL_ID_PATTERN, "geen schoolcode: BRIN + vestiging, bijvoorbeeld 12AB00")
  .describe("BRIN + vestiging, e.g. 12AB00");

/** A pupil or a registered person: one pseudonymous id space (interfaces.md), e.g. `P000123`. */
export const PupilId = z
  .string()
  .min(1, "leeg")
  .max(PUPIL_ID_MAX_LENGTH, `hoogstens ${PUPIL_ID_MAX_LENGTH} tekens`)
  .regex(
    PUPIL_ID_PATTERN,
    "geen leerling-id: letters, cijfers, . _ of -, beginnend met een letter of cijfer",
  )
  .describe("pseudonymous pupil/person id, e.g. P000123");

/**
 * An id the application hands out: a case, document, action, meeting decision, account (also the
 * person id of a case participant or action owner, which is an account id) or signal state.
 */
export const RecordId = z
  .string()
  .min(1, "leeg")
  .max(RECORD_ID_MAX_LENGTH, `hoogstens ${RECORD_ID_MAX_LENGTH} tekens`)
  .regex(RECORD_ID_PATTERN, "geen geldige id")
  .describe("an id issued by Aanwezig (UUID or readable id)");

/** One line of text — a name, organisation, subject: no tab or line break, at most 200. */
export const ShortText = z
  .string()
  .max(SHORT_TEXT_MAX, `hoogstens ${SHORT_TEXT_MAX} tekens`)
  .regex(/^[^\t\n\r]*$/, "één regel, zonder tab of regeleinde");

/** Free text — a note, reason, description: tabs and line breaks allowed, at most 10,000. */
export const LongText = z.string().max(LONG_TEXT_MAX, `hoogstens ${LONG_TEXT_MAX} tekens`);
