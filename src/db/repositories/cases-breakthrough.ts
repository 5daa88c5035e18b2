// The standing breakthrough team per region and its agenda (domain.md §5 BREAKTHROUGH): the
// team (education, youth care, JGZ, leerplicht, Raad voor de Kinderbescherming,
// Veiligheidshuis, youth protection) meets on the cases put on its agenda.
import { and, asc, eq, isNull } from "drizzle-orm";
import type { IsoDate } from "../../domain/calendar/dates.ts";
import type { Orm } from "../connect.ts";
import { breakthroughAgenda, breakthroughTeamMembers, breakthroughTeams } from "../schema/cases.ts";

export interface TeamMember {
  discipline: string;
  name: string;
  organisation: string;
  userId: string | null;
}

export interface BreakthroughTeam {
  id: string;
  municipality: string;
  name: string;
  members: TeamMember[];
}

export async function createTeam(orm: Orm, team: BreakthroughTeam): Promise<void> {
  await orm
    .insert(breakthroughTeams)
    .values({ id: team.id, municipality: team.municipality, name: team.name });
  if (team.members.length > 0) {
    await orm
      .insert(breakthroughTeamMembers)
      .values(team.members.map((m, i) => ({ ...m, teamId: team.id, seq: i + 1 })));
  }
}

async function membersOf(orm: Orm, teamId: string): Promise<TeamMember[]> {
  return (
    orm
      .select({
        discipline: breakthroughTeamMembers.discipline,
        name: breakthroughTeamMembers.name,
        organisation: breakthroughTeamMembers.organisation,
        userId: breakthroughTeamMembers.userId,
      })
      .from(breakthroughTeamMembers)
      // Members who left the team (set-up screen) are no longer called to its meetings.
      .where(
        and(eq(breakthroughTeamMembers.teamId, teamId), isNull(breakthroughTeamMembers.endedOn)),
      )
      .orderBy(asc(breakthroughTeamMembers.seq))
  );
}

/** The teams that have the case on their agenda, with their members. */
export async function teamsWithCaseOnAgenda(orm: Orm, caseId: string): Promise<BreakthroughTeam[]> {
  const rows = await orm
    .selectDistinct({
      id: breakthroughTeams.id,
      municipality: breakthroughTeams.municipality,
      name: breakthroughTeams.name,
    })
    .from(breakthroughAgenda)
    .innerJoin(breakthroughTeams, eq(breakthroughTeams.id, breakthroughAgenda.teamId))
    .where(eq(breakthroughAgenda.caseId, caseId))
    .orderBy(asc(breakthroughTeams.id));
  const teams: BreakthroughTeam[] = [];
  for (const team of rows) teams.push({ ...team, members: await membersOf(orm, team.id) });
  return teams;
}

export async function teamForMunicipality(
  orm: Orm,
  municipality: string,
): Promise<BreakthroughTeam | undefined> {
  const [team] = await orm
    .select()
    .from(breakthroughTeams)
    .where(eq(breakthroughTeams.municipality, municipality))
    .orderBy(asc(breakthroughTeams.id))
    .limit(1);
  if (!team) return undefined;
  return { ...team, members: await membersOf(orm, team.id) };
}

export async function addToAgenda(
  orm: Orm,
  item: {
    teamId: string;
    caseId: string;
    addedOn: IsoDate;
    meetingDate: IsoDate | null;
    reason: string;
  },
): Promise<void> {
  await orm.insert(breakthroughAgenda).values(item).onConflictDoNothing();
}

export async function agendaOfCase(orm: Orm, caseId: string) {
  return orm
    .select({
      teamId: breakthroughAgenda.teamId,
      teamName: breakthroughTeams.name,
      addedOn: breakthroughAgenda.addedOn,
      meetingDate: breakthroughAgenda.meetingDate,
      reason: breakthroughAgenda.reason,
    })
    .from(breakthroughAgenda)
    .innerJoin(breakthroughTeams, eq(breakthroughTeams.id, breakthroughAgenda.teamId))
    .where(and(eq(breakthroughAgenda.caseId, caseId)))
    .orderBy(asc(breakthroughAgenda.addedOn));
}
