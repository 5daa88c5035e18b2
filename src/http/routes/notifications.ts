// Notifications (issue 16 item 2, first slice): my own messages in the app, marking one read,
// my choice of e-mail; and for the application administrator the mails that failed (kept, with
// their error, and tried again by the daily job). A notification names a case by its reference
// only, so reading one's own is not a read of a pupil's data.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate } from "../../access/index.ts";
import { users } from "../../db/schema/access.ts";
import { notificationPreferences, notifications } from "../../db/schema/notifications.ts";
import { MAX_MAIL_ATTEMPTS } from "../../services/notifications.ts";
import type { HttpContext } from "../context.ts";
import { RecordId } from "../input-schemas.ts";
import { notFound, problemResponses } from "../problem.ts";
import { admitted, commandActor, requireLogin } from "./cases-http.ts";

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

const PreferencesSchema = z.object({ email: z.boolean() }).meta({ id: "NotificationPreferences" });

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

  api.get(
    "/api/me/notification-preferences",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Whether I receive my notifications by e-mail too",
        tags: ["notifications"],
        response: { 200: PreferencesSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const me = commandActor(request).userId;
      const [row] = await orm
        .select({ email: notificationPreferences.email })
        .from(notificationPreferences)
        .where(eq(notificationPreferences.userId, me));
      return { email: row?.email ?? true };
    },
  );

  api.put(
    "/api/me/notification-preferences",
    {
      onRequest: requireLogin,
      schema: {
        summary: "Choose whether I receive my notifications by e-mail too",
        tags: ["notifications"],
        body: PreferencesSchema,
        response: { 200: PreferencesSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const me = commandActor(request).userId;
      await orm
        .insert(notificationPreferences)
        .values({ userId: me, email: request.body.email, updatedAt: ctx.now() })
        .onConflictDoUpdate({
          target: notificationPreferences.userId,
          set: { email: request.body.email, updatedAt: ctx.now() },
        });
      return { email: request.body.email };
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
