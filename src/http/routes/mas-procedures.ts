// GET /api/mas-procedures: leerplicht's open procedures (MAS) for the attendance officer's
// worklist (issue 15 item 3; src/domain/leerplicht/mas-procedure.ts): per pupil the last step, the
// next step and the day it is due, late or not. The same rule as the pupil page decides which
// pupils a user sees (read_mas_steps: leerplicht of the pupil's municipality or in the case, the
// case director in the case); every pupil shown is audited.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { mayEver, recordListRead, visiblePupilItems } from "../../access/index.ts";
import { pupilNamesOf } from "../../db/repositories/names.ts";
import { MAS_STEP_KINDS, type MasStepKind } from "../../domain/leerplicht/mas.ts";
import { type OpenMasProcedure, openMasProcedure } from "../../domain/leerplicht/mas-procedure.ts";
import type { HttpContext } from "../context.ts";
import { forbidden, problemResponses } from "../problem.ts";
import { commandActor, today } from "./cases-http.ts";

const MasProcedureSchema = z
  .object({
    pupil_id: z.string(),
    pupil_name: z.string(),
    started: z.iso.date().describe("the first step of the open procedure"),
    last_step: z.enum(MAS_STEP_KINDS),
    last_step_on: z.iso.date(),
    next_step: z.enum(MAS_STEP_KINDS),
    due_on: z.iso.date().describe("the day the next step is due"),
    overdue: z.boolean(),
    case_id: z.string().nullable().describe("the case of the last step, if there was one"),
  })
  .meta({ id: "MasProcedure" });

export function registerMasProcedureRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/mas-procedures",
    {
      schema: {
        summary:
          "Leerplicht's open procedures (MAS) the user may see: per pupil the last step, the " +
          "next step and when it is due; late ones first",
        tags: ["pupils"],
        response: {
          200: z.object({ procedures: z.array(MasProcedureSchema) }).meta({ id: "MasProcedures" }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      if (!mayEver(actor, "read_mas_steps", "pupil")) {
        throw forbidden("Only leerplicht and the case director read leerplicht's procedures.");
      }
      const day = today(ctx);
      const rows = await ctx.db.sql.query<{
        pupil_id: string;
        kind: MasStepKind;
        date: string;
        case_id: string | null;
      }>(
        `select pupil_id, kind, date::text, case_id from mas_steps
          order by pupil_id, date, recorded_at, id`,
      );
      const byPupil = new Map<string, typeof rows>();
      for (const r of rows) byPupil.set(r.pupil_id, [...(byPupil.get(r.pupil_id) ?? []), r]);
      const open: { pupilId: string; procedure: OpenMasProcedure; caseId: string | null }[] = [];
      for (const [pupilId, steps] of byPupil) {
        const procedure = openMasProcedure(steps, day);
        const last = steps.filter((s) => s.date <= day).at(-1);
        if (procedure) open.push({ pupilId, procedure, caseId: last?.case_id ?? null });
      }
      const { shown } = await visiblePupilItems(ctx.db.orm, actor, "read_mas_steps", open, {
        onDate: day,
        pupilIdOf: (o) => o.pupilId,
        resourceOf: (_, pupil) => ({ kind: "pupil", pupil }),
      });
      await recordListRead(
        ctx.db.orm,
        actor,
        shown.map(({ item, grant }) => ({
          grant,
          subject: {
            action: "read_mas_steps",
            resourceType: "mas_step",
            resourceId: null,
            pupilId: item.pupilId,
          },
        })),
      );
      const names = await pupilNamesOf(
        ctx.db.orm,
        shown.map((s) => s.item.pupilId),
      );
      const procedures = shown
        .map(({ item: { pupilId, procedure: p, caseId } }) => ({
          pupil_id: pupilId,
          pupil_name: names.get(pupilId) ?? pupilId,
          started: p.started,
          last_step: p.lastStep.kind,
          last_step_on: p.lastStep.date,
          next_step: p.nextStep,
          due_on: p.dueOn,
          overdue: p.overdue,
          case_id: caseId,
        }))
        .sort((a, b) =>
          a.overdue !== b.overdue ? (a.overdue ? -1 : 1) : a.due_on < b.due_on ? -1 : 1,
        );
      return { procedures };
    },
  );
}
