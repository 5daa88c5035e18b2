// Notifications over HTTP on both engines (issue 16 items 2 and 3): each user lists only their
// own and marks only their own read (one or all); the e-mail choice is kept per user and per
// kind, a professional offered their work's kinds and a parent their own (e-mail off until they
// choose it); the administrator lists the mails that failed, with their error, and offers one
// again; no one else may.
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

  it("marks all my notifications read at once, and only mine", async () => {
    const other = "22222222-2222-4222-8222-222222222222";
    await t.db.orm.insert(notifications).values([
      {
        id: other,
        userId: s.head.id,
        kind: "signal_digest",
        dedupeKey: "test:head",
        subject: "2 nieuwe signalen op uw school",
        body: "…",
        link: "/signalen",
      },
    ]);
    expect((await as("coordinator").post("/api/notifications/read-all")).statusCode).toBe(204);
    expect((await as("head").get("/api/notifications")).json()).toMatchObject([
      { id: other, read: false },
    ]);
    expect((await as("head").post("/api/notifications/read-all")).statusCode).toBe(204);
    expect((await as("head").get("/api/notifications")).json()).toMatchObject([
      { id: other, read: true },
    ]);
  });

  it("keeps each user's e-mail choice, per kind", async () => {
    const teacher = (await as("teacher").get("/api/me/notification-preferences")).json();
    expect(teacher.email).toBe(true);
    expect(teacher.kinds).toContainEqual({ kind: "signal_digest", email: true });
    expect(teacher.kinds).toContainEqual({ kind: "case_handed_over", email: true });
    expect(teacher.kinds.map((k: { kind: string }) => k.kind)).not.toContain(
      "parent_leave_decided",
    );
    const saved = await put("teacher", "/api/me/notification-preferences", {
      email: true,
      kinds: [{ kind: "signal_digest", email: false }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await as("teacher").get("/api/me/notification-preferences")).json();
    expect(after.kinds).toContainEqual({ kind: "signal_digest", email: false });
    expect(after.kinds).toContainEqual({ kind: "case_handed_over", email: true });
    // The first slice's shape still works: e-mail off altogether, the per-kind choice kept.
    expect(
      (await put("teacher", "/api/me/notification-preferences", { email: false })).json(),
    ).toMatchObject({ email: false });
    expect((await as("head").get("/api/me/notification-preferences")).json().email).toBe(true);
  });

  it("offers a parent their own kinds, e-mail off until they choose it", async () => {
    const parent = (await as("parent").get("/api/me/notification-preferences")).json();
    expect(parent).toEqual({
      email: true,
      kinds: [
        { kind: "parent_consent_requested", email: false },
        { kind: "parent_meeting_planned", email: false },
        { kind: "parent_leave_decided", email: false },
      ],
    });
    const chosen = await put("parent", "/api/me/notification-preferences", {
      email: true,
      kinds: [{ kind: "parent_leave_decided", email: true }],
    });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().kinds).toContainEqual({ kind: "parent_leave_decided", email: true });
    // A kind the parent is not offered is refused with the field named, in Dutch.
    const refused = await put("parent", "/api/me/notification-preferences", {
      email: true,
      kinds: [{ kind: "signal_digest", email: true }],
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ path: "kinds" });
    expect(refused.json().errors[0].message).toContain("signal_digest");
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

  it("lists the outbox for the administrator and offers a failed mail again", async () => {
    const outbox = await as("admin").get("/api/admin/mail-outbox");
    expect(outbox.statusCode, outbox.body).toBe(200);
    expect(outbox.json()).toContainEqual(
      expect.objectContaining({ id: ID, status: "failed", attempts: 2 }),
    );
    expect((await as("coordinator").post(`/api/admin/mail-outbox/${ID}/retry`)).statusCode).toBe(
      403,
    );
    expect((await as("admin").post(`/api/admin/mail-outbox/${ID}/retry`)).statusCode).toBe(204);
    expect((await as("admin").get("/api/admin/mail-outbox")).json()).toContainEqual(
      expect.objectContaining({ id: ID, status: "pending", attempts: 0, given_up: false }),
    );
    // Only a failed mail can be offered again.
    expect((await as("admin").post(`/api/admin/mail-outbox/${ID}/retry`)).statusCode).toBe(404);
  });
});
