// Changes made from the command line have no logged-in user: the audit trail records them with
// no user id and the role "cli", and the command in the context's route ("cli:admin create").
export const CLI_ACTOR = { userId: null, role: "cli" } as const;

export function cliContext(command: string, extra: Record<string, string> = {}) {
  return { route: `cli:${command}`, method: "CLI", ...extra };
}
