// Notifications over HTTP on both engines (issue 16 item 2, first slice): each user lists only
// their own and marks only their own read; the e-mail choice is kept per user; the administrator
// lists the mails that failed, with their error, and no one else may.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Sessions, startWithEveryone } from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { notifications } from "../../db/schema/notifications.ts";

describe.each(engines())("notifications API on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  const ID = "11111111-1111-4111-8111-111111111111";
  const put = (who: keyof Sessions, url: string, payload: unknown) =>
    t.app.inject({
      method: "PUT",
      url,
      headers: { cookie: s[who].cookie, "x-csrf-token": s[who].csrfToken },
      payload: payload as object,
    });

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    await t.db.orm.insert(notifications).values({
      id: ID,
      userId: s.coordinator.id,
      kind: "deadline_overdue",
      dedupeKey: "test:1",
      subject: "Termijn in casus ABCD1234 is verlopen",
      body: "Een termijn in casus ABCD1234 is verlopen.",
      link: "/casussen/x",
      emailStatus: "failed",
      emailAttempts: 2,
      emailError: "connect ECONNREFUSED 127.0.0.1:9",
    });
  });
  afterAll(() => t.close());

  it("lists my own notifications and lets only me mark one read", async () => {
    const mine = await as("coordinator").get("/api/notifications");
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json()).toMatchObject([{ id: ID, read: false, email_status: "failed" }]);
    expect((await as("head").get("/api/notifications")).json()).toEqual([]);
    expect((await as("head").post(`/api/notifications/${ID}/read`)).statusCode).toBe(404);
    expect((await as("coordinator").post(`/api/notifications/${ID}/read`)).statusCode).toBe(204);
    expect((await as("coordinator").get("/api/notifications")).json()[0].read).toBe(true);
  });

  it("keeps each user's e-mail choice", async () => {
    expect((await as("teacher").get("/api/me/notification-preferences")).json()).toEqual({
      email: true,
    });
    const saved = await put("teacher", "/api/me/notification-preferences", { email: false });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await as("teacher").get("/api/me/notification-preferences")).json()).toEqual({
      email: false,
    });
    expect((await as("head").get("/api/me/notification-preferences")).json()).toEqual({
      email: true,
    });
  });

  it("shows the administrator the failed mails, and no one else", async () => {
    const failed = await as("admin").get("/api/admin/notifications/failed");
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json()).toEqual([
      expect.objectContaining({
        id: ID,
        to: s.coordinator.email,
        attempts: 2,
        error: "connect ECONNREFUSED 127.0.0.1:9",
        given_up: false,
      }),
    ]);
    expect((await as("coordinator").get("/api/admin/notifications/failed")).statusCode).toBe(403);
  });
});
