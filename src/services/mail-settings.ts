// The region's outgoing mail server (issue 16 item 2; interfaces.md "Outgoing mail"): read, saved
// (validated and audited, the password kept when none is given) and resolved against the
// environment (AANWEZIG_SMTP_URL / AANWEZIG_MAIL_FROM override it) for the daily job and the CLI.
// The password is sealed at rest under the region key (sealed-secret.ts); a value stored in clear
// before sealing existed, or sealed under the previous region key, is re-sealed on first read.
import { and, eq } from "drizzle-orm";
import { type AllowedBy, authorOf, recordAllowed } from "../access/index.ts";
import type { Database, Orm, SqlClient } from "../db/connect.ts";
import { mailSettings } from "../db/schema/notifications.ts";
import {
  type MailConfig,
  type MailSecurity,
  type MailSettings,
  mailSettingsFromInput,
  mailSettingsInputSchema,
  resolveMailConfig,
} from "../domain/notifications/mail-settings.ts";
import { previousRegionKey, regionKey } from "./region-key.ts";
import { isSealed, openSecret, sealSecret } from "./sealed-secret.ts";

const PURPOSE = "smtp-password";

export interface StoredMailSettings extends MailSettings {
  updatedAt: string;
  updatedBy: string;
}

/** The database, or a transaction (which is its own SQL client). */
export type MailSettingsStore = Database | (SqlClient & { orm: Orm });

function sqlOf(store: MailSettingsStore): SqlClient {
  return "sql" in store ? store.sql : store;
}

/**
 * The password in clear from its stored form. A clear value (from before sealing) or one sealed
 * under the previous region key is sealed under the current key at once — only when the row
 * still holds that value, so two readers cannot undo a concurrent save.
 */
async function unsealPassword(store: MailSettingsStore, stored: string): Promise<string> {
  const key = await regionKey(sqlOf(store));
  const current = openSecret(key, PURPOSE, stored);
  if (current !== null) return current;
  const previous = previousRegionKey();
  const password = isSealed(stored)
    ? previous === null
      ? null
      : openSecret(previous, PURPOSE, stored)
    : stored;
  if (password === null) {
    throw new Error(
      "Het SMTP-wachtwoord in mail_settings is versleuteld met een andere regiosleutel. Zet de vorige sleutel in AANWEZIG_REGION_KEY_PREVIOUS, of sla het wachtwoord opnieuw op onder Beheer → E-mail.",
    );
  }
  await store.orm
    .update(mailSettings)
    .set({ password: sealSecret(key, PURPOSE, password) })
    .where(and(eq(mailSettings.id, 1), eq(mailSettings.password, stored)));
  return password;
}

export async function readMailSettings(
  store: MailSettingsStore,
): Promise<StoredMailSettings | null> {
  const [row] = await store.orm.select().from(mailSettings).where(eq(mailSettings.id, 1));
  if (!row) return null;
  return {
    host: row.host,
    port: row.port,
    security: row.security as MailSecurity,
    username: row.username,
    password: row.password === null ? null : await unsealPassword(store, row.password),
    from: row.fromAddress,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/** The mail configuration in force: the environment's, else the region's, else none. */
export async function currentMailConfig(
  store: MailSettingsStore,
  env: NodeJS.ProcessEnv = process.env,
): Promise<MailConfig | null> {
  return resolveMailConfig(
    { smtpUrl: env.AANWEZIG_SMTP_URL, mailFrom: env.AANWEZIG_MAIL_FROM },
    await readMailSettings(store),
  );
}

/**
 * Who saves: a request's actor with its gate's grant (src/http/routes/setup-gate.ts), or the
 * command line (`cli`) / the demo (`demo`), which decide nothing.
 */
export type MailSettingsAuthor = AllowedBy;

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
    const before = await readMailSettings(tx);
    const next = mailSettingsFromInput(parsed.data, before?.password ?? null);
    const key = await regionKey(tx);
    const values = {
      host: next.host,
      port: next.port,
      security: next.security,
      username: next.username,
      password: next.password === null ? null : sealSecret(key, PURPOSE, next.password),
      fromAddress: next.from,
      updatedAt: now,
      updatedBy: authorOf(author),
    };
    await tx.orm
      .insert(mailSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: mailSettings.id, set: values });
    await recordAllowed(tx.orm, author, {
      action: "save_mail_settings",
      resourceType: "region_settings",
      resourceId: "mail",
      pupilId: null,
      context: {
        host: next.host,
        security: next.security,
        // Whether the password changed, never the password.
        passwordChanged: String((before?.password ?? null) !== next.password),
      },
    });
    const saved = await readMailSettings(tx);
    if (!saved) throw new Error("mail settings: not stored");
    return { ok: true, settings: saved };
  });
}
