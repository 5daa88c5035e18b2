// The region's set-up (issue 14 item 2): the records the chain needs, each kept by the role that
// owns it (src/domain/policy/rules.ts, resource `region_setup`; docs: README "Regio inrichten").
import type { FastifyInstance } from "fastify";
import type { HttpContext } from "../context.ts";
import { registerArrangementSetupRoutes } from "./setup-arrangements.ts";
import { registerBreakthroughSetupRoutes } from "./setup-breakthrough-teams.ts";
import { registerBudgetSetupRoutes } from "./setup-budgets.ts";
import { registerExemptionSetupRoutes } from "./setup-exemptions.ts";
import { registerPlacementSetupRoutes } from "./setup-placements.ts";

export function registerSetupRoutes(app: FastifyInstance, ctx: HttpContext): void {
  registerBreakthroughSetupRoutes(app, ctx);
  registerExemptionSetupRoutes(app, ctx);
  registerArrangementSetupRoutes(app, ctx);
  registerPlacementSetupRoutes(app, ctx);
  registerBudgetSetupRoutes(app, ctx);
}
