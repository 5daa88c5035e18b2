// What a parent reads of their child's case to know who helps and when people meet (issue 11,
// the parent page): the participants by name (the case owner is the contact person), when the
// breakthrough team meets and when meetings took place — but not who said what in them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { createTeam } from "../../db/repositories/cases-breakthrough.ts";

describe.each(engines())("the parent's view of a case on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let id: string;
  const url = (command?: string) => `/api/cases/${id}${command ? `/${command}` : ""}`;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    await createTeam(t.db.orm, {
      id: "team-zandstad",
      municipality: "Zandstad",
      name: "Doorbraakteam Zandstad",
      members: [],
    });
    id = await openCaseForP0001(as);
    const handed = await as("coordinator").post(url("escalate"), {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: s.director.id,
    });
    expect(handed.statusCode, handed.body).toBe(200);
    const meeting = await as("director").post(url("meetings"), {
      kind: "mdo_zat",
      date: "2026-02-20",
      participant_ids: [s.director.id, s.coordinator.id],
      decisions: [{ text: "Vertrouwelijke afweging van de school." }],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const convened = await as("director").post(url("breakthrough"), {
      reason: "Geen passend aanbod in zicht",
      meeting_date: "2026-03-05",
    });
    expect(convened.statusCode, convened.body).toBe(200);
  });
  afterAll(() => t.close());

  it("names the people taking part, so the parent knows who the contact person is", async () => {
    const response = await as("parent").get(url());
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.owner.person_id).toBe(s.director.id);
    const owner = body.participants.find(
      (p: { person_id: string }) => p.person_id === body.owner.person_id,
    );
    expect(owner).toMatchObject({ role: "case_director", name: "director" });
  });

  it("tells the parent when the breakthrough team meets and when meetings took place", async () => {
    const body = (await as("parent").get(url())).json();
    expect(body.breakthrough_agenda).toEqual([
      expect.objectContaining({ meeting_date: "2026-03-05" }),
    ]);
    // The date and kind only: who took part and what was decided stay with the professionals.
    expect(body.meetings).toEqual([
      expect.objectContaining({
        kind: "mdo_zat",
        date: "2026-02-20",
        participant_ids: [],
        decisions: [],
      }),
    ]);
    const professional = (await as("director").get(url())).json();
    expect(professional.meetings[0].decisions).toHaveLength(1);
    expect(professional.meetings[0].participant_ids).toHaveLength(2);
  });
});
