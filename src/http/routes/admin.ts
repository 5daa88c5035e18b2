// The administration API (domain.md §2, functioneel beheerder): accounts and roles, schools and
// calendars, imports. Every endpoint is for app_admin only and audited (admin-gate.ts).
import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.ts";
import { registerAdminImportRoutes } from "./admin-imports.ts";
import { registerAdminSchoolRoutes } from "./admin-schools.ts";
import { registerAdminUserRoutes } from "./admin-users.ts";
import { registerRegionSettingsRoutes } from "./region-settings.ts";

export function registerAdminRoutes(app: FastifyInstance, ctx: HttpContext): void {
  registerAdminUserRoutes(app, ctx);
  registerAdminSchoolRoutes(app, ctx);
  registerAdminImportRoutes(app, ctx);
  registerRegionSettingsRoutes(app, ctx);
}
