// domain.md §2/§5: a document attached to the case, stored in the database with its name, MIME
// type and visibility: professionals, also parents, or the youth doctor only (medical). Only
// the youth doctor may file a jgz_only document: whoever files it must be allowed to read it.
import { randomUUID } from "node:crypto";
import type { Database } from "../db/connect.ts";
import {
  type DocumentMeta,
  insertDocument,
  MAX_DOCUMENT_BYTES,
} from "../db/repositories/documents.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { DocumentVisibility } from "../domain/policy/resources.ts";
import { auditDecision, type CommandActor, documentResource, grantFor } from "./case-access.ts";
import { type CommandResult, onCase } from "./run-on-case.ts";

export function uploadCaseDocument(
  db: Database,
  actor: CommandActor,
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
    const readable = grantFor(
      actor.policy,
      "read_document",
      documentResource(ctx.case, ctx.facts, today, input.visibility),
    );
    if (!readable.allowed) {
      // The case gate let them work on the case; the trail also says why the filing was refused.
      await auditDecision(
        ctx.tx.orm,
        actor,
        "upload_document",
        { pupilId: ctx.case.pupilId, caseId, resourceType: "document", resourceId: null },
        readable,
        { visibility: input.visibility },
      );
      return {
        ok: false,
        error: "forbidden",
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
