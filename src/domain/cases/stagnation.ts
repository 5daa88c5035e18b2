// domain.md §5: "Escalation is never only automatic: anyone in the case can flag stagnation
// (with its cause)". An open flag is what makes an early breakthrough "recognised stagnation";
// resolving a flag keeps it in the record (stagnation by cause is a monitor figure, §7).
import type { IsoDate } from "../calendar/dates.ts";
import type { Case, CaseActor, StagnationCause } from "./model.ts";
import { err, type Result } from "./result.ts";

export type StagnationError = "case_closed" | "note_required" | "unknown_flag" | "already_resolved";

export function flagStagnation(
  c: Case,
  flag: { id: string; cause: StagnationCause; note: string },
  by: CaseActor,
  at: IsoDate,
): Result<{ case: Case }, StagnationError> {
  if (c.phase === "CLOSED") return err("case_closed", "A closed case cannot stagnate.");
  // "other" says nothing on its own; the note is what the team will act on.
  if (flag.cause === "other" && flag.note.trim() === "") {
    return err("note_required", "Stagnation with cause 'other' needs a description.");
  }
  const stagnationFlags = [...c.stagnationFlags, { ...flag, flaggedAt: at, by }];
  return { ok: true, case: { ...c, stagnationFlags } };
}

export function resolveStagnation(
  c: Case,
  flagId: string,
  at: IsoDate,
): Result<{ case: Case }, StagnationError> {
  const flag = c.stagnationFlags.find((f) => f.id === flagId);
  if (!flag) return err("unknown_flag", "No such stagnation flag.");
  if (flag.resolvedAt) return err("already_resolved", "The flag is resolved already.");
  const stagnationFlags = c.stagnationFlags.map((f) =>
    f.id === flagId ? { ...f, resolvedAt: at } : f,
  );
  return { ok: true, case: { ...c, stagnationFlags } };
}
