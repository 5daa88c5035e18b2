// Issue 11 item 4 over HTTP on both engines: a new case's mentor-contact deadline is due on the
// opening day, not late at opening (§5 SCHOOL row); a closed case has no next deadline; and the
// case list and the pupil page agree for the same user (§2: outside professionals see a pupil
// "only while they are a participant" — closing the case ends that for both views, while the
// school keeps both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, type Sessions, startWithEveryone } from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("a new and a closed case in every view on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let id: string;
  const listed = async (who: keyof Sessions) => {
    const list = await as(who).get("/api/cases");
    expect(list.statusCode, list.body).toBe(200);
    return (list.json() as { id: string; next_deadline: unknown }[]).find((c) => c.id === id);
  };

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
  });
  afterAll(() => t.close());

  it("opens a case for an absence of a month ago with the mentor's contact due today", async () => {
    const opened = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-02",
      reason: "Langdurig afwezig sinds begin februari.",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    id = opened.json().id;
    expect(opened.json().next_deadline).toMatchObject({
      code: "mentor_contact",
      due_date: "2026-03-02",
      status: "open",
    });
  });

  it("shows a closed case with no next deadline, and its pupil, to the school", async () => {
    const handed = await as("coordinator").post(`/api/cases/${id}/escalate`, {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(await listed("director")).toBeDefined();
    expect((await as("director").get("/api/pupils/P0001")).statusCode).toBe(200);
    const closed = await as("director").post(`/api/cases/${id}/close`, {
      outcome: "own_school_full_time",
      reason: "Weer volledig naar de eigen school",
    });
    expect(closed.statusCode, closed.body).toBe(200);

    expect(await listed("coordinator")).toMatchObject({ next_deadline: null });
    expect((await as("coordinator").get(`/api/cases/${id}`)).json()).toMatchObject({
      phase: "CLOSED",
      next_deadline: null,
    });
    expect((await as("coordinator").get("/api/pupils/P0001")).statusCode).toBe(200);
  });

  it("hides the closed case from the director exactly as the pupil page is hidden", async () => {
    expect((await as("director").get("/api/pupils/P0001")).statusCode).toBe(404);
    expect(await listed("director")).toBeUndefined();
    expect((await as("director").get(`/api/cases/${id}`)).statusCode).toBe(404);
  });
});
