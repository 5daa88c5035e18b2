import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  insertCaseRow,
  personalStrings,
  seedMonitorRegion,
} from "../../../test/support/monitor-region.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { addDays } from "../../domain/calendar/dates.ts";

/** 12AB00's scheduled minutes (no closures in the test region): Wednesday 180, else 300. */
function scheduled12AB00(from: string, to: string): number {
  let minutes = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5) minutes += weekday === 3 ? 180 : 300;
  }
  return minutes;
}

describe.each(engines())("GET /api/monitor/former-thuiszitters on $name", (engine) => {
  let t: TestApp;
  let head: LoggedIn;
  let policy: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const ownerId = await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "directie@linde.example", [{ role: "school_head", schoolId: "12AB00" }]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await seedMonitorRegion(t.db, ownerId); // P1008's case closed 2026-01-15
    for (const [id, school] of [
      ["P0001", "12AB00"],
      ["P0002", "34CD00"],
      ["P0003", "12AB00"],
      ["P0004", "12AB00"],
    ] as const) {
      await insertCaseRow(t.db, {
        id: `case-${id}`,
        pupilId: id,
        schoolId: school,
        phase: "CLOSED",
        openedAt: "2025-09-01",
        absenceStart: "2025-08-25",
        ownerId,
        closedAt: "2026-02-02",
        outcome: "own_school_full_time",
        transitions: [{ at: "2026-02-02", from: "SCHOOL", to: "CLOSED", command: "close" }],
      });
    }
    // P1008 missed one whole Monday after the closing
    await t.db.sql.exec(
      "insert into attendance (pupil_id, date, period, school_id, minutes, reason) values ('P1008', '2026-02-02', 'day', '12AB00', 300, 'truant')",
    );
    head = await login(t.app, "directie@linde.example");
    policy = await login(t.app, "beleid@zandstad.example");
  });
  afterAll(() => t.close());

  const get = (who: LoggedIn) =>
    t.app.inject({
      method: "GET",
      url: "/api/monitor/former-thuiszitters?as_of=2026-03-02",
      headers: { cookie: who.cookie },
    });

  it("follows each former thuiszitter the user may see: re-entry, attendance, leaving", async () => {
    const response = await get(head);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.start_qualification_recorded).toBe(false);
    const rows = body.pupils as Record<string, unknown>[];
    // P0002's case belongs to 34CD00: not this head's
    expect(rows.map((r) => r.pupil_id).sort()).toEqual(["P0001", "P0003", "P0004", "P1008"]);
    const p1008 = rows.find((r) => r.pupil_id === "P1008");
    expect(p1008).toMatchObject({
      cohort: "2026-Q1",
      outcome: "special_education",
      enrolled_now: true,
      reentered: true,
      school_changes: 0,
      left_education: false,
      start_qualification: "unknown",
    });
    const expected = 1 - 300 / scheduled12AB00("2026-01-16", "2026-03-02");
    expect(p1008?.attendance_rate).toBeCloseTo(expected, 3);
    expect(rows.find((r) => r.pupil_id === "P0004")).toMatchObject({
      enrolled_now: false,
      left_education: true,
      attendance_rate: null,
    });
    expect(rows.find((r) => r.pupil_id === "P0003")).toMatchObject({ school_changes: 0 });
  });

  it("pseudonymises the export on request with the region key: same rows, no real ids (issue 18)", async () => {
    const plain = (await get(head)).json() as { pupils: Record<string, unknown>[] };
    const response = await t.app.inject({
      method: "GET",
      url: "/api/monitor/former-thuiszitters?as_of=2026-03-02&pseudonymise=true",
      headers: { cookie: head.cookie },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json() as { pupils: Record<string, unknown>[] };
    expect(body.pupils).toHaveLength(plain.pupils.length);
    for (const id of ["P0001", "P0003", "P0004", "P1008"]) expect(response.body).not.toContain(id);
    for (const row of body.pupils) {
      expect(row.pupil_id).toMatch(/^PS[0-9a-f]{16}$/);
      expect(row.case_id).toMatch(/^PS[0-9a-f]{16}$/);
    }
    const strip = (rows: Record<string, unknown>[]) =>
      rows.map(({ pupil_id: _p, case_id: _c, ...rest }) => JSON.stringify(rest)).sort();
    expect(strip(body.pupils)).toEqual(strip(plain.pupils));
    // Stable: the same pupil has the same pseudonym in the next export.
    const again = await t.app.inject({
      method: "GET",
      url: "/api/monitor/former-thuiszitters?as_of=2026-03-02&pseudonymise=true",
      headers: { cookie: head.cookie },
    });
    expect(
      again
        .json()
        .pupils.map((r: { pupil_id: string }) => r.pupil_id)
        .sort(),
    ).toEqual(body.pupils.map((r) => r.pupil_id).sort());
  });

  it("gives policy roles the cohort counts only (1–4 suppressed), no pupil", async () => {
    const response = await get(policy);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.pupils).toBeNull();
    const count = (measure: string) =>
      body.cohorts.find(
        (r: { cohort: string; measure: string }) => r.cohort === "2026-Q1" && r.measure === measure,
      )?.count;
    expect(count("former_thuiszitters")).toBe(5);
    expect(count("enrolled_now")).toBeNull(); // 4
    expect(count("left_education")).toBeNull(); // 1
    for (const s of [...personalStrings(), "case-P"]) expect(response.body).not.toContain(s);
  });
});
