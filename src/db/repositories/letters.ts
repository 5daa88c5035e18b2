// Letter templates (issue 16): the region's templates, the defaults written on first use, and
// what a letter about a case may draw from — only the fields of src/domain/letters/fields.ts.
import { and, asc, eq } from "drizzle-orm";
import { DEFAULT_LETTER_TEMPLATES, type LetterAudience } from "../../domain/letters/defaults.ts";
import type { Orm } from "../connect.ts";
import { users } from "../schema/access.ts";
import { letterTemplates } from "../schema/letters.ts";
import { pupilContacts, pupils, schools } from "../schema/region.ts";

export interface StoredLetterTemplate {
  code: string;
  title: string;
  audience: LetterAudience;
  subject: string;
  body: string;
  updatedAt: string;
  updatedBy: string;
}

function present(r: typeof letterTemplates.$inferSelect): StoredLetterTemplate {
  return {
    code: r.code,
    title: r.title,
    audience: r.audience as LetterAudience,
    subject: r.subject,
    body: r.body,
    updatedAt: r.updatedAt.toISOString(),
    updatedBy: r.updatedBy,
  };
}

/** Writes the default templates that are not stored yet (a first start, a new default). */
export async function ensureDefaultTemplates(orm: Orm): Promise<void> {
  await orm
    .insert(letterTemplates)
    .values(DEFAULT_LETTER_TEMPLATES.map((t) => ({ ...t, updatedBy: "default" })))
    .onConflictDoNothing({ target: letterTemplates.code });
}

export async function listLetterTemplates(orm: Orm): Promise<StoredLetterTemplate[]> {
  await ensureDefaultTemplates(orm);
  const rows = await orm.select().from(letterTemplates).orderBy(asc(letterTemplates.title));
  return rows.map(present);
}

export async function loadLetterTemplate(
  orm: Orm,
  code: string,
): Promise<StoredLetterTemplate | undefined> {
  await ensureDefaultTemplates(orm);
  const [row] = await orm.select().from(letterTemplates).where(eq(letterTemplates.code, code));
  return row && present(row);
}

export async function updateLetterTemplate(
  orm: Orm,
  code: string,
  change: { title: string; subject: string; body: string },
  by: string,
  now: Date,
): Promise<StoredLetterTemplate | undefined> {
  await ensureDefaultTemplates(orm);
  const [row] = await orm
    .update(letterTemplates)
    .set({ ...change, updatedBy: by, updatedAt: now })
    .where(eq(letterTemplates.code, code))
    .returning();
  return row && present(row);
}

/** What a letter about a pupil may name: never more than LETTER_FIELDS asks for. */
export interface LetterSubjectFacts {
  givenName: string;
  familyName: string;
  birthDate: string;
  schoolName: string;
  firstContactName: string | null;
  senderName: string;
}

export async function loadLetterSubjectFacts(
  orm: Orm,
  pupilId: string,
  schoolId: string,
  senderId: string,
): Promise<LetterSubjectFacts | undefined> {
  const [pupil] = await orm
    .select({
      givenName: pupils.givenName,
      familyName: pupils.familyName,
      birthDate: pupils.birthDate,
    })
    .from(pupils)
    .where(eq(pupils.pupilId, pupilId));
  const [school] = await orm
    .select({ name: schools.name })
    .from(schools)
    .where(eq(schools.schoolId, schoolId));
  const [contact] = await orm
    .select({ name: pupilContacts.name })
    .from(pupilContacts)
    .where(and(eq(pupilContacts.pupilId, pupilId), eq(pupilContacts.position, 1)));
  const [sender] = await orm.select({ name: users.name }).from(users).where(eq(users.id, senderId));
  if (!pupil || !school) return undefined;
  return {
    ...pupil,
    schoolName: school.name,
    firstContactName: contact?.name ?? null,
    senderName: sender?.name ?? "",
  };
}
