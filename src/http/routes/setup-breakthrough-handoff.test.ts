// The team the partnership composed on the set-up screen is the breakthrough hand-off target
// (issue 14 item 2, domain.md §5 BREAKTHROUGH): once the SWV has put a member in the team through
// the API, the case director's convene brings that member into the case; a member whose
// membership ended is not brought in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  type Person,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("a set-up team as the breakthrough hand-off on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
  });
  afterAll(() => t.close());

  it("convening brings the team's active members with an account into the case", async () => {
    const team = await as("swv").post("/api/breakthrough-teams", {
      municipality: "Zandstad",
      name: "Doorbraakteam Zandstad",
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id;
    const add = (userId: string, discipline: string) =>
      as("swv").post(`/api/breakthrough-teams/${teamId}/members`, {
        discipline,
        user_id: userId,
        organisation: "Doorbraakteam Zandstad",
      });
    expect((await add(s.breakthrough.id, "onderwijs")).statusCode).toBe(201);
    expect((await add(s.youthCare.id, "jeugdhulp")).statusCode).toBe(201);
    const ended = await as("swv").post(`/api/breakthrough-teams/${teamId}/members/2/end`);
    expect(ended.statusCode, ended.body).toBe(200);

    const opened = await as("coordinator").post("/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-02",
      reason: "Langdurig afwezig sinds begin februari.",
    });
    const id: string = opened.json().id;
    const handed = await as("coordinator").post(`/api/cases/${id}/escalate`, {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const consent = await as("director").post(`/api/cases/${id}/consent`, {
      purpose: "involve_partner",
      subject: "Doorbraakteam Zandstad",
      decision: "given",
      giver: { kind: "parent", person_id: s.parent.id },
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const convened = await as("director").post(`/api/cases/${id}/breakthrough`, {
      reason: "Stagnatie door wachtlijst",
    });
    expect(convened.statusCode, convened.body).toBe(200);

    const file = await as("breakthrough").get(`/api/cases/${id}`);
    expect(file.statusCode, file.body).toBe(200);
    const people = file.json().participants.map((p: { person_id: string }) => p.person_id);
    expect(people).toContain(s.breakthrough.id);
    expect(people).not.toContain(s.youthCare.id);
  });
});
