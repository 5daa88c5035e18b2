// Notifications (issue 16 items 2 and 3): my own messages in the app, marking them read, my
// choice of e-mail per kind (a parent's own kinds, or a professional's); and for the application
// administrator the mails that failed (kept, with their error, and retried by the mail queue),
// with the outbox and the mail server in mail-admin.ts. A notification names a case by its
// reference only, so reading one's own is not a read of a pupil's data.
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AccessActor } from "../../access/actor.ts";
import { gate } from "../../access/index.ts";
import { users } from "../../db/schema/access.ts";
import { notificationPreferences, notifications } from "../../db/schema/notifications.ts";
import {
  DEFAULT_PREFERENCES,
  type EmailPreferences,
  kindsFor,
  NOTIFICATION_KINDS,
  wantsEmail,
} from "../../domain/notifications/kinds.ts";
import { MAX_MAIL_ATTEMPTS } from "../../services/notifications.ts";
import type { HttpContext } from "../context.ts";
import { RecordId } from "../input-schemas.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor, requireLogin } from "./cases-http.ts";
import { registerMailAdminRoutes } from "./mail-admin.ts";

const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string(),
    created_at: z.string(),
    read: z.boolean(),
    email_status: z.enum(["pending", "sent", "failed", "off"]),
  })
  .meta({ id: "Notification" });

const KindPreference = z.object({
  kind: z.enum(NOTIFICATION_KINDS),
  email: z.boolean().describe("this kind by e-mail as well as in the app"),
});

const PreferencesSchema = z
  .object({
    email: z.boolean().describe("e-mail at all; false: the app only"),
    kinds: z
      .array(KindPreference)
      .describe("the kinds offered to this user (a parent's own, or a professional's)"),
  })
  .meta({ id: "NotificationPreferences" });

const PreferencesInput = z
  .object({
    email: z.boolean("e-mail: kies aan (true) of uit (false)"),
    kinds: z.array(KindPreference).max(50).optional(),
  })
  .meta({ id: "NotificationPreferencesUpdate" });

const NON_CASE_ROLES = new Set(["parent", "policy_officer", "app_admin", "privacy_officer"]);

function offeredKinds(actor: AccessActor) {
  const roles = actor.policy.grants.map((g) => g.role);
  return kindsFor(
    roles.includes("parent"),
    roles.some((r) => !NON_CASE_ROLES.has(r)),
  );
}

function presentPreferences(actor: AccessActor, preferences: EmailPreferences) {
  return {
    email: preferences.email,
    kinds: offeredKinds(actor).map((kind) => ({
      kind,
      email: wantsEmail({ email: true, emailKinds: preferences.emailKinds }, kind),
    })),
  };
}

const FailedMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    created_at: z.string(),
    attempts: z.number().int(),
    error: z.string().nullable(),
    given_up: z.boolean().describe(`true after ${MAX_MAIL_ATTEMPTS} attempts`),
  })
  .meta({ id: "FailedMail" });

export function registerNotificationRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const orm = ctx.db.orm;
  registerMailAdminRoutes(app, ctx);

  api.get(
    "/api/notifications",
    {
      onRequest: requireLogin,
      schema: {
        summary: "My notifications, newest first (at most 100)",
        tags: ["notifications"],
        response: { 200: z.array(NotificationSchema), ...problemResponses(401) },
      },
    },
    async (request) => {
      const me = commandActor(request).userId;
      const rows = await orm
        .select()
        .from(notifications)
        .where(eq(notifications.userId, me))
        .orderBy(desc(notifications.createdAt))
        .limit(100);
      return rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        subject: n.subject,
        body: n.body,
        link: n.link,
        created_at: n.createdAt.toISOString(),
        read: n.readAt !== null,
        email_status: n.emailStatus as "pending" | "sent" | "failed" | "off",
      }));
    },
  );

  api.post(
    "/api/notifications/:id/read",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Mark one of my notifications read",
        tags: ["notifications"],
        params: z.object({ id: RecordId }),
        response: { 204: z.null(), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const me = commandActor(request).userId;
      const id = request.params.id;
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
      const updated = await orm
        .update(notifications)
        .set({ readAt: ctx.now() })
        .where(and(eq(notifications.id, id), eq(notifications.userId, me)))
        .returning({ id: notifications.id });
      if (updated.length === 0) throw notFound();
      reply.code(204);
      return null;
    },
  );

  api.post(
    "/api/notifications/read-all",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Mark all my notifications read",
        tags: ["notifications"],
        response: { 204: z.null(), ...problemResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const me = commandActor(request).userId;
      await orm
        .update(notifications)
        .set({ readAt: ctx.now() })
        .where(and(eq(notifications.userId, me), isNull(notifications.readAt)));
      reply.code(204);
      return null;
    },
  );

  api.get(
    "/api/me/notification-preferences",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Whether I receive my notifications by e-mail too, per kind",
        tags: ["notifications"],
        response: { 200: PreferencesSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const [row] = await orm
        .select({
          email: notificationPreferences.email,
          emailKinds: notificationPreferences.emailKinds,
        })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, actor.userId));
      return presentPreferences(actor, row ?? DEFAULT_PREFERENCES);
    },
  );

  api.put(
    "/api/me/notification-preferences",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Choose whether I receive my notifications by e-mail too, per kind",
        tags: ["notifications"],
        body: PreferencesInput,
        response: { 200: PreferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const actor = commandActor(request);
      const offered = new Set<string>(offeredKinds(actor));
      const [row] = await orm
        .select({ emailKinds: notificationPreferences.emailKinds })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, actor.userId));
      const emailKinds: Record<string, boolean> = { ...(row?.emailKinds ?? {}) };
      for (const k of request.body.kinds ?? []) {
        if (!offered.has(k.kind)) {
          throw new HttpProblem(400, "De voorkeuren zijn niet opgeslagen.", {
            type: "urn:aanwezig:problem:validation",
            errors: [
              {
                in: "body",
                path: "kinds",
                message: `soort "${k.kind}": deze melding krijgt u niet; kies alleen uit de soorten op de pagina`,
              },
            ],
          });
        }
        emailKinds[k.kind] = k.email;
      }
      const values = { email: request.body.email, emailKinds, updatedAt: ctx.now() };
      await orm
        .insert(notificationPreferences)
        .values({ userId: actor.userId, ...values })
        .onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
      return presentPreferences(actor, values);
    },
  );

  api.get(
    "/api/admin/notifications/failed",
    {
      schema: {
        summary: "Mails that could not be sent (kept; the daily job tries them again)",
        tags: ["administration"],
        response: { 200: z.array(FailedMailSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => {
      admitted(
        await gate(
          orm,
          commandActor(request),
          "manage_users",
          { kind: "administration" },
          { action: "list_failed_mail", resourceType: "user", resourceId: null, pupilId: null },
        ),
      );
      const rows = await orm
        .select({
          id: notifications.id,
          to: users.email,
          subject: notifications.subject,
          createdAt: notifications.createdAt,
          attempts: notifications.emailAttempts,
          error: notifications.emailError,
        })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(inArray(notifications.emailStatus, ["failed"]))
        .orderBy(desc(notifications.createdAt))
        .limit(500);
      return rows.map((r) => ({
        id: r.id,
        to: r.to,
        subject: r.subject,
        created_at: r.createdAt.toISOString(),
        attempts: r.attempts,
        error: r.error,
        given_up: r.attempts >= MAX_MAIL_ATTEMPTS,
      }));
    },
  );
}
