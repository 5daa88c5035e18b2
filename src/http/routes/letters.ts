// Letters from templates (issue 16 item 1; docs/letters.md). For those who work on a case:
// the list of templates (titles and the fields to type in, no personal data), a preview of a
// letter filled from the case, and the letter produced as PDF/A and filed as a case document.
// For the application administrator: the templates' text, a preview with example values and the
// fields listed, and saving a template — a template naming an unknown field is refused (400)
// with a Dutch message naming the field.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { previewCaseLetter, produceCaseLetter } from "../../commands/produce-letter.ts";
import {
  listLetterTemplates,
  loadLetterTemplate,
  type StoredLetterTemplate,
  updateLetterTemplate,
} from "../../db/repositories/letters.ts";
import { LETTER_AUDIENCES } from "../../domain/letters/defaults.ts";
import {
  EXAMPLE_VALUES,
  INPUT_FIELD_NAMES,
  LETTER_FIELD_NAMES,
  LETTER_FIELDS,
} from "../../domain/letters/fields.ts";
import {
  checkTemplate,
  renderLetter,
  type TemplateProblem,
} from "../../domain/letters/template.ts";
import type { HttpContext } from "../context.ts";
import { LongText, ShortText } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { CreatedResponse, commandRoute } from "./cases-command-route.ts";
import { requireLogin } from "./cases-http.ts";
import { authorizeSetup, recordSetupChange } from "./setup-gate.ts";

const FIELD_NAMES = LETTER_FIELD_NAMES as [string, ...string[]];
const INPUT_NAMES = INPUT_FIELD_NAMES as [string, ...string[]];

const TemplateCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,59}$/)
  .describe("e.g. waarschuwing");

const Inputs = z
  .partialRecord(z.enum(INPUT_NAMES), LongText)
  .default({})
  .describe("values of the invoer.* fields the template uses");

const LetterRequestBody = z.object({ template: TemplateCode, inputs: Inputs });

const RenderedLetterSchema = z
  .object({ subject: z.string(), paragraphs: z.array(z.string()) })
  .meta({ id: "RenderedLetter" });

const LetterFieldSchema = z
  .object({
    name: z.enum(FIELD_NAMES),
    label: z.string(),
    source: z.enum(["case", "input"]),
    example: z.string(),
  })
  .meta({ id: "LetterField" });

const LetterTemplateSummary = z
  .object({
    code: z.string(),
    title: z.string(),
    audience: z.enum(LETTER_AUDIENCES),
    /** The invoer.* fields the template uses: the "Brief maken" form asks for these. */
    input_fields: z.array(z.enum(INPUT_NAMES)),
    valid: z.boolean(),
  })
  .meta({ id: "LetterTemplateSummary" });

const LetterTemplateSchema = z
  .object({
    code: z.string(),
    title: z.string(),
    audience: z.enum(LETTER_AUDIENCES),
    subject: z.string(),
    body: z.string(),
    updated_at: z.string(),
    updated_by: z.string(),
  })
  .meta({ id: "LetterTemplate" });

const TemplateText = z.object({
  title: ShortText.min(1),
  subject: ShortText,
  body: LongText,
});

const LETTER_FIELD_LIST = LETTER_FIELD_NAMES.map((name) => ({ name, ...LETTER_FIELDS[name] }));

function summary(t: StoredLetterTemplate): z.infer<typeof LetterTemplateSummary> {
  const checked = checkTemplate(t);
  return {
    code: t.code,
    title: t.title,
    audience: t.audience,
    input_fields: checked.ok
      ? checked.fields.filter((f) => (INPUT_FIELD_NAMES as string[]).includes(f))
      : [],
    valid: checked.ok,
  };
}

function presentTemplate(t: StoredLetterTemplate): z.infer<typeof LetterTemplateSchema> {
  return {
    code: t.code,
    title: t.title,
    audience: t.audience,
    subject: t.subject,
    body: t.body,
    updated_at: t.updatedAt,
    updated_by: t.updatedBy,
  };
}

function refuseTemplate(problems: TemplateProblem[]): never {
  throw new HttpProblem(400, problems.map((p) => p.message).join(" "), {
    type: "urn:aanwezig:problem:validation",
    errors: problems.map((p) => ({ in: "body", path: p.part, message: p.message })),
  });
}

