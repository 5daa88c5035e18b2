// domain.md §5: the school's hand-over to the case director must reach a director. The form asks
// only for a reason; a hand-over that names nobody goes to the case director mandated for the
// pupil's municipality (as the daily job's week-4 hand-over does), who then sees the case.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Person,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("the school's hand-over to the case director on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;
  let id: string;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    id = await openCaseForP0001(as);
  });
  afterAll(async () => {
    await t.close();
  });

  it("reaches the municipality's case director when the school names nobody", async () => {
    // Zandstad has two case directors; the first in a stable order (by account id) takes it.
    const [first, second] = [s.director, s.otherDirector].sort((a, b) => (a.id < b.id ? -1 : 1));
    const firstWho: Person = first === s.director ? "director" : "otherDirector";
    const secondWho: Person = firstWho === "director" ? "otherDirector" : "director";
    expect((await as(firstWho).get(`/api/cases/${id}`)).statusCode).toBe(404);

    const handed = await as("coordinator").post(`/api/cases/${id}/escalate`, {
      reason: "Het verzuim duurt naar verwachting langer dan 4 weken.",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ phase: "CASE_DIRECTOR" });

    const file = await as(firstWho).get(`/api/cases/${id}`);
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().owner).toMatchObject({ person_id: first?.id, role: "case_director" });
    const list = await as(firstWho).get("/api/cases");
    expect(list.json().map((c: { id: string }) => c.id)).toContain(id);
    // Only the one who holds it: the other director of the municipality is not in the case.
    expect((await as(secondWho).get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect(second?.id).not.toBe(first?.id);
  });
});
