// GET /api/pupils/{pupil_id} (interfaces.md): one pupil the user may see. A pupil the user may
// not see answers 404 exactly like one that does not exist, after the same queries, and both
// attempts are audited.

import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate, recordScope } from "../../access/index.ts";
import type { Orm } from "../../db/connect.ts";
import { activeParticipantsOfPupil } from "../../db/repositories/cases.ts";
import { enrolments, pupils, schools } from "../../db/schema/region.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import { type PupilRecord, PupilSchema, presentPupil } from "../presenters/pupil.ts";
import { problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

export function registerPupilRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/pupils/:pupil_id",
    {
      schema: {
        summary: "One pupil the user may see",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        response: { 200: PupilSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const pupilId = request.params.pupil_id;
      const today = ctx.today();
      // The same queries whether or not the pupil exists (issue 20 item 8a): a pupil one may not
      // see must not answer faster or slower than one that is not there.
      const pupil = await loadPupil(ctx.db.orm, pupilId);
      const participantIds = await activeParticipantsOfPupil(ctx.db.orm, pupilId);
      const facts = pupil && {
        residenceMunicipality: pupil.municipality,
        enrolments: pupil.enrolments,
        participantIds,
      };
      admitted(
        await gate(
          ctx.db.orm,
          commandActor(request),
          "read_pupil",
          facts ? { kind: "pupil", pupil: recordScope(pupilId, facts, today) } : null,
          { action: "read_pupil", resourceType: "pupil", resourceId: pupilId, pupilId },
        ),
      );
      // The gate refuses a pupil that was not found, so it is defined here.
      return presentPupil(pupil!);
    },
  );
}

async function loadPupil(orm: Orm, pupilId: string): Promise<PupilRecord | undefined> {
  const [pupil] = await orm
    .select({
      pupilId: pupils.pupilId,
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      birthDate: pupils.birthDate,
      municipality: pupils.municipality,
    })
    .from(pupils)
    .where(eq(pupils.pupilId, pupilId));
  // Asked also for a pupil that is not there, so both answers take the same queries.
  const rows = await orm
    .select({
      schoolId: enrolments.schoolId,
      schoolName: schools.name,
      startDate: enrolments.startDate,
      endDate: enrolments.endDate,
      grade: enrolments.grade,
    })
    .from(enrolments)
    .innerJoin(schools, eq(schools.schoolId, enrolments.schoolId))
    .where(eq(enrolments.pupilId, pupilId))
    .orderBy(asc(enrolments.startDate), asc(enrolments.schoolId));
  return pupil && { ...pupil, enrolments: rows };
}
