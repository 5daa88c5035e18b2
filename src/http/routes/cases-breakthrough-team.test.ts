// Issue 11 items 1 and 2 over HTTP on both engines (domain.md §5 BREAKTHROUGH and "Informed
// consent"): convening the breakthrough team makes its members participants, so the case is on
// the member's agenda (GET /api/cases) and its file opens (GET /api/cases/{id}); consent (b) for
// the team still decides; consent (b) withdrawn and given again restores the participation the
// withdrawal ended, with an `access_restored` event in the case file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  clientOf,
  loginEveryone,
  type Sessions,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import { startTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { createTeam } from "../../db/repositories/cases-breakthrough.ts";

const TEAM = "Doorbraakteam Zandstad";

describe.each(engines())("the breakthrough team in the case on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;

  /** A case handed to the director, ready to convene the team. */
  async function directorCase(pupilId: string, coordinator: "coordinator" | "otherCoordinator") {
    const opened = await as(coordinator).post("/api/cases", {
      pupil_id: pupilId,
      absence_start_date: "2026-02-02",
      reason: "Langdurig afwezig sinds begin februari.",
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id: string = opened.json().id;
    const handed = await as(coordinator).post(`/api/cases/${id}/escalate`, {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    return id;
  }
  const onAgenda = async (id: string) => {
    const list = await as("breakthrough").get("/api/cases");
    expect(list.statusCode, list.body).toBe(200);
    return list.json().some((c: { id: string }) => c.id === id);
  };
  const consent = (id: string, subject: string, decision: string, purpose = "involve_partner") =>
    as("director").post(`/api/cases/${id}/consent`, {
      purpose,
      ...(purpose === "involve_partner" ? { subject } : {}),
      decision,
      giver: { kind: "parent", person_id: s.parent.id },
    });

  beforeAll(async () => {
    t = await startTestApp(engine);
    s = await loginEveryone(t);
    as = (who) => clientOf(t, s[who]);
    await createTeam(t.db.orm, {
      id: "team-zandstad",
      municipality: "Zandstad",
      name: TEAM,
      members: [
        { discipline: "onderwijs", name: "A. Lid", organisation: "SWV", userId: s.breakthrough.id },
        { discipline: "veiligheidshuis", name: "B. Lid", organisation: "VH", userId: null },
      ],
    });
  });
  afterAll(() => t.close());

  it("convening puts the case on the member's agenda and opens its file to them", async () => {
    const id = await directorCase("P0001", "coordinator");
    expect((await consent(id, TEAM, "given")).statusCode).toBe(201);
    expect(await onAgenda(id)).toBe(false);
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(404);

    const convened = await as("director").post(`/api/cases/${id}/breakthrough`, {
      reason: "Stagnatie door wachtlijst",
    });
    expect(convened.statusCode, convened.body).toBe(200);

    expect(await onAgenda(id)).toBe(true);
    const file = await as("breakthrough").get(`/api/cases/${id}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().phase).toBe("BREAKTHROUGH");
    expect(file.json().participants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          person_id: s.breakthrough.id,
          role: "breakthrough_member",
          organisation: TEAM,
          until: null,
        }),
      ]),
    );

    // Consent (a) is about leerplicht seeing authorized absence (§5), not about the team:
    // withdrawing it leaves the team in the case.
    expect(
      (await consent(id, "", "given", "share_authorized_absence_with_leerplicht")).statusCode,
    ).toBe(201);
    expect(
      (await consent(id, "", "withdrawn", "share_authorized_absence_with_leerplicht")).statusCode,
    ).toBe(201);
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(200);
  });

  it("consent (b) withdrawn ends the team's access; given again restores it, with an event", async () => {
    const [c] = (await as("director").get("/api/cases")).json() as { id: string }[];
    const id = c?.id as string;
    expect((await consent(id, TEAM, "withdrawn")).statusCode).toBe(201);
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect(await onAgenda(id)).toBe(false);

    expect((await consent(id, TEAM, "given")).statusCode).toBe(201);
    const file = await as("breakthrough").get(`/api/cases/${id}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(await onAgenda(id)).toBe(true);
    const mine = file
      .json()
      .participants.filter((p: { person_id: string }) => p.person_id === s.breakthrough.id);
    expect(mine).toEqual([
      expect.objectContaining({ since: "2026-03-02", until: "2026-03-02" }),
      expect.objectContaining({ since: "2026-03-02", until: null }),
    ]);
    expect(file.json().events).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "access_restored",
          person_id: s.breakthrough.id,
          date: "2026-03-02",
        }),
      ]),
    );
  });

  it("does not restore a participation a person ended", async () => {
    const [c] = (await as("director").get("/api/cases")).json() as { id: string }[];
    const id = c?.id as string;
    const ended = await as("director").post(
      `/api/cases/${id}/participants/${s.breakthrough.id}/end`,
    );
    expect(ended.statusCode, ended.body).toBe(200);
    expect((await consent(id, TEAM, "withdrawn")).statusCode).toBe(201);
    expect((await consent(id, TEAM, "given")).statusCode).toBe(201);
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(404);
  });

  it("without consent (b) for the team, convening leaves its partner members out until it is given", async () => {
    const id = await directorCase("P0002", "otherCoordinator");
    const convened = await as("director").post(`/api/cases/${id}/breakthrough`, {
      reason: "Geen passend aanbod",
    });
    expect(convened.statusCode, convened.body).toBe(200);
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect(await onAgenda(id)).toBe(false);

    // Consent (b) for the team given afterwards (Daan is 13: parent and child decide): it joins.
    for (const giver of [{ kind: "parent", person_id: s.otherParent.id }, { kind: "child" }]) {
      const given = await as("director").post(`/api/cases/${id}/consent`, {
        purpose: "involve_partner",
        subject: TEAM,
        decision: "given",
        giver,
      });
      expect(given.statusCode, given.body).toBe(201);
    }
    expect((await as("breakthrough").get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect(await onAgenda(id)).toBe(true);
  });
});
