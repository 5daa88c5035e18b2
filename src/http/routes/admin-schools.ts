// Schools and calendars (administration, app_admin only): each school with its scheduled
// minutes per weekday and the closures that apply to it (domain.md §3: scheduled time is the
// timetable minus holidays and closed days). Changes come in through the imports.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { listSchoolsWithClosures } from "../../db/repositories/admin.ts";
import type { HttpContext } from "../context.ts";
import { AdminSchoolSchema } from "../presenters/admin.ts";
import { problemResponses } from "../problem.ts";
import { administer } from "./admin-gate.ts";

export function registerAdminSchoolRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/admin/schools",
    {
      schema: {
        summary: "Schools with weekday minutes and their closures (administration)",
        tags: ["administration"],
        response: { 200: z.array(AdminSchoolSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await administer(request, ctx, "manage_schools", {
        action: "list_schools",
        resourceType: "school",
        resourceId: null,
      });
      const rows = await listSchoolsWithClosures(ctx.db.orm);
      return rows.map((s) => ({
        school_id: s.schoolId,
        name: s.name,
        sector: s.sector,
        municipality: s.municipality,
        partnership: s.partnership,
        holiday_region: s.holidayRegion,
        minutes: {
          mon: s.minutesMon,
          tue: s.minutesTue,
          wed: s.minutesWed,
          thu: s.minutesThu,
          fri: s.minutesFri,
        },
        closures: s.closures.map((c) => ({
          scope: c.scope,
          start_date: c.startDate,
          end_date: c.endDate,
          name: c.name,
        })),
      }));
    },
  );
}
