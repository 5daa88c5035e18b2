// The administration API (domain.md §2, functioneel beheerder): accounts and roles, schools and
// calendars, imports. Every endpoint is for app_admin only and audited (src/access gate on `administration`).
import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.ts";
import { registerAdminImportRoutes } from "./admin-imports.ts";
import { registerAdminSchoolRoutes } from "./admin-schools.ts";
import { registerAdminUserRoutes } from "./admin-users.ts";
import { registerImportMappingRoutes } from "./import-mappings.ts";
import { registerIntegrationImportRoutes } from "./integration-imports.ts";
import { registerRegionSettingsRoutes } from "./region-settings.ts";
import { registerServiceTokenRoutes } from "./service-tokens.ts";

export function registerAdminRoutes(app: FastifyInstance, ctx: HttpContext): void {
  registerAdminUserRoutes(app, ctx);
  registerAdminSchoolRoutes(app, ctx);
  const jobs = registerAdminImportRoutes(app, ctx);
  // Service tokens and the integrations' imports (interfaces.md "Versions and integrations"),
  // running on the same import jobs as the administration's uploads.
  registerServiceTokenRoutes(app, ctx);
  registerIntegrationImportRoutes(app, ctx, jobs);
  registerRegionSettingsRoutes(app, ctx);
  registerImportMappingRoutes(app, ctx);
}
