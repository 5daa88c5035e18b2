// Case documents (domain.md §2/§5): attachments stored as bytea with name, MIME type, size and
// visibility. Listing never reads the content; only a download does.
import { and, asc, eq } from "drizzle-orm";
import type { DocumentVisibility } from "../../domain/policy/resources.ts";
import type { Orm } from "../connect.ts";
import { caseDocuments } from "../schema/cases.ts";

/** 5 MiB: enough for a scanned report, small enough to keep the database lean. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface DocumentMeta {
  id: string;
  caseId: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  visibility: DocumentVisibility;
  uploadedBy: string;
  uploadedAt: Date;
}

const META = {
  id: caseDocuments.id,
  caseId: caseDocuments.caseId,
  name: caseDocuments.name,
  mimeType: caseDocuments.mimeType,
  sizeBytes: caseDocuments.sizeBytes,
  visibility: caseDocuments.visibility,
  uploadedBy: caseDocuments.uploadedBy,
  uploadedAt: caseDocuments.uploadedAt,
};

export async function listDocuments(orm: Orm, caseId: string): Promise<DocumentMeta[]> {
  const rows = await orm
    .select(META)
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt), asc(caseDocuments.id));
  return rows.map((r) => ({ ...r, visibility: r.visibility as DocumentVisibility }));
}

export async function insertDocument(
  orm: Orm,
  doc: Omit<DocumentMeta, "uploadedAt" | "sizeBytes"> & { content: Buffer },
): Promise<void> {
  await orm.insert(caseDocuments).values({ ...doc, sizeBytes: doc.content.length });
}

export async function loadDocument(
  orm: Orm,
  caseId: string,
  documentId: string,
): Promise<(DocumentMeta & { content: Buffer }) | undefined> {
  const [row] = await orm
    .select({ ...META, content: caseDocuments.content })
    .from(caseDocuments)
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  return row && { ...row, visibility: row.visibility as DocumentVisibility };
}
