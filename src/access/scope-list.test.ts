// scopeList (src/access/scope-list.ts) on both engines: it shows exactly the cases the policy
// lets each person read — the same answer as deciding over every case of the region — and
// GET /api/cases costs the same number of queries however many cases the region holds that the
// user may not see (issue 12: the list used to load every case, then ~8 queries per case).
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PEOPLE, type Person } from "../../test/support/case-api.ts";
import { engines } from "../../test/support/databases.ts";
import { statementsDuring } from "../../test/support/query-log.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../test/support/test-app.ts";
import { listAudit } from "../db/repositories/audit.ts";
import { insertCase, loadAllCases } from "../db/repositories/cases.ts";
import { type Case, openCase } from "../domain/cases/model.ts";
import { type AccessActor, accessActorOf } from "./actor.ts";
import { caseResource, loadPupilFacts } from "./facts.ts";
import { may } from "./gate.ts";
import { scopeList } from "./scope-list.ts";

const TODAY = "2026-03-02";

describe.each(engines())("scopeList on $name", (engine) => {
  let t: TestApp;
  const ids = {} as Record<Person, string>;
  const actors = {} as Record<Person, AccessActor>;
  let coordinator: LoggedIn;
  let leerplicht: LoggedIn;
  let elsewhere = 0;

  const caseFor = (pupilId: string, schoolId: string, owner: Person, id: string): Case => {
    const opened = openCase({
      id,
      pupilId,
      schoolId,
      openedAt: "2026-02-16",
      opening: { kind: "by_hand", reason: "zorgen" },
      absenceStartDate: "2026-02-02",
      owner: { personId: ids[owner], role: "care_coordinator", organisation: schoolId },
    });
    if (!opened.ok) throw new Error(opened.message);
    return opened.case;
  };

  /** `n` more pupils in another municipality and school, each with an open case. */
  async function addCasesElsewhere(n: number): Promise<void> {
    for (let i = 0; i < n; i += 1) {
      elsewhere += 1;
      const pupilId = `E${String(elsewhere).padStart(4, "0")}`;
      await t.db.sql.exec(`
        insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
          values ('${pupilId}', 'Kind', 'Elders', '2014-04-04', 'Elders');
        insert into enrolments values ('${pupilId}', '56EF00', '2024-08-26', null, '3');
      `);
      await insertCase(t.db.orm, caseFor(pupilId, "56EF00", "otherCoordinator", `CE-${pupilId}`));
    }
  }

  beforeAll(async () => {
    t = await startTestApp(engine);
    await t.db.sql.exec(`
      insert into schools values
        ('56EF00', 'De Verre Verte', 'po', 'Elders', 'PO9999', 'zuid', 300, 300, 300, 300, 300);
    `);
    // Only the two who call the API are accounts (hashing passwords is slow); the others are
    // actors with an id, which is all the policy and the participant lists use.
    for (const [person, roles] of Object.entries(PEOPLE) as [Person, never][]) {
      ids[person] =
        person === "coordinator" || person === "leerplicht"
          ? await addUser(t.db, `${person.toLowerCase()}@scope.example`, roles)
          : randomUUID();
      actors[person] = accessActorOf(
        { userId: ids[person], roles },
        { route: "test", method: "TEST" },
      );
    }
    // P0001 at 12AB00 with the director in it; P0002 at 34CD00 with youth care that has left;
    // P0004 left 12AB00 this school year; P0003 closed, with the doctor as (former) participant.
    const withParticipant = (c: Case, p: Case["participants"][number]): Case => ({
      ...c,
      participants: [...c.participants, p],
    });
    await insertCase(
      t.db.orm,
      withParticipant(caseFor("P0001", "12AB00", "coordinator", "C-1"), {
        personId: ids.director,
        role: "case_director",
        organisation: "Zandstad",
        since: "2026-02-20",
      }),
    );
    await insertCase(
      t.db.orm,
      withParticipant(caseFor("P0002", "34CD00", "otherCoordinator", "C-2"), {
        personId: ids.youthCare,
        role: "youth_care",
        organisation: "Jeugdteam",
        since: "2026-02-18",
        until: "2026-02-25",
      }),
    );
    await insertCase(t.db.orm, caseFor("P0004", "12AB00", "coordinator", "C-4"));
    const closed = withParticipant(caseFor("P0003", "34CD00", "otherCoordinator", "C-3"), {
      personId: ids.doctor,
      role: "youth_doctor",
      organisation: "GGD",
      since: "2026-02-18",
    });
    await insertCase(t.db.orm, { ...closed, phase: "CLOSED" });
    await addCasesElsewhere(3);
    coordinator = await login(t.app, "coordinator@scope.example");
    leerplicht = await login(t.app, "leerplicht@scope.example");
  });
  afterAll(() => t.close());

  it("lists for every person exactly the cases deciding over every case would show", async () => {
    const all = await loadAllCases(t.db.orm);
    for (const person of Object.keys(PEOPLE) as Person[]) {
      const expected: string[] = [];
      for (const c of all) {
        const facts = await loadPupilFacts(t.db.orm, c.pupilId);
        if (facts && may(actors[person], "read_case", caseResource(c, facts, TODAY)).ok) {
          expected.push(c.id);
        }
      }
      const listed = await scopeList(t.db.orm, actors[person], "read_case", "case", {
        today: TODAY,
      });
      expect(listed, person).toEqual(expected);
    }
    // Spot checks of the readings behind it.
    const list = (p: Person) =>
      scopeList(t.db.orm, actors[p], "read_case", "case", { today: TODAY });
    expect(await list("coordinator")).toEqual(["C-1", "C-4"]);
    expect(await list("director")).toEqual(["C-1"]);
    expect(await list("youthCare")).toEqual([]);
    expect(await list("doctor")).toEqual([]);
    expect(await list("policy")).toEqual([]);
  });

  it("writes one audit row per listed case, and none for a role that never reads cases", async () => {
    const before = (await listAudit(t.db.orm, { userId: ids.head, limit: 100 })).length;
    await scopeList(t.db.orm, actors.head, "read_case", "case", {
      today: TODAY,
      context: { test: "true" },
    });
    const after = await listAudit(t.db.orm, { userId: ids.head, limit: 100 });
    const rows = after.slice(0, after.length - before);
    expect(rows.map((r) => [r.action, r.resourceId, r.outcome, r.context.list]).sort()).toEqual([
      ["read_case", "C-1", "allowed", "true"],
      ["read_case", "C-4", "allowed", "true"],
    ]);
    const statements = await statementsDuring(t.db, () =>
      scopeList(t.db.orm, actors.policy, "read_case", "case", { today: TODAY }),
    );
    expect(statements).toEqual([]);
  });

  it("answers GET /api/cases in the same number of queries however many cases it may not see", async () => {
    const get = (who: LoggedIn) =>
      t.app.inject({ method: "GET", url: "/api/cases", headers: { cookie: who.cookie } });
    const count = async (who: LoggedIn) => {
      let status = 0;
      let shown = 0;
      const statements = await statementsDuring(t.db, async () => {
        const response = await get(who);
        status = response.statusCode;
        shown = (response.json() as unknown[]).length;
      });
      expect(status).toBe(200);
      return { queries: statements.length, shown };
    };
    const few = { coordinator: await count(coordinator), leerplicht: await count(leerplicht) };
    await addCasesElsewhere(20);
    const many = { coordinator: await count(coordinator), leerplicht: await count(leerplicht) };
    expect(many).toEqual(few);
    expect(few.coordinator.shown).toBe(2);
    // Leerplicht keeps reading the closed case of a resident (its own rule).
    expect(few.leerplicht.shown).toBe(4);
  });
});
