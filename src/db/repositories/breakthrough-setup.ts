// The breakthrough teams' composition (domain.md §5), kept by the partnership through the set-up
// screen (routes/setup-breakthrough-teams.ts). Members leave by an end date, never by deletion:
// the case files name who sat on the team when it met.
import { and, asc, eq, max } from "drizzle-orm";
import type { Orm } from "../connect.ts";
import { breakthroughTeamMembers, breakthroughTeams } from "../schema/cases.ts";

export interface TeamMemberRow {
  seq: number;
  discipline: string;
  name: string;
  organisation: string;
  userId: string | null;
  endedOn: string | null;
}

export interface TeamRow {
  id: string;
  municipality: string;
  name: string;
  members: TeamMemberRow[];
}

export async function listTeams(orm: Orm): Promise<TeamRow[]> {
  const teams = await orm.select().from(breakthroughTeams).orderBy(asc(breakthroughTeams.name));
  const members = await orm
    .select()
    .from(breakthroughTeamMembers)
    .orderBy(asc(breakthroughTeamMembers.teamId), asc(breakthroughTeamMembers.seq));
  return teams.map((t) => ({
    ...t,
    members: members
      .filter((m) => m.teamId === t.id)
      .map((m) => ({
        seq: m.seq,
        discipline: m.discipline,
        name: m.name,
        organisation: m.organisation,
        userId: m.userId,
        endedOn: m.endedOn,
      })),
  }));
}

export async function findTeam(orm: Orm, id: string): Promise<TeamRow | undefined> {
  return (await listTeams(orm)).find((t) => t.id === id);
}

export async function teamIdOfMunicipality(
  orm: Orm,
  municipality: string,
): Promise<string | undefined> {
  const [row] = await orm
    .select({ id: breakthroughTeams.id })
    .from(breakthroughTeams)
    .where(eq(breakthroughTeams.municipality, municipality))
    .limit(1);
  return row?.id;
}

export async function insertTeam(
  orm: Orm,
  team: { id: string; municipality: string; name: string },
): Promise<void> {
  await orm.insert(breakthroughTeams).values(team);
}

export async function renameTeam(orm: Orm, id: string, name: string): Promise<void> {
  await orm.update(breakthroughTeams).set({ name }).where(eq(breakthroughTeams.id, id));
}

/** Adds a member after the last one; returns its sequence number. */
export async function insertMember(
  orm: Orm,
  teamId: string,
  member: { discipline: string; name: string; organisation: string; userId: string | null },
): Promise<number> {
  const [last] = await orm
    .select({ seq: max(breakthroughTeamMembers.seq) })
    .from(breakthroughTeamMembers)
    .where(eq(breakthroughTeamMembers.teamId, teamId));
  const seq = (last?.seq ?? 0) + 1;
  await orm.insert(breakthroughTeamMembers).values({ ...member, teamId, seq, endedOn: null });
  return seq;
}

export async function endMember(
  orm: Orm,
  teamId: string,
  seq: number,
  endedOn: string,
): Promise<void> {
  await orm
    .update(breakthroughTeamMembers)
    .set({ endedOn })
    .where(and(eq(breakthroughTeamMembers.teamId, teamId), eq(breakthroughTeamMembers.seq, seq)));
}
