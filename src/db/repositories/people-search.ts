// The people lookup of the set-up screens (issue 14 item 2: "a people lookup where a form now asks
// for an id"): active accounts whose name or e-mail address contains the term, with their roles
// and scopes, so a form offers a person instead of asking for an account id.
import { and, asc, ilike, inArray, isNull, or } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { roleAssignments, users } from "../schema/access.ts";

export interface PersonCandidate {
  id: string;
  name: string;
  email: string;
  roles: { role: string; scope: string | null }[];
}

const likeEscaped = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchPeople(
  orm: Orm,
  term: string,
  limit: number,
): Promise<PersonCandidate[]> {
  const pattern = `%${likeEscaped(term)}%`;
  const found = await orm
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(isNull(users.disabledAt), or(ilike(users.name, pattern), ilike(users.email, pattern))),
    )
    .orderBy(asc(users.name))
    .limit(limit);
  if (found.length === 0) return [];
  const roles = await orm
    .select()
    .from(roleAssignments)
    .where(
      inArray(
        roleAssignments.userId,
        found.map((u) => u.id),
      ),
    );
  return found.map((u) => ({
    ...u,
    roles: roles
      .filter((r) => r.userId === u.id)
      .map((r) => ({
        role: r.role,
        scope: r.schoolId ?? r.municipality ?? r.partnership ?? r.region ?? null,
      })),
  }));
}

/** An active account by id, for a member chosen in the lookup. */
export async function activePerson(orm: Orm, id: string): Promise<PersonCandidate | undefined> {
  const [user] = await orm
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(inArray(users.id, [id]));
  if (!user || user.disabledAt !== null) return undefined;
  return { id: user.id, name: user.name, email: user.email, roles: [] };
}
