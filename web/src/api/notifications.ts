// Notifications (src/http/routes/notifications.ts and mail-admin.ts, issue 16): my messages and
// my e-mail choice per kind; for the administrator the region's mail server and the outbox.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type Notification = Schemas["Notification"];
export type NotificationPreferences = Schemas["NotificationPreferences"];
export type NotificationKind = NotificationPreferences["kinds"][number]["kind"];
export type MailSettings = Schemas["MailSettings"];
export type OutboxMail = Schemas["OutboxMail"];

export interface MailSettingsInput {
  host: string;
  port: number;
  security: "none" | "starttls" | "tls";
  username?: string | null;
  /** Left out: the stored password stays. */
  password?: string | null;
  from: string;
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchNotifications(signal?: AbortSignal): Promise<Notification[]> {
  return apiRequest("GET", "/api/notifications", opts(signal));
}

export function markNotificationRead(id: string): Promise<null> {
  return apiRequest("POST", `/api/notifications/${encodeURIComponent(id)}/read`);
}

export function markAllNotificationsRead(): Promise<null> {
  return apiRequest("POST", "/api/notifications/read-all");
}

export function fetchNotificationPreferences(
  signal?: AbortSignal,
): Promise<NotificationPreferences> {
  return apiRequest("GET", "/api/me/notification-preferences", opts(signal));
}

export function saveNotificationPreferences(
  body: NotificationPreferences,
): Promise<NotificationPreferences> {
  return apiRequest("PUT", "/api/me/notification-preferences", { body });
}

export function fetchMailSettings(signal?: AbortSignal): Promise<MailSettings> {
  return apiRequest("GET", "/api/admin/region-settings/mail", opts(signal));
}

export function saveMailSettings(body: MailSettingsInput): Promise<MailSettings> {
  return apiRequest("PUT", "/api/admin/region-settings/mail", { body });
}

export function fetchMailOutbox(signal?: AbortSignal): Promise<OutboxMail[]> {
  return apiRequest("GET", "/api/admin/mail-outbox", opts(signal));
}

export function retryMail(id: string): Promise<null> {
  return apiRequest("POST", `/api/admin/mail-outbox/${encodeURIComponent(id)}/retry`);
}
