// SICK_NOTABLE recorded by hand (issue 15 item 4, domain.md §4 "a professional's observation
// (e.g. regularly sent home sick); recorded by hand"): the mentor or care coordinator of the
// pupil's school records the observation; it raises SICK_NOTABLE in the on-demand evaluation
// (GET /api/signals); other schools and roles do not see or record it; every attempt is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  type Person,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("sick observations (SICK_NOTABLE by hand) on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  const url = (pupil: string) => `/api/pupils/${pupil}/sick-observations`;
  const sickNotable = async (who: Person) => {
    const r = await as(who).get("/api/signals");
    expect(r.statusCode, r.body).toBe(200);
    return (r.json() as { pupil_id: string; school_id: string; code: string }[]).filter(
      (x) => x.code === "SICK_NOTABLE",
    );
  };

  it("lets the mentor record an observation that raises SICK_NOTABLE in GET /api/signals", async () => {
    expect(await sickNotable("coordinator")).toEqual([]);
    const before = await as("teacher").get(url("P0001"));
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({ observations: [], may_record: true });

    const recorded = await as("teacher").post(url("P0001"), {
      recorded_on: "2026-02-27",
      note: "  Wordt de laatste weken vaak ziek opgehaald.  ",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({
      pupil_id: "P0001",
      school_id: "12AB00",
      recorded_on: "2026-02-27",
      end_date: null,
      note: "Wordt de laatste weken vaak ziek opgehaald.",
      recorded_by: s.teacher.id,
    });

    const read = await as("head").get(url("P0001"));
    expect(read.statusCode).toBe(200);
    expect(read.json().may_record).toBe(false);
    expect(read.json().observations).toHaveLength(1);

    const signals = await sickNotable("coordinator");
    expect(signals.map((x) => [x.pupil_id, x.school_id])).toEqual([["P0001", "12AB00"]]);
    // The other school does not see it.
    expect(await sickNotable("otherCoordinator")).toEqual([]);
  });

  it("refuses a date in the future, an end before the start and a long note, with a clear code", async () => {
    const future = await as("coordinator").post(url("P0001"), {
      recorded_on: "2026-03-03",
      note: "x",
    });
    expect(future.statusCode).toBe(409);
    expect(future.json().type).toBe("urn:aanwezig:problem:sick-observation-date-in-future");
    const end = await as("coordinator").post(url("P0001"), {
      recorded_on: "2026-02-20",
      end_date: "2026-02-19",
      note: "x",
    });
    expect(end.json().type).toBe("urn:aanwezig:problem:sick-observation-end-before-start");
    const long = await as("coordinator").post(url("P0001"), { note: "x".repeat(301) });
    expect(long.statusCode).toBe(400);
    const empty = await as("coordinator").post(url("P0001"), { note: "   " });
    expect(empty.statusCode).toBe(400);
  });

  it("hides the pupil from other schools and lets only mentor and coordinator record", async () => {
    expect((await as("otherCoordinator").get(url("P0001"))).statusCode).toBe(404);
    const other = await as("otherCoordinator").post(url("P0001"), { note: "x" });
    expect(other.statusCode).toBe(404);
    expect((await as("coordinator").get(url("P9999"))).statusCode).toBe(404);
    const head = await as("head").post(url("P0001"), { note: "x" });
    expect(head.statusCode).toBe(403);
    // Leerplicht reads the pupil but records no observation; the youth doctor outside a case
    // does not see the pupil at all.
    const leerplicht = await as("leerplicht").post(url("P0001"), { note: "x" });
    expect(leerplicht.statusCode).toBe(403);
    const doctor = await as("doctor").post(url("P0001"), { note: "x" });
    expect(doctor.statusCode).toBe(404);
  });

  it("audits every read and attempt, allowed and denied", async () => {
    const rows = await t.db.sql.query<{ action: string; outcome: string; user_id: string }>(
      `select action, outcome, user_id::text from audit_log
       where resource_type = 'sick_observation' and pupil_id = 'P0001' order by id`,
    );
    const of = (who: Person, action: string, outcome: string) =>
      rows.filter((r) => r.user_id === s[who].id && r.action === action && r.outcome === outcome);
    expect(of("teacher", "record_sick_observation", "allowed")).toHaveLength(1);
    expect(of("teacher", "read_sick_observations", "allowed")).toHaveLength(1);
    expect(of("otherCoordinator", "record_sick_observation", "denied")).toHaveLength(1);
    expect(of("head", "record_sick_observation", "denied")).toHaveLength(1);
  });
});
