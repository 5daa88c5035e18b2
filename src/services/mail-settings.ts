// The region's outgoing mail server (issue 16 item 2; interfaces.md "Outgoing mail"): read, saved
// (validated and audited, the password kept when none is given) and resolved against the
// environment (AANWEZIG_SMTP_URL / AANWEZIG_MAIL_FROM override it) for the daily job and the CLI.
import { eq } from "drizzle-orm";
import type { AuditContext } from "../access/audit-event.ts";
import { appendAudit } from "../access/index.ts";
import type { Database, Orm } from "../db/connect.ts";
import { mailSettings } from "../db/schema/notifications.ts";
import {
  type MailConfig,
  type MailSecurity,
  type MailSettings,
  mailSettingsFromInput,
  mailSettingsInputSchema,
  resolveMailConfig,
} from "../domain/notifications/mail-settings.ts";

export interface StoredMailSettings extends MailSettings {
  updatedAt: string;
  updatedBy: string;
}

export async function readMailSettings(orm: Orm): Promise<StoredMailSettings | null> {
  const [row] = await orm.select().from(mailSettings).where(eq(mailSettings.id, 1));
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    security: row.security as MailSecurity,
    username: row.username,
    password: row.password,
    from: row.fromAddress,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The mail configuration in force: the environment's, else the region's, else none. */
export async function currentMailConfig(
  orm: Orm,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MailConfig | null> {
  return resolveMailConfig(
    { smtpUrl: env.AANWEZIG_SMTP_URL, mailFrom: env.AANWEZIG_MAIL_FROM },
    await readMailSettings(orm),
  );
}

export interface MailSettingsAuthor {
  userId: string | null;
  role: string;
  context: AuditContext;
}

export type SaveMailSettingsResult =
  | { ok: true; settings: StoredMailSettings }
  | { ok: false; errors: { path: string; message: string }[] };

export async function saveMailSettings(
  db: Database,
  input: unknown,
  author: MailSettingsAuthor,
  now: Date = new Date(),
): Promise<SaveMailSettingsResult> {
  const parsed = mailSettingsInputSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    };
  }
  return db.transaction(async (tx) => {
    const before = await readMailSettings(tx.orm);
    const next = mailSettingsFromInput(parsed.data, before?.password ?? null);
    const values = {
      host: next.host,
      port: next.port,
      security: next.security,
      username: next.username,
      password: next.password,
      fromAddress: next.from,
      updatedAt: now,
      updatedBy: author.userId ?? author.role,
    };
    await tx.orm
      .insert(mailSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: mailSettings.id, set: values });
    await appendAudit(tx.orm, {
      userId: author.userId,
      role: author.role,
      action: "save_mail_settings",
      resourceType: "region_settings",
      resourceId: "mail",
      pupilId: null,
      context: {
        ...author.context,
        host: next.host,
        security: next.security,
        // Whether the password changed, never the password.
        passwordChanged: String((before?.password ?? null) !== next.password),
      },
      outcome: "allowed",
    });
    const saved = await readMailSettings(tx.orm);
    if (!saved) throw new Error("mail settings: not stored");
    return { ok: true, settings: saved };
  });
}
