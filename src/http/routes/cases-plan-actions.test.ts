// Issue 11 item 3 over HTTP on both engines (domain.md §5 "The plan": an action's owner is a
// person and their organisation): the organisation follows the chosen owner — the organisation
// they take part in the case for — not a stale value the form sent along.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("a plan action's organisation on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let url: (command?: string) => string;
  /** The owner organisation of each action, by description (the plan lists by due date). */
  const organisations = async () => {
    const response = await as("coordinator").get(url());
    expect(response.statusCode, response.body).toBe(200);
    const actions = response.json().plan.actions as {
      description: string;
      owner_organisation: string;
    }[];
    return Object.fromEntries(actions.map((a) => [a.description, a.owner_organisation]));
  };

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    const id = await openCaseForP0001(as);
    url = (command) => `/api/cases/${id}${command ? `/${command}` : ""}`;
    const consent = await as("parent").post(url("consent"), {
      purpose: "involve_partner",
      subject: "Jeugdteam Zandstad",
      decision: "given",
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const added = await as("coordinator").post(url("participants"), {
      user_id: s.youthCare.id,
      role: "youth_care",
      organisation: "Jeugdteam Zandstad",
    });
    expect(added.statusCode, added.body).toBe(201);
  });
  afterAll(() => t.close());

  it("saves an action for the youth-care worker with the youth-care organisation", async () => {
    // The school's organisation left in the form from its default owner (the coordinator).
    const stale = await as("coordinator").post(url("actions"), {
      description: "Gezinscoach inzetten",
      owner_person_id: s.youthCare.id,
      owner_organisation: "12AB00",
      due_date: "2026-03-16",
    });
    expect(stale.statusCode, stale.body).toBe(201);
    expect((await organisations())["Gezinscoach inzetten"]).toBe("Jeugdteam Zandstad");
    const none = await as("coordinator").post(url("actions"), {
      description: "Intake jeugdhulp plannen",
      owner_person_id: s.youthCare.id,
      due_date: "2026-03-16",
    });
    expect(none.statusCode, none.body).toBe(201);
    // A decision of a meeting that becomes an action follows the same rule.
    const meeting = await as("coordinator").post(url("meetings"), {
      kind: "mdo_zat",
      date: "2026-03-02",
      participant_ids: [s.coordinator.id, s.youthCare.id],
      decisions: [
        {
          text: "Huisbezoek door het jeugdteam",
          action: {
            owner_person_id: s.youthCare.id,
            owner_organisation: "12AB00",
            due_date: "2026-03-09",
          },
        },
      ],
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    expect(await organisations()).toEqual({
      "Gezinscoach inzetten": "Jeugdteam Zandstad",
      "Intake jeugdhulp plannen": "Jeugdteam Zandstad",
      "Huisbezoek door het jeugdteam": "Jeugdteam Zandstad",
    });
  });

  it("keeps the named organisation for an owner outside the case; none is refused", async () => {
    const mentor = await as("coordinator").post(url("actions"), {
      description: "Huisbezoek door de mentor",
      owner_person_id: s.teacher.id,
      owner_organisation: "12AB00",
      due_date: "2026-03-06",
    });
    expect(mentor.statusCode, mentor.body).toBe(201);
    expect((await organisations())["Huisbezoek door de mentor"]).toBe("12AB00");
    const nameless = await as("coordinator").post(url("actions"), {
      description: "Zonder organisatie",
      owner_person_id: s.teacher.id,
      due_date: "2026-03-06",
    });
    expect(nameless.statusCode, nameless.body).toBe(409);
  });
});
