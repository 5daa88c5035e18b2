// Inputs the daily run adds to signal-inputs.ts: the population rules' input for a subset of
// persons. (The SICK_NOTABLE observations are a unit's input in signal-inputs.ts itself.)
import type { SqlClient } from "../db/connect.ts";
import { loadPopulationInput } from "../db/queries/signal-inputs.ts";
import type { ExemptionKind, PopulationInput } from "../domain/signals/types.ts";

/** The population input for the given persons, or for everyone. */
export async function loadPopulationFor(
  sql: SqlClient,
  persons: ReadonlySet<string> | "all",
): Promise<PopulationInput> {
  if (persons === "all") return loadPopulationInput(sql);
  if (persons.size === 0) return { persons: [], enrolments: [], exemptions: [] };
  const ids = [...persons];
  const people = await sql.query<{
    person_id: string;
    birth_date: string;
    municipality: string;
    registered_from: string;
    start_qualification_date: string | null;
  }>(
    `select p.person_id, p.birth_date::text, p.municipality, p.registered_from::text,
            pu.start_qualification_date::text
     from population p left join pupils pu on pu.pupil_id = p.person_id
     where p.person_id = any($1::text[])`,
    [ids],
  );
  const enrolments = await sql.query<{
    pupil_id: string;
    school_id: string;
    start_date: string;
    end_date: string | null;
  }>(
    `select pupil_id, school_id, start_date::text, end_date::text from enrolments
     where pupil_id = any($1::text[])`,
    [ids],
  );
  const exemptions = await sql.query<{
    pupil_id: string;
    kind: ExemptionKind;
    start_date: string;
    end_date: string | null;
    advice_partnership: boolean;
    advice_doctor: boolean;
  }>(
    `select pupil_id, kind, start_date::text, end_date::text, advice_partnership, advice_doctor
     from exemptions where pupil_id = any($1::text[])`,
    [ids],
  );
  return {
    persons: people.map((p) => ({
      id: p.person_id,
      birthDate: p.birth_date,
      municipality: p.municipality,
      registeredFrom: p.registered_from,
      startQualificationDate: p.start_qualification_date,
    })),
    enrolments: enrolments.map((e) => ({
      pupilId: e.pupil_id,
      schoolId: e.school_id,
      startDate: e.start_date,
      endDate: e.end_date,
    })),
    exemptions: exemptions.map((x) => ({
      pupilId: x.pupil_id,
      kind: x.kind,
      startDate: x.start_date,
      endDate: x.end_date,
      advicePartnership: x.advice_partnership,
      adviceDoctor: x.advice_doctor,
    })),
  };
}