export function registerLetterRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.db;

  api.get(
    "/api/letter-templates",
    {
      onRequest: requireLogin,
      schema: {
        summary: "The letter templates a case file offers (titles and the fields to fill in)",
        tags: ["cases"],
        response: { 200: z.array(LetterTemplateSummary), ...problemResponses(401) },
      },
    },
    async () => (await listLetterTemplates(db.orm)).map(summary),
  );

  commandRoute(app, ctx, {
    path: "/api/cases/:id/letters/preview",
    command: "preview_letter",
    summary: "Preview a letter from a template, filled from the case (audited; nothing stored)",
    body: LetterRequestBody,
    response: z
      .object({
        title: z.string(),
        region_name: z.string(),
        letter: RenderedLetterSchema,
        missing_inputs: z.array(z.enum(INPUT_NAMES)),
      })
      .meta({ id: "LetterPreview" }),
    run: ({ actor, caseId, body, today }) =>
      previewCaseLetter(db, actor, caseId, { template: body.template, inputs: body.inputs }, today),
    present: (r) => ({
      title: r.title,
      region_name: r.regionName,
      letter: r.letter,
      missing_inputs: r.missing,
    }),
  });

  commandRoute(app, ctx, {
    path: "/api/cases/:id/letters",
    command: "produce_letter",
    summary: "Produce a letter as PDF/A and file it as a case document (audited)",
    body: LetterRequestBody,
    response: CreatedResponse,
    status: 201,
    run: ({ actor, caseId, body, today }) =>
      produceCaseLetter(db, actor, caseId, { template: body.template, inputs: body.inputs }, today),
    present: (r) => ({ id: r.document.id }),
  });

  api.get(
    "/api/admin/letter-templates",
    {
      schema: {
        summary: "The region's letter templates with their text, and the fields they may use",
        tags: ["administration"],
        response: {
          200: z.object({
            templates: z.array(LetterTemplateSchema),
            fields: z.array(LetterFieldSchema),
          }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => {
      const gate = await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "list_letter_templates",
        resourceType: "letter_template",
      });
      const templates = await listLetterTemplates(db.orm);
      await recordSetupChange(db.orm, gate, {
        operation: "list_letter_templates",
        resourceType: "letter_template",
        resourceId: null,
      });
      return { templates: templates.map(presentTemplate), fields: LETTER_FIELD_LIST };
    },
  );

  api.post(
    "/api/admin/letter-templates/preview",
    {
      schema: {
        summary: "Check a template's text and render it with example values (nothing stored)",
        tags: ["administration"],
        body: TemplateText.omit({ title: true }),
        response: { 200: RenderedLetterSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      // The same gate as a save; a preview reads no personal data and is not audited.
      await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "save_letter_template",
        resourceType: "letter_template",
      });
      const checked = checkTemplate(request.body);
      if (!checked.ok) refuseTemplate(checked.problems);
      return renderLetter(checked, EXAMPLE_VALUES);
    },
  );

  api.put(
    "/api/admin/letter-templates/:code",
    {
      schema: {
        summary: "Save a letter template; one naming an unknown field is refused (400)",
        tags: ["administration"],
        params: z.object({ code: TemplateCode }),
        body: TemplateText,
        response: { 200: LetterTemplateSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const gate = await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "save_letter_template",
        resourceType: "letter_template",
        resourceId: request.params.code,
      });
      const checked = checkTemplate(request.body);
      if (!checked.ok) refuseTemplate(checked.problems);
      const saved = await db.transaction(async (tx) => {
        if (!(await loadLetterTemplate(tx.orm, request.params.code))) return undefined;
        const row = await updateLetterTemplate(
          tx.orm,
          request.params.code,
          request.body,
          gate.userId,
          ctx.now(),
        );
        await recordSetupChange(tx.orm, gate, {
          operation: "save_letter_template",
          resourceType: "letter_template",
          resourceId: request.params.code,
        });
        return row;
      });
      if (!saved) throw notFound();
      return presentTemplate(saved);
    },
  );
}
