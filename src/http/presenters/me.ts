// What a client learns about the logged-in user: identity, roles with their scopes, and the
// scopes merged per kind (what the web app uses to pick a school or municipality).
import { z } from "zod";
import type { RoleScope, UserWithRoles } from "../../db/repositories/users.ts";
import { CAPABILITIES, type Capability, capabilitiesOf } from "../../domain/policy/capabilities.ts";
import { isRoleCode, ROLE_CODES } from "../../domain/policy/roles.ts";

export const RoleAssignmentSchema = z
  .object({
    role: z.enum(ROLE_CODES),
    school_id: z.string().nullable(),
    municipality: z.string().nullable(),
    partnership: z.string().nullable(),
    region: z.string().nullable(),
    pupil_id: z.string().nullable().describe("parents: the child this role is for"),
  })
  .meta({ id: "RoleAssignment" });

const CapabilitiesSchema = z
  .object(
    Object.fromEntries(CAPABILITIES.map((c) => [c, z.boolean()])) as Record<
      Capability,
      z.ZodBoolean
    >,
  )
  .describe(
    "what the user may do in general, from the same rules every request is decided by " +
      "(src/domain/policy/capabilities.ts); each request is still authorized on its own",
  )
  .meta({ id: "Capabilities" });

export const MeSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    roles: z.array(RoleAssignmentSchema),
    scopes: z.object({
      school_ids: z.array(z.string()),
      municipalities: z.array(z.string()),
      partnerships: z.array(z.string()),
      regions: z.array(z.string()),
      pupil_ids: z.array(z.string()),
    }),
    capabilities: CapabilitiesSchema,
    authenticated_via: z.enum(["session", "token"]),
    csrf_token: z
      .string()
      .nullable()
      .describe("send as X-CSRF-Token with every state-changing request of this session"),
    today: z.iso.date().describe("the date the application works with (signals, clocks)"),
    demo_as_of: z.iso
      .date()
      .nullable()
      .describe("set when this is a demo database frozen at that date"),
  })
  .meta({ id: "Me" });

export type MeBody = z.infer<typeof MeSchema>;

function distinct(roles: RoleScope[], pick: (r: RoleScope) => string | null | undefined): string[] {
  const values = roles.map(pick).filter((v): v is string => typeof v === "string");
  return [...new Set(values)].sort();
}

/** The role assignments a client sees; a code the application does not know grants nothing. */
export function presentRoleAssignments(
  roles: readonly RoleScope[],
): z.infer<typeof RoleAssignmentSchema>[] {
  return roles.flatMap((r) =>
    isRoleCode(r.role)
      ? [
          {
            role: r.role,
            school_id: r.schoolId ?? null,
            municipality: r.municipality ?? null,
            partnership: r.partnership ?? null,
            region: r.region ?? null,
            pupil_id: r.pupilId ?? null,
          },
        ]
      : [],
  );
}

export function presentMe(
  user: UserWithRoles,
  via: "session" | "token",
  csrfToken: string | null,
  clock: { today: string; demoAsOf: string | undefined },
): MeBody {
  const roles = user.roles;
  const assignments = presentRoleAssignments(roles);
  return {
    user: { id: user.id, email: user.email, name: user.name },
    roles: assignments,
    scopes: {
      school_ids: distinct(roles, (r) => r.schoolId),
      municipalities: distinct(roles, (r) => r.municipality),
      partnerships: distinct(roles, (r) => r.partnership),
      regions: distinct(roles, (r) => r.region),
      pupil_ids: distinct(roles, (r) => r.pupilId),
    },
    capabilities: capabilitiesOf(assignments.map((a) => a.role)),
    authenticated_via: via,
    csrf_token: csrfToken,
    today: clock.today,
    demo_as_of: clock.demoAsOf ?? null,
  };
}
