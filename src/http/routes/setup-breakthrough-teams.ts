// The breakthrough teams' composition (issue 14 item 2; domain.md §5 BREAKTHROUGH): the
// partnership (SWV) creates a municipality's standing team, renames it, adds members chosen with
// the people lookup (GET /api/people?q=) and ends a membership. The team is where the case
// director's convene hands a case to (commands/convene-breakthrough.ts): its active members with
// an account join the case. Creating a team and adding a member are the set-up services
// (src/services/region-setup.ts) the demo uses too. Every change is audited (setup-gate.ts).
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  endMember,
  findTeam,
  listTeams,
  renameTeam,
  type TeamRow,
} from "../../db/repositories/breakthrough-setup.ts";
import { searchPeople } from "../../db/repositories/people-search.ts";
import {
  BREAKTHROUGH_DISCIPLINES,
  missingDisciplines,
} from "../../domain/region/breakthrough-team.ts";
import { addBreakthroughTeamMember, createBreakthroughTeam } from "../../services/region-setup.ts";
import type { HttpContext } from "../context.ts";
import { RecordId, ShortText } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { today } from "./cases-http.ts";
import {
  authorizeSetup,
  recordSetupChange,
  type SetupAuditAction,
  viaService,
} from "./setup-gate.ts";

const TeamMemberSchema = z.object({
  seq: z.number().int(),
  discipline: z.string(),
  name: z.string(),
  organisation: z.string(),
  user_id: z.string().nullable().describe("the member's account: they join the cases convened"),
  ended_on: z.iso.date().nullable(),
});

const TeamSchema = z
  .object({
    id: z.string(),
    municipality: z.string(),
    name: z.string(),
    members: z.array(TeamMemberSchema),
    missing_disciplines: z
      .array(z.string())
      .describe("disciplines of domain.md §5 that no active member covers"),
  })
  .meta({ id: "BreakthroughTeam" });

const PersonSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.object({ role: z.string(), scope: z.string().nullable() })),
  })
  .meta({ id: "Person" });

const Name = ShortText.trim().min(1, "vul een naam in");

const NewTeamBody = z.object({
  municipality: Name.describe("the municipality of residence the team serves"),
  name: Name,
});

const NewMemberBody = z.object({
  discipline: z.enum(
    BREAKTHROUGH_DISCIPLINES,
    `kies een discipline: ${BREAKTHROUGH_DISCIPLINES.join(", ")}`,
  ),
  user_id: RecordId.optional().describe("the account chosen in the people lookup"),
  name: ShortText.trim().optional().describe("default: the account's name"),
  organisation: Name,
});

function presentTeam(team: TeamRow): z.infer<typeof TeamSchema> {
  return {
    id: team.id,
    municipality: team.municipality,
    name: team.name,
    members: team.members.map((m) => ({
      seq: m.seq,
      discipline: m.discipline,
      name: m.name,
      organisation: m.organisation,
      user_id: m.userId,
      ended_on: m.endedOn,
    })),
    missing_disciplines: missingDisciplines(team.members),
  };
}

export function registerBreakthroughSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;
  const gate = (
    request: Parameters<typeof authorizeSetup>[0],
    operation: SetupAuditAction,
    read?: true,
  ) =>
    authorizeSetup(request, ctx, {
      action: "manage_breakthrough_teams",
      operation,
      resourceType: "breakthrough_team",
      ...(read && { read }),
    });

  api.get(
    "/api/people",
    {
      schema: {
        summary: "Find people (active accounts) by name or e-mail address, for set-up forms",
        tags: ["setup"],
        querystring: z.object({
          q: ShortText.trim().min(2, "minstens 2 tekens").max(100, "hoogstens 100 tekens"),
        }),
        response: { 200: z.array(PersonSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "search_people");
      // Parents are no members of a professional team; their scope would name their child.
      const people = (await searchPeople(orm, request.query.q, 40))
        .filter((p) => !p.roles.some((r) => r.role === "parent"))
        .slice(0, 20);
      await recordSetupChange(orm, allowed, {
        operation: "search_people",
        resourceType: "person",
        resourceId: null,
        context: { found: String(people.length) },
      });
      return people;
    },
  );

  api.get(
    "/api/breakthrough-teams",
    {
      schema: {
        summary: "The region's breakthrough teams with their members (partnership)",
        tags: ["setup"],
        response: { 200: z.array(TeamSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      // The teams name no pupil; their read is audited by the gate (issue 12).
      await gate(request, "list_breakthrough_teams", true);
      return (await listTeams(orm)).map(presentTeam);
    },
  );

  api.post(
    "/api/breakthrough-teams",
    {
      schema: {
        summary: "Create a municipality's standing breakthrough team (partnership)",
        tags: ["setup"],
        body: NewTeamBody,
        response: { 201: TeamSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "create_breakthrough_team");
      const id = await viaService(() =>
        ctx.db.transaction((tx) => createBreakthroughTeam(tx, allowed, request.body, today(ctx))),
      );
      reply.code(201);
      return presentTeam((await findTeam(orm, id))!);
    },
  );

  api.patch(
    "/api/breakthrough-teams/:id",
    {
      schema: {
        summary: "Rename a breakthrough team (partnership)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: z.object({ name: Name }),
        response: { 200: TeamSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "update_breakthrough_team");
      const team = await findTeam(orm, request.params.id);
      if (!team) throw notFound("Geen doorbraakteam met deze id.");
      await ctx.db.transaction(async (tx) => {
        await renameTeam(tx.orm, team.id, request.body.name);
        await recordSetupChange(tx.orm, allowed, {
          operation: "update_breakthrough_team",
          resourceType: "breakthrough_team",
          resourceId: team.id,
        });
      });
      return presentTeam((await findTeam(orm, team.id))!);
    },
  );

  api.post(
    "/api/breakthrough-teams/:id/members",
    {
      schema: {
        summary: "Add a member to a breakthrough team, chosen with the people lookup (partnership)",
        tags: ["setup"],
        params: z.object({ id: RecordId }),
        body: NewMemberBody,
        response: { 201: TeamSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const allowed = await gate(request, "add_team_member");
      const body = request.body;
      await viaService(() =>
        ctx.db.transaction((tx) =>
          addBreakthroughTeamMember(tx, allowed, request.params.id, {
            discipline: body.discipline,
            organisation: body.organisation,
            userId: body.user_id,
            ...(body.name ? { name: body.name } : {}),
          }),
        ),
      );
      reply.code(201);
      return presentTeam((await findTeam(orm, request.params.id))!);
    },
  );

  api.post(
    "/api/breakthrough-teams/:id/members/:seq/end",
    {
      schema: {
        summary: "End a membership of a breakthrough team today (partnership)",
        tags: ["setup"],
        params: z.object({ id: RecordId, seq: z.coerce.number().int().min(1) }),
        response: { 200: TeamSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const allowed = await gate(request, "end_team_member");
      const team = await findTeam(orm, request.params.id);
      const member = team?.members.find((m) => m.seq === request.params.seq);
      if (!team || !member) throw notFound("Geen lid met dit nummer in dit doorbraakteam.");
      if (member.endedOn !== null) {
        throw new HttpProblem(409, `${member.name} is al uit het team sinds ${member.endedOn}.`);
      }
      await ctx.db.transaction(async (tx) => {
        await endMember(tx.orm, team.id, member.seq, today(ctx));
        await recordSetupChange(tx.orm, allowed, {
          operation: "end_team_member",
          resourceType: "breakthrough_team",
          resourceId: team.id,
          context: { seq: String(member.seq) },
        });
      });
      return presentTeam((await findTeam(orm, team.id))!);
    },
  );
}
