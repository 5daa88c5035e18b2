// The identifiers of interfaces.md ("Canonical CSV files"), as patterns every edge checks before
// an id reaches a query: a school is BRIN + vestiging; pupils and registered persons share one
// pseudonymous id space. Plain ASCII on purpose: an id with an invisible or look-alike character
// would be a second, different "same" pupil (issue 13).

/** BRIN (two digits, two capital letters) + a two-digit vestiging number, e.g. `12AB00`. */
export const SCHOOL_ID_PATTERN = /^[0-9]{2}[A-Z]{2}[0-9]{2}$/;

export const PUPIL_ID_MAX_LENGTH = 64;
/**
 * A pupil's or person's pseudonymous id from the source system, e.g. `P000123`: a letter or
 * digit, then letters, digits, `.`, `_` or `-`, at most 64 characters. Never a BSN by contract,
 * but the pattern cannot tell; the import's checks and the DPIA cover that.
 */
export const PUPIL_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const RECORD_ID_MAX_LENGTH = 64;
/**
 * An id this application hands out (case, document, plan action, account: UUIDs or readable
 * ids such as `doorbraakteam-1`; a signal state `LEGAL_16H:12`): the pupil id's alphabet plus `:`.
 */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

export const isSchoolId = (value: string): boolean => SCHOOL_ID_PATTERN.test(value);
export const isPupilId = (value: string): boolean => PUPIL_ID_PATTERN.test(value);
