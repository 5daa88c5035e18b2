// Accounts and roles (administration, app_admin only): list, create with one scoped role,
// deactivate. Which scope a role needs follows domain.md §2 (school staff by school, leerplicht
// and the municipal professionals by municipality, the partnership by its code, a parent by
// child); GET /api/admin/roles tells the web app, so the rule lives here only.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AccountRow,
  deactivateAccount,
  emailInUse,
  findAccount,
  listAccounts,
  pupilExists,
  schoolExists,
} from "../../db/repositories/admin.ts";
import { createUser, normaliseEmail, type RoleScope } from "../../db/repositories/users.ts";
import { ROLE_CODES } from "../../domain/policy/roles.ts";
import { judgeNewPassword } from "../../services/password-policy.ts";
import type { HttpContext } from "../context.ts";
import {
  type AccountBody,
  AccountSchema,
  type NewAccountBody,
  NewAccountSchema,
  RoleScopeKindsSchema,
  SCOPE_OF_ROLE,
} from "../presenters/admin.ts";
import { presentRoleAssignments } from "../presenters/me.ts";
import { HttpProblem, notFound, problem, problemResponses } from "../problem.ts";
import { administer } from "./admin-gate.ts";

function presentAccount(a: AccountRow): AccountBody {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    active: a.disabledAt === null,
    created_at: a.createdAt.toISOString(),
    disabled_at: a.disabledAt?.toISOString() ?? null,
    roles: presentRoleAssignments(a.roles),
  };
}

/** A scope that does not fit the role; the detail names the field. */
function invalid(field: string, message: string): HttpProblem {
  return problem("validation", `${field}: ${message}`);
}

export function registerAdminUserRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;

  api.get(
    "/api/admin/roles",
    {
      schema: {
        summary: "Role codes with the kind of scope each needs (administration)",
        tags: ["administration"],
        response: { 200: RoleScopeKindsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await administer(request, ctx, "manage_users", {
        action: "list_roles",
        resourceType: "role",
        resourceId: null,
      });
      return ROLE_CODES.map((role) => ({ role, scope: SCOPE_OF_ROLE[role] }));
    },
  );

  api.get(
    "/api/admin/users",
    {
      schema: {
        summary: "Every account with its roles and scopes (administration)",
        tags: ["administration"],
        response: { 200: z.array(AccountSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await administer(request, ctx, "manage_users", {
        action: "list_users",
        resourceType: "user",
        resourceId: null,
      });
      return (await listAccounts(orm)).map(presentAccount);
    },
  );

  api.post(
    "/api/admin/users",
    {
      schema: {
        summary: "Create an account with one role and its scope (administration)",
        tags: ["administration"],
        body: NewAccountSchema,
        response: { 201: AccountSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      await administer(request, ctx, "manage_users", {
        action: "create_user",
        resourceType: "user",
        resourceId: null,
        context: { email: normaliseEmail(body.email), role: body.role },
      });
      const scope = await scopeOf(body);
      if (await emailInUse(orm, normaliseEmail(body.email))) {
        throw new HttpProblem(409, "An account with this e-mail address exists already.");
      }
      if (body.password !== undefined) {
        const verdict = await judgeNewPassword(body.password, body);
        if (!verdict.ok) throw invalid("password", verdict.message);
      }
      const created = await createUser(orm, {
        email: body.email,
        name: body.name,
        ...(body.password === undefined ? {} : { password: body.password }),
        roles: [scope],
      });
      const account = await findAccount(orm, created.id);
      reply.code(201);
      return presentAccount(account!);
    },
  );

  api.post(
    "/api/admin/users/:id/deactivate",
    {
      schema: {
        summary: "Deactivate an account: its sessions and API tokens end at once (administration)",
        tags: ["administration"],
        params: z.object({ id: z.uuid() }),
        response: { 200: AccountSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const id = request.params.id;
      const actor = await administer(request, ctx, "manage_users", {
        action: "deactivate_user",
        resourceType: "user",
        resourceId: id,
      });
      if (id === actor.userId) {
        throw new HttpProblem(409, "You cannot deactivate your own account.");
      }
      const account = await findAccount(orm, id);
      if (!account) throw notFound("No such account.");
      if (account.disabledAt !== null) {
        throw new HttpProblem(409, "This account is deactivated already.");
      }
      await deactivateAccount(orm, id, ctx.now());
      return presentAccount((await findAccount(orm, id))!);
    },
  );

  async function scopeOf(body: NewAccountBody): Promise<RoleScope> {
    const kind = SCOPE_OF_ROLE[body.role];
    const fields = {
      school: "school_id",
      municipality: "municipality",
      partnership: "partnership",
      pupil: "pupil_id",
    } as const;
    for (const [k, field] of Object.entries(fields)) {
      if (k !== kind && body[field] !== undefined) {
        throw invalid(field, `The role ${body.role} takes no ${field}.`);
      }
    }
    switch (kind) {
      case "none":
        return { role: body.role };
      case "school": {
        const schoolId = body.school_id;
        if (!schoolId) throw invalid("school_id", "This role needs a school.");
        if (!(await schoolExists(orm, schoolId))) throw invalid("school_id", "Unknown school.");
        return { role: body.role, schoolId };
      }
      case "pupil": {
        const pupilId = body.pupil_id;
        if (!pupilId) throw invalid("pupil_id", "A parent account needs the child's pupil id.");
        if (!(await pupilExists(orm, pupilId))) throw invalid("pupil_id", "Unknown pupil.");
        return { role: body.role, pupilId };
      }
      case "municipality":
        if (!body.municipality) throw invalid("municipality", "This role needs a municipality.");
        return { role: body.role, municipality: body.municipality };
      case "partnership":
        if (!body.partnership) throw invalid("partnership", "This role needs a partnership.");
        return { role: body.role, partnership: body.partnership };
    }
  }
}
