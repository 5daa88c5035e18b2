// How long a text may be, for every edge alike (issue 13): the HTTP schemas and the CSV import.

/** One line of text: a name, organisation, subject. */
export const SHORT_TEXT_MAX = 200;
/** Free text: a note, reason, description. */
export const LONG_TEXT_MAX = 10_000;
