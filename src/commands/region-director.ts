// domain.md §5: the case director "holds the case from week 4". A hand-over to the case director
// that names nobody (the school's form, the daily job at week 4) goes to the case director
// mandated for the pupil's residence municipality, so the case reaches someone who can see it
// (a case director reads a case only as its participant).
import type { Database } from "../db/connect.ts";
import { caseDirectorsOf } from "../db/repositories/cases-pupil.ts";
import type { CaseCommand } from "../domain/cases/commands.ts";
import { casePersonOf } from "./case-person.ts";

/** The hand-over with the municipality's first case director as new owner, when none was named. */
export async function withRegionDirector(
  orm: Database["orm"],
  command: CaseCommand,
  municipality: string,
): Promise<CaseCommand> {
  if (command.type !== "hand_to_director" || command.newOwner) return command;
  const [directorId] = await caseDirectorsOf(orm, municipality);
  const director = directorId ? await casePersonOf(orm, directorId, "case_director") : undefined;
  return director ? { ...command, newOwner: director } : command;
}
