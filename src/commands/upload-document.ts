// domain.md §2/§5: a document attached to the case, stored in the database with its name, MIME
// type and visibility: professionals, also parents, or the youth doctor only (medical). Only
// the youth doctor may file a jgz_only document: whoever files it must be allowed to read it.
import { randomUUID } from "node:crypto";
import { type AccessActor, documentResource, gate } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import {
  type DocumentMeta,
  insertDocument,
  MAX_DOCUMENT_BYTES,
} from "../db/repositories/documents.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { DocumentVisibility } from "../domain/policy/resources.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function uploadCaseDocument(
  db: Database,
  actor: AccessActor,
  caseId: string,
  input: { name: string; mimeType: string; visibility: DocumentVisibility; content: Buffer },
  today: IsoDate,
): Promise<CommandResult<{ document: Omit<DocumentMeta, "uploadedAt"> }>> {
  return onCase(db, actor, caseId, today, "upload_document", async (ctx) => {
    if (input.content.length === 0 || input.content.length > MAX_DOCUMENT_BYTES) {
      return {
        ok: false,
        error: "invalid_size",
        message: `A document holds 1 byte to ${MAX_DOCUMENT_BYTES} bytes.`,
      };
    }
    // The case gate let them work on the case; whoever files a document must be able to read it.
    // Only a refusal is written here (the case gate wrote the upload's row already).
    const readable = await gate(
      ctx.tx.orm,
      actor,
      "read_document",
      documentResource(ctx.case, ctx.facts, today, input.visibility),
      {
        action: "upload_document",
        resourceType: "document",
        resourceId: null,
        pupilId: ctx.case.pupilId,
        context: { caseId, visibility: input.visibility },
      },
      { auditRefusalOnly: true },
    );
    if (!readable.ok) {
      return {
        ok: false,
        error: "forbidden",
        reason: "document not readable",
        message: "You may not file a document you could not read.",
      };
    }
    const document = {
      id: randomUUID(),
      caseId,
      name: input.name,
      mimeType: input.mimeType,
      visibility: input.visibility,
      uploadedBy: actor.userId,
    };
    await insertDocument(ctx.tx.orm, { ...document, content: input.content });
    return { ok: true, document: { ...document, sizeBytes: input.content.length } };
  });
}
