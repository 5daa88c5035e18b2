// How pupils and schools appear where people read them (issue 11, item 3): the name with its
// number or BRIN code — "Sanne de Vries (P000123)", "De Linde (12AB00)" —, the bare id only
// when the API sent no name.

function withId(name: string | null | undefined, id: string): string {
  const shown = name?.trim();
  if (!id) return shown ?? "";
  return shown ? `${shown} (${id})` : id;
}

export function formatPupil(pupil: { pupil_id: string; pupil_name?: string | null }): string {
  return withId(pupil.pupil_name, pupil.pupil_id);
}

export function formatSchool(school: { school_id: string; school_name?: string | null }): string {
  return withId(school.school_name, school.school_id);
}

/**
 * An organisation in a case (owner, participant, action owner): the case school's BRIN code
 * reads as the school's name with the code; any other organisation as it came.
 */
export function formatOrganisation(
  organisation: string,
  school?: { school_id: string; school_name?: string | null },
): string {
  return school && organisation === school.school_id ? formatSchool(school) : organisation;
}
