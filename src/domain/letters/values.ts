// Issue 16 item 1: the values of a letter's fields, from the case, the pupil and what the
// professional typed in. Only the names of LETTER_FIELDS are filled; typed-in values only for
// `invoer.*` fields, so no input can overwrite what the case says.
import { dutchDate, INPUT_FIELD_NAMES, type LetterFieldName, type LetterValues } from "./fields.ts";

export interface LetterFacts {
  regionName: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  schoolName: string;
  firstContactName: string | null;
  caseId: string;
  absenceStartDate: string;
  senderName: string;
  today: string;
}

/** The case's short reference on a letter: the first 8 characters of its id, upper case. */
export function caseReference(caseId: string): string {
  return caseId.replaceAll("-", "").slice(0, 8).toUpperCase();
}

export function letterValues(
  facts: LetterFacts,
  inputs: Partial<Record<string, string>>,
): LetterValues {
  const values: LetterValues = {
    vandaag: dutchDate(facts.today),
    "regio.naam": facts.regionName,
    "leerling.naam": `${facts.givenName} ${facts.familyName}`,
    "leerling.voornaam": facts.givenName,
    "leerling.geboortedatum": dutchDate(facts.birthDate),
    "school.naam": facts.schoolName,
    "ouder.naam": facts.firstContactName ?? "ouder(s) of verzorger(s)",
    "zaak.kenmerk": caseReference(facts.caseId),
    "zaak.begin_verzuim": dutchDate(facts.absenceStartDate),
    "afzender.naam": facts.senderName,
  };
  for (const f of INPUT_FIELD_NAMES) {
    const v = inputs[f]?.trim();
    if (v) values[f] = v;
  }
  return values;
}

/** The typed-in fields a template uses that have no value yet. */
export function missingInputs(
  fields: readonly LetterFieldName[],
  values: LetterValues,
): LetterFieldName[] {
  return fields.filter((f) => (INPUT_FIELD_NAMES as string[]).includes(f) && !values[f]);
}
