// Changes made from the command line have no logged-in user: the audit trail records them with
// no user id and the role "cli", and the command in the context's route ("cli:admin create").
// The command line decides nothing (whoever holds the database is trusted): its changes are
// allowed events that name it, written with recordAllowed (src/access/gate.ts).
import type { AllowedBy } from "../access/index.ts";

export const CLI_ACTOR = { userId: null, role: "cli" } as const;

export function cliContext(command: string, extra: Record<string, string> = {}) {
  return { route: `cli:${command}`, method: "CLI", ...extra };
}

/** The command line as the author of an allowed change, for recordAllowed. */
export function cliCaller(command: string, extra: Record<string, string> = {}): AllowedBy {
  return { ...CLI_ACTOR, context: cliContext(command, extra) };
}
