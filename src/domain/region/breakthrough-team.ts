// domain.md §5 BREAKTHROUGH: the standing team of a region meets on escalated cases with
// "education, youth care, JGZ, leerplicht, Raad voor de Kinderbescherming, Veiligheidshuis, youth
// protection". The codes are the Dutch names the register has always held.
export const BREAKTHROUGH_DISCIPLINES = [
  "onderwijs",
  "jeugdhulp",
  "jeugdgezondheidszorg",
  "leerplicht",
  "raad voor de kinderbescherming",
  "veiligheidshuis",
  "jeugdbescherming",
] as const;

export type BreakthroughDiscipline = (typeof BREAKTHROUGH_DISCIPLINES)[number];

export interface TeamMemberFacts {
  discipline: string;
  endedOn: string | null;
}

/** The disciplines of §5 that no active member covers: what the team still lacks. */
export function missingDisciplines(members: readonly TeamMemberFacts[]): BreakthroughDiscipline[] {
  const covered = new Set(members.filter((m) => m.endedOn === null).map((m) => m.discipline));
  return BREAKTHROUGH_DISCIPLINES.filter((d) => !covered.has(d));
}
