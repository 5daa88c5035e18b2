// GET /api/pupils?q= (issue 11 item 3): find a pupil by name or number. At least 2 characters,
// at most 20 answers, only pupils the user may see — the same read_pupil decision as
// GET /api/pupils/{id}, per pupil — and every returned pupil gets an audit row. Roles that never
// read a pupil (policy, admin, privacy) get 403: they work with aggregates.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { pupilReach, scopeList } from "../../access/index.ts";
import { pupilSearchHits, searchPupilIds } from "../../db/repositories/pupil-search.ts";
import { schoolsOfSchoolYear } from "../../domain/calendar/school-year.ts";
import type { HttpContext } from "../context.ts";
import { forbidden, problemResponses } from "../problem.ts";
import { commandActor, requireLogin } from "./cases-http.ts";

export const PUPIL_SEARCH_MAX = 20;
/** Candidates the policy looks at before the first 20 visible ones are taken. */
const CANDIDATES = 200;

export const PupilSearchResultSchema = z
  .object({
    pupil_id: z.string(),
    pupil_name: z.string(),
    given_name: z.string(),
    family_name: z.string(),
    schools: z
      .array(z.object({ school_id: z.string(), school_name: z.string() }))
      .describe("the schools of this school year"),
  })
  .meta({ id: "PupilSearchResult" });

const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, "minstens 2 tekens")
    .max(100, "hoogstens 100 tekens")
    .regex(/^[\p{L}\p{N} .'_-]+$/u, "alleen letters, cijfers, spaties en . ' _ -")
    .describe("part of the name, or the start of the pupil number"),
});

export function registerPupilSearchRoute(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/pupils",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Find pupils the user may see by name or number (at most 20)",
        tags: ["pupils"],
        querystring: SearchQuery,
        response: {
          200: z.array(PupilSearchResultSchema),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      // Scope first (src/access): the search runs only within the user's reach; the policy then
      // decides per hit, the first 20 allowed are shown (each audited), and only those are read.
      const reach = pupilReach(ctx.db.orm, actor, "read_pupil", "pupil");
      if (!reach) throw forbidden("Your roles do not read pupils: use the monitor.");
      const today = ctx.today();
      const candidates = await searchPupilIds(ctx.db.orm, request.query.q, reach, CANDIDATES);
      const shown = await scopeList(ctx.db.orm, actor, "read_pupil", "pupil", {
        today,
        within: candidates,
        limit: PUPIL_SEARCH_MAX,
        context: { search: "true" },
      });
      const found = await pupilSearchHits(ctx.db.orm, shown);
      return found.map((pupil) => {
        const current = new Set(schoolsOfSchoolYear(pupil.enrolments, today));
        const schools = new Map<string, string>();
        for (const e of pupil.enrolments) {
          if (current.has(e.schoolId)) schools.set(e.schoolId, e.schoolName);
        }
        return {
          pupil_id: pupil.pupilId,
          pupil_name: `${pupil.givenName} ${pupil.familyName}`,
          given_name: pupil.givenName,
          family_name: pupil.familyName,
          schools: [...schools].map(([school_id, school_name]) => ({ school_id, school_name })),
        };
      });
    },
  );
}
