// Issue 16 item 1: a letter from a template about a case — previewed, then produced as PDF/A and
// filed as a case document (visible to the parents when the template is addressed to them).
// Both run in the case frame (run-on-case.ts): authorized as work on the case's plan and audited
// (`preview_letter`, `produce_letter`). The letter is filled only with LETTER_FIELDS.
import { randomUUID } from "node:crypto";
import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { type DocumentMeta, insertDocument } from "../db/repositories/documents.ts";
import {
  loadLetterSubjectFacts,
  loadLetterTemplate,
  type StoredLetterTemplate,
} from "../db/repositories/letters.ts";
import { readRegionSettings } from "../db/repositories/region-settings.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { dutchDate, LETTER_FIELDS, type LetterFieldName } from "../domain/letters/fields.ts";
import { checkTemplate, type RenderedLetter, renderLetter } from "../domain/letters/template.ts";
import { caseReference, letterValues, missingInputs } from "../domain/letters/values.ts";
import type { DocumentVisibility } from "../domain/policy/resources.ts";
import { renderLetterPdf } from "../services/letter-pdf.ts";
import { type CaseContext, type CommandResult, onCase } from "./run-on-case.ts";

export interface LetterRequest {
  template: string;
  /** Values of the `invoer.*` fields. */
  inputs: Partial<Record<string, string>>;
}

interface Prepared {
  template: StoredLetterTemplate;
  letter: RenderedLetter;
  missing: LetterFieldName[];
  regionName: string;
  reference: string;
}

async function prepare(
  ctx: CaseContext,
  actor: AccessActor,
  request: LetterRequest,
  missingMarker: (f: LetterFieldName) => string,
): Promise<
  | Prepared
  | { ok: false; error: "unknown_letter_template" | "letter_template_invalid"; message: string }
> {
  const template = await loadLetterTemplate(ctx.tx.orm, request.template);
  if (!template) {
    return { ok: false, error: "unknown_letter_template", message: "No such letter template." };
  }
  const checked = checkTemplate(template);
  if (!checked.ok) {
    return {
      ok: false,
      error: "letter_template_invalid",
      message: checked.problems.map((p) => p.message).join(" "),
    };
  }
  const facts = await loadLetterSubjectFacts(
    ctx.tx.orm,
    ctx.case.pupilId,
    ctx.case.schoolId,
    actor.userId,
  );
  const region = await readRegionSettings(ctx.tx, ctx.today);
  if (!facts) {
    return { ok: false, error: "unknown_letter_template", message: "The pupil is not known." };
  }
  // Until the administrator names the region (region settings), the letterhead says so.
  const regionName = region.name.trim() || "Regio (naam nog niet ingesteld)";
  const values = letterValues(
    {
      ...facts,
      regionName,
      caseId: ctx.case.id,
      absenceStartDate: ctx.case.absenceStartDate,
      today: ctx.today,
    },
    request.inputs,
  );
  return {
    template,
    letter: renderLetter(checked, values, missingMarker),
    missing: missingInputs(checked.fields, values),
    regionName,
    reference: caseReference(ctx.case.id),
  };
}

export function previewCaseLetter(
  db: Database,
  actor: AccessActor,
  caseId: string,
  request: LetterRequest,
  today: IsoDate,
): Promise<
  CommandResult<{
    letter: RenderedLetter;
    missing: LetterFieldName[];
    regionName: string;
    title: string;
  }>
> {
  return onCase(db, actor, caseId, today, "preview_letter", async (ctx) => {
    const p = await prepare(ctx, actor, request, (f) => `[${LETTER_FIELDS[f].label}]`);
    if ("ok" in p) return p;
    return {
      ok: true,
      letter: p.letter,
      missing: p.missing,
      regionName: p.regionName,
      title: p.template.title,
    };
  });
}

export function visibilityOf(audience: StoredLetterTemplate["audience"]): DocumentVisibility {
  return audience === "ouders" ? "also_parents" : "professionals";
}

export function produceCaseLetter(
  db: Database,
  actor: AccessActor,
  caseId: string,
  request: LetterRequest,
  today: IsoDate,
): Promise<CommandResult<{ document: Omit<DocumentMeta, "uploadedAt"> }>> {
  return onCase(db, actor, caseId, today, "produce_letter", async (ctx) => {
    const p = await prepare(ctx, actor, request, () => "");
    if ("ok" in p) return p;
    if (p.missing.length > 0) {
      return {
        ok: false,
        error: "letter_input_missing",
        message: `Fill in: ${p.missing.join(", ")}.`,
      };
    }
    const content = await renderLetterPdf({
      regionName: p.regionName,
      title: p.template.title,
      dateText: dutchDate(today),
      reference: p.reference,
      letter: p.letter,
    });
    const document = {
      id: randomUUID(),
      caseId,
      name: `${p.template.title} ${today}.pdf`,
      mimeType: "application/pdf",
      visibility: visibilityOf(p.template.audience),
      uploadedBy: actor.userId,
    };
    await insertDocument(ctx.tx.orm, { ...document, content });
    return { ok: true, document: { ...document, sizeBytes: content.length } };
  });
}
