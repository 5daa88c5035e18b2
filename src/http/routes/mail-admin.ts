// The application administrator's side of outgoing mail (issue 16 item 2; interfaces.md
// "Outgoing mail"): the region's SMTP server, sender and TLS (GET/PUT
// /api/admin/region-settings/mail; the password is write-only and never returned), which of
// them holds now (the environment's AANWEZIG_SMTP_URL / AANWEZIG_MAIL_FROM override them), and
// the outbox: every mail not sent yet or failed, with its error, and "offer again" for one that
// ran out of attempts (the mail queue's next sweep sends it).
import { and, desc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate } from "../../access/index.ts";
import { users } from "../../db/schema/access.ts";
import { notifications } from "../../db/schema/notifications.ts";
import {
  MAIL_SECURITY,
  mailSettingsInputSchema,
  resolveMailConfig,
} from "../../domain/notifications/mail-settings.ts";
import { readMailSettings, saveMailSettings } from "../../services/mail-settings.ts";
import { MAX_MAIL_ATTEMPTS } from "../../services/notifications.ts";
import type { HttpContext } from "../context.ts";
import { RecordId } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";
import { authorizeSetup } from "./setup-gate.ts";

const MailSettingsSchema = z
  .object({
    configured: z.boolean().describe("false until the administrator saved a server"),
    host: z.string().nullable(),
    port: z.number().int().nullable(),
    security: z.enum(MAIL_SECURITY).nullable(),
    username: z.string().nullable(),
    password_set: z.boolean().describe("a password is stored (it is never returned)"),
    from: z.string().nullable(),
    updated_at: z.string().nullable(),
    in_force: z
      .object({
        source: z.enum(["environment", "region", "none"]),
        server: z.string().nullable().describe("host:port, or the environment's URL"),
        from: z.string().nullable(),
      })
      .describe("what the daily job uses now: AANWEZIG_SMTP_URL overrides the region's server"),
  })
  .meta({ id: "MailSettings" });

const OutboxMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    kind: z.string(),
    subject: z.string(),
    created_at: z.string(),
    status: z.enum(["pending", "failed"]),
    attempts: z.number().int(),
    error: z.string().nullable(),
    given_up: z.boolean().describe(`true after ${MAX_MAIL_ATTEMPTS} attempts`),
  })
  .meta({ id: "OutboxMail" });

export function registerMailAdminRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;

  async function present(): Promise<z.infer<typeof MailSettingsSchema>> {
    const stored = await readMailSettings(ctx.db);
    const inForce = resolveMailConfig(
      { smtpUrl: process.env.AANWEZIG_SMTP_URL, mailFrom: process.env.AANWEZIG_MAIL_FROM },
      stored,
    );
    return {
      configured: stored !== null,
      host: stored?.host ?? null,
      port: stored?.port ?? null,
      security: stored?.security ?? null,
      username: stored?.username ?? null,
      password_set: Boolean(stored?.password),
      from: stored?.from ?? null,
      updated_at: stored?.updatedAt ?? null,
      in_force: {
        source: inForce?.source ?? "none",
        server:
          inForce?.url ??
          (inForce?.server ? `${inForce.server.host}:${inForce.server.port}` : null),
        from: inForce?.from ?? null,
      },
    };
  }

  api.get(
    "/api/admin/region-settings/mail",
    {
      schema: {
        summary: "The region's outgoing mail server and sender (the password is never returned)",
        tags: ["administration"],
        response: { 200: MailSettingsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "read_mail_settings",
        resourceType: "region_settings",
        read: true,
      });
      return present();
    },
  );

  api.put(
    "/api/admin/region-settings/mail",
    {
      schema: {
        summary: "Save the region's outgoing mail server, TLS and sender",
        description:
          "The password is write-only: leave it out to keep the stored one, send null or an empty string to remove it.",
        tags: ["administration"],
        body: mailSettingsInputSchema,
        response: { 200: MailSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const grant = await authorizeSetup(request, ctx, {
        action: "manage_region_settings",
        operation: "save_mail_settings",
        resourceType: "region_settings",
      });
      const saved = await saveMailSettings(ctx.db, request.body, grant, ctx.now());
      if (!saved.ok) {
        throw new HttpProblem(400, "De mailserver is niet opgeslagen.", {
          type: "urn:aanwezig:problem:validation",
          errors: saved.errors.map((e) => ({ in: "body", path: e.path, message: e.message })),
        });
      }
      return present();
    },
  );

  api.get(
    "/api/admin/mail-outbox",
    {
      schema: {
        summary: "Mails not sent yet or failed, newest first (at most 500); none is ever dropped",
        tags: ["administration"],
        response: { 200: z.array(OutboxMailSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      admitted(
        await gate(
          orm,
          commandActor(request),
          "manage_users",
          { kind: "administration" },
          {
            action: "list_failed_mail",
            resourceType: "notification",
            resourceId: null,
            pupilId: null,
          },
        ),
      );
      const rows = await orm
        .select({
          id: notifications.id,
          to: users.email,
          kind: notifications.kind,
          subject: notifications.subject,
          createdAt: notifications.createdAt,
          status: notifications.emailStatus,
          attempts: notifications.emailAttempts,
          error: notifications.emailError,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(inArray(notifications.emailStatus, ["pending", "failed"]))
        .orderBy(desc(notifications.createdAt))
        .limit(500);
      return rows.map((r) => ({
        id: r.id,
        to: r.to,
        kind: r.kind,
        subject: r.subject,
        created_at: r.createdAt.toISOString(),
        status: r.status as "pending" | "failed",
        attempts: r.attempts,
        error: r.error,
        given_up: r.attempts >= MAX_MAIL_ATTEMPTS,
      }));
    },
  );

  api.post(
    "/api/admin/mail-outbox/:id/retry",
    {
      schema: {
        summary: "Offer a failed mail again: its attempts start over; the mail queue sends it",
        tags: ["administration"],
        params: z.object({ id: RecordId }),
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const id = request.params.id;
      admitted(
        await gate(
          orm,
          commandActor(request),
          "manage_users",
          { kind: "administration" },
          { action: "retry_mail", resourceType: "notification", resourceId: id, pupilId: null },
        ),
      );
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
      const updated = await orm
        .update(notifications)
        .set({ emailStatus: "pending", emailAttempts: 0 })
        .where(and(eq(notifications.id, id), eq(notifications.emailStatus, "failed")))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound();
      reply.code(204);
      return null;
    },
  );
}
