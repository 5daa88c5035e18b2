// GET/PUT /api/admin/region-settings (issue 14 item 1; domain.md §2: the functioneel beheerder
// keeps the regional policy settings): the region's name, municipalities, holiday region, school
// year, clock mode and signal profile. Saved through services/region-settings.ts, the same path
// the CLI (`aanwezig region set`) and the demo use; read by every path that evaluates signals.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  readRegionSettings,
  type StoredRegionSettings,
} from "../../db/repositories/region-settings.ts";
import {
  BUILT_IN_PROFILE_NAMES,
  CLOCK_MODES,
  HOLIDAY_REGIONS,
  regionSettingsInputSchema,
} from "../../domain/region/settings.ts";
import { regionalProfileSchema } from "../../domain/signals/profiles.ts";
import { saveRegionSettings } from "../../services/region-settings.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, problemResponses } from "../problem.ts";
import { today } from "./cases-http.ts";
import { authorizeSetup } from "./setup-gate.ts";

export const RegionSettingsSchema = z
  .object({
    name: z.string(),
    municipalities: z.array(z.string()),
    holiday_region: z.enum(HOLIDAY_REGIONS),
    school_year: z.string().describe("e.g. 2025-2026 (1 August – 31 July)"),
    clock_mode: z.enum(CLOCK_MODES).describe("what new cases count their clock in (domain.md §5)"),
    signal_profile: z
      .union([z.enum(BUILT_IN_PROFILE_NAMES), z.looseObject(regionalProfileSchema.shape)])
      .describe("default, mazl, or a regional profile { name, base, overrides }"),
    configured: z.boolean().describe("false until saved: the built-in defaults hold"),
    updated_at: z.string().nullable(),
    updated_by: z.string().nullable(),
  })
  .meta({ id: "RegionSettings" });

export function presentRegionSettings(
  s: StoredRegionSettings,
): z.infer<typeof RegionSettingsSchema> {
  return {
    name: s.name,
    municipalities: s.municipalities,
    holiday_region: s.holidayRegion,
    school_year: s.schoolYear,
    clock_mode: s.clockMode,
    signal_profile: s.signalProfile as z.infer<typeof RegionSettingsSchema>["signal_profile"],
    configured: s.configured,
    updated_at: s.updatedAt,
    updated_by: s.updatedBy,
  };
}

export function registerRegionSettingsRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    "/api/admin/region-settings",
    {
      schema: {
        summary: "The region's settings: name, municipalities, calendar, clock, signal profile",
        tags: ["administration"],
        response: { 200: RegionSettingsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "read_region_settings",
        resourceType: "region_settings",
        read: true,
      });
      return presentRegionSettings(await readRegionSettings(ctx.db.sql, today(ctx)));
    },
  );

  api.put(
    "/api/admin/region-settings",
    {
      schema: {
        summary: "Save the region's settings (every path uses them from then on)",
        tags: ["administration"],
        body: regionSettingsInputSchema,
        response: { 200: RegionSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const gate = await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "save_region_settings",
        resourceType: "region_settings",
      });
      const saved = await saveRegionSettings(ctx.db, request.body, gate, today(ctx), ctx.now());
      if (!saved.ok) {
        throw new HttpProblem(400, "De regio-instellingen zijn niet opgeslagen.", {
          type: "urn:aanwezig:problem:validation",
          errors: saved.errors.map((e) => ({ in: "body", path: e.path, message: e.message })),
        });
      }
      return presentRegionSettings(saved.settings);
    },
  );
}
