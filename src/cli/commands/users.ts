// `aanwezig users list` and `aanwezig users disable --email E` (issue 14): the accounts of the
// installation from the command line, for the administrator of a real region.
import type { Command } from "commander";
import { type AccountRow, listAccounts } from "../../db/repositories/admin.ts";
import type { RoleScope } from "../../db/repositories/users.ts";
import { csvText } from "../../domain/export/spreadsheet-csv.ts";
import { disableUserByEmail } from "../../services/disable-user.ts";
import { globalOptions, type OutputFormat, withDatabase } from "../context.ts";
import { BadInputError } from "../errors.ts";

export function registerUsers(program: Command): void {
  const users = program.command("users").description("the accounts of this installation");
  users
    .command("list")
    .description("lists every account with its roles (--format json|csv)")
    .action(async (_opts, command: Command) => {
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        process.stdout.write(renderAccounts(await listAccounts(db.orm), format));
      });
    });
  users
    .command("disable")
    .description("disables an account: it can no longer log in and its sessions end")
    .requiredOption("--email <email>", "the account's e-mail address")
    .action(async (opts: { email: string }, command: Command) => {
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        const outcome = await disableUserByEmail(db, opts.email);
        if (!outcome.ok) throw new BadInputError(outcome.message);
        if (format === "json") {
          const { id, email, alreadyDisabled } = outcome;
          console.log(
            JSON.stringify({ id, email, disabled: true, already_disabled: alreadyDisabled }),
          );
        } else if (outcome.alreadyDisabled) {
          console.log(`account ${outcome.email} was al uitgeschakeld`);
        } else {
          console.log(
            `account ${outcome.email} uitgeschakeld: inloggen kan niet meer, sessies en API-tokens zijn beëindigd`,
          );
        }
      });
    });
}

/** "care_coordinator:12AB00": the role with the one scope it has, if any. */
function roleLabel(r: RoleScope): string {
  const scope = r.schoolId ?? r.municipality ?? r.partnership ?? r.region ?? r.pupilId;
  return scope ? `${r.role}:${scope}` : r.role;
}

export function renderAccounts(accounts: AccountRow[], format: OutputFormat): string {
  if (format === "json") {
    const rows = accounts.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      roles: a.roles.map((r) => r.role),
      scopes: a.roles.map(roleLabel),
      disabled: a.disabledAt !== null,
    }));
    return `${JSON.stringify(rows)}\n`;
  }
  const rows = accounts.map((a) => [
    a.id,
    a.email,
    a.name,
    a.roles.map(roleLabel).join(","),
    a.disabledAt !== null ? "ja" : "nee",
  ]);
  if (format === "csv") {
    return csvText(
      ["id", "email", "name", "roles", "disabled"],
      accounts.map((a, i) => [...rows[i]!.slice(0, 4), a.disabledAt !== null]),
    );
  }
  if (accounts.length === 0) {
    return "geen accounts; maak de eerste beheerder met: aanwezig admin create --email E --name N\n";
  }
  const header = ["id", "e-mail", "naam", "rollen", "uitgeschakeld"];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n${accounts.length} accounts\n`;
}
