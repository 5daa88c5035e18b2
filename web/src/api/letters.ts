// Letters from templates (src/http/routes/letters.ts, issue 16): the templates a case file
// offers, a preview filled from the case, the letter produced as a case document; and the
// administrator's templates with their preview and save.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type LetterTemplateSummary = Schemas["LetterTemplateSummary"];
export type LetterPreview = Schemas["LetterPreview"];
export type RenderedLetter = Schemas["RenderedLetter"];
export type LetterTemplate = Schemas["LetterTemplate"];
export type LetterField = Schemas["LetterField"];
export type LetterInputName = LetterTemplateSummary["input_fields"][number];

export interface LetterRequest {
  template: string;
  inputs: Partial<Record<LetterInputName, string>>;
}

export function fetchLetterTemplates(signal?: AbortSignal): Promise<LetterTemplateSummary[]> {
  return apiRequest("GET", "/api/letter-templates", signal ? { signal } : {});
}

export function previewLetter(caseId: string, body: LetterRequest): Promise<LetterPreview> {
  return apiRequest("POST", `/api/cases/${encodeURIComponent(caseId)}/letters/preview`, { body });
}

export function produceLetter(caseId: string, body: LetterRequest): Promise<{ id: string }> {
  return apiRequest("POST", `/api/cases/${encodeURIComponent(caseId)}/letters`, { body });
}

export function fetchAdminLetterTemplates(
  signal?: AbortSignal,
): Promise<{ templates: LetterTemplate[]; fields: LetterField[] }> {
  return apiRequest("GET", "/api/admin/letter-templates", signal ? { signal } : {});
}

export function previewLetterTemplate(body: {
  subject: string;
  body: string;
}): Promise<RenderedLetter> {
  return apiRequest("POST", "/api/admin/letter-templates/preview", { body });
}

export function saveLetterTemplate(
  code: string,
  body: { title: string; subject: string; body: string },
): Promise<LetterTemplate> {
  return apiRequest("PUT", `/api/admin/letter-templates/${encodeURIComponent(code)}`, { body });
}
