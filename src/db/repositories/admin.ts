// What the application admin (functioneel beheerder, domain.md §2) manages: accounts with their
// roles, the schools with their timetables and closures, and the import log. Accounts are never
// deleted (the audit trail names them); deactivating ends their sessions and API tokens at once.
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { apiTokens, roleAssignments, sessions, users } from "../schema/access.ts";
import { closures, importLog, pupils, schools } from "../schema/region.ts";
import { ROLE_SCOPE_COLUMNS, type RoleScope } from "./users.ts";

export interface AccountRow {
  id: string;
  email: string;
  name: string;
  createdAt: Date;
  disabledAt: Date | null;
  roles: RoleScope[];
}

export async function listAccounts(orm: Orm): Promise<AccountRow[]> {
  const rows = await orm
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .orderBy(asc(users.email));
  const roles = await orm
    .select({ userId: roleAssignments.userId, ...ROLE_SCOPE_COLUMNS })
    .from(roleAssignments)
    .orderBy(asc(roleAssignments.id));
  const byUser = new Map<string, RoleScope[]>();
  for (const { userId, ...scope } of roles) {
    byUser.set(userId, [...(byUser.get(userId) ?? []), scope]);
  }
  return rows.map((r) => ({ ...r, roles: byUser.get(r.id) ?? [] }));
}

export async function findAccount(orm: Orm, id: string): Promise<AccountRow | undefined> {
  return (await listAccounts(orm)).find((a) => a.id === id);
}

export async function emailInUse(orm: Orm, email: string): Promise<boolean> {
  const rows = await orm.select({ id: users.id }).from(users).where(eq(users.email, email));
  return rows.length > 0;
}

/** Marks the account disabled and ends every way it could still act. False if none was active. */
export async function deactivateAccount(orm: Orm, id: string, at: Date): Promise<boolean> {
  const changed = await orm
    .update(users)
    .set({ disabledAt: at })
    .where(and(eq(users.id, id), isNull(users.disabledAt)))
    .returning({ id: users.id });
  if (changed.length === 0) return false;
  await orm.delete(sessions).where(eq(sessions.userId, id));
  await orm
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, id), isNull(apiTokens.revokedAt)));
  return true;
}

export async function schoolExists(orm: Orm, schoolId: string): Promise<boolean> {
  const rows = await orm
    .select({ id: schools.schoolId })
    .from(schools)
    .where(eq(schools.schoolId, schoolId));
  return rows.length > 0;
}

export async function pupilExists(orm: Orm, pupilId: string): Promise<boolean> {
  const rows = await orm
    .select({ id: pupils.pupilId })
    .from(pupils)
    .where(eq(pupils.pupilId, pupilId));
  return rows.length > 0;
}

export type SchoolRow = typeof schools.$inferSelect & {
  closures: { scope: string; startDate: string; endDate: string; name: string }[];
};

/** Every school with the closures that apply to it (its own, its holiday region's, all). */
export async function listSchoolsWithClosures(orm: Orm): Promise<SchoolRow[]> {
  const rows = await orm.select().from(schools).orderBy(asc(schools.schoolId));
  const all = await orm
    .select()
    .from(closures)
    .orderBy(asc(closures.startDate), asc(closures.scope));
  return rows.map((s) => ({
    ...s,
    closures: all.filter(
      (c) => c.scope === "all" || c.scope === s.holidayRegion || c.scope === s.schoolId,
    ),
  }));
}

export type ImportLogRow = typeof importLog.$inferSelect;

export async function listImportLog(
  orm: Orm,
  options: { limit: number; id?: number },
): Promise<ImportLogRow[]> {
  return orm
    .select()
    .from(importLog)
    .where(options.id === undefined ? undefined : eq(importLog.id, options.id))
    .orderBy(desc(importLog.id))
    .limit(options.limit);
}
