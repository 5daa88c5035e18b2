import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  personalStrings,
  seedLongTermAbsence,
  seedMonitorRegion,
} from "../../../test/support/monitor-region.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { idsFromCsv } from "./monitor-reconciliation.ts";

const THEIR_LIST = ["P1001", "P1004", "P1008", "X2001", "P0003", "Q9999"];

describe.each(engines())("POST /api/monitor/reconciliation on $name", (engine) => {
  let t: TestApp;
  let head: LoggedIn;
  let leerplicht: LoggedIn;
  let policy: LoggedIn;
  let elders: LoggedIn;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const ownerId = await addUser(t.db, "ib@linde.example", [
      { role: "care_coordinator", schoolId: "12AB00" },
    ]);
    await addUser(t.db, "directie@linde.example", [{ role: "school_head", schoolId: "12AB00" }]);
    await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    await addUser(t.db, "beleid@zandstad.example", [
      { role: "policy_officer", municipality: "Zandstad" },
    ]);
    await seedMonitorRegion(t.db, ownerId);
    await seedLongTermAbsence(t.db);
    await addUser(t.db, "lpa@elders.example", [
      { role: "attendance_officer", municipality: "Elders" },
    ]);
    await t.db.sql.exec(`
      insert into pupils (pupil_id, given_name, family_name, birth_date, municipality)
        values ('P3001', 'Kind', 'Eldersman', '2014-04-01', 'Elders');
      insert into enrolments values ('P3001', '12AB00', '2022-08-22', null, '6');
    `);
    head = await login(t.app, "directie@linde.example");
    leerplicht = await login(t.app, "lpa@zandstad.example");
    policy = await login(t.app, "beleid@zandstad.example");
    elders = await login(t.app, "lpa@elders.example");
  });
  afterAll(() => t.close());

  const post = (who: LoggedIn, url: string, payload: string | object, type = "application/json") =>
    t.app.inject({
      method: "POST",
      url,
      headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken, "content-type": type },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });

  it("shows the partnership's list against the register with reasons (leerplicht sees all residents)", async () => {
    const response = await post(
      leerplicht,
      "/api/monitor/reconciliation?as_of=2026-03-02&partnership=PO2605",
      {
        pupil_ids: THEIR_LIST,
      },
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.in_both).toBe(1);
    expect(body.in_both_pupil_ids).toEqual(["P1001"]);
    expect(
      body.only_in_register.map((l: { pupil_id: string; reason: string }) => [
        l.pupil_id,
        l.reason,
      ]),
    ).toEqual([
      ["P1002", "thuiszitter_inspectie"],
      ["P1003", "thuiszitter_breed"],
    ]);
    expect(
      body.only_in_list.map((l: { pupil_id: string; reason: string }) => [l.pupil_id, l.reason]),
    ).toEqual([
      ["P0003", "outside_scope"],
      ["P1004", "no_absence_signal"],
      ["P1008", "case_closed"],
      ["X2001", "not_enrolled"],
    ]);
    // the unknown id is never shown (no existence test), only counted
    expect(body.not_shown).toEqual({ only_in_list: null, only_in_register: 0, in_both: 0 });
  });

  it("accepts the list as CSV (BOM, ';', quoted) and shows a school head its own pupils only", async () => {
    const csv = `\uFEFFnaam;"pupil_id"\r\n${THEIR_LIST.map((id) => `x;"${id}"`).join("\r\n")}\r\n`;
    const response = await post(
      head,
      "/api/monitor/reconciliation?as_of=2026-03-02&school=12AB00",
      csv,
      "text/csv",
    );
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.list_size).toBe(6);
    expect(body.only_in_list.map((l: { pupil_id: string }) => l.pupil_id)).toEqual([
      "P1004",
      "P1008",
    ]);
    expect(body.not_shown.only_in_list).toBeNull(); // X2001, P0003, Q9999: three, suppressed
    const audit = await listAudit(t.db.orm, { pupilId: "P1004", limit: 10 });
    expect(audit.some((a) => a.resourceType === "reconciliation" && a.outcome === "allowed")).toBe(
      true,
    );
  });

  it("refuses policy roles (403, audited): counts over any list would identify pupils", async () => {
    const response = await post(
      policy,
      "/api/monitor/reconciliation?as_of=2026-03-02&partnership=PO2605",
      { pupil_ids: THEIR_LIST },
    );
    expect(response.statusCode).toBe(403);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    for (const s of personalStrings()) expect(response.body).not.toContain(s);
    const denied = (await listAudit(t.db.orm, { limit: 20 })).find(
      (a) => a.action === "reconcile_list" && a.outcome === "denied",
    );
    expect(denied?.context.submittedIds).toBe(THEIR_LIST.join(","));
  });

  it("treats ids another municipality's leerplicht may not read exactly like unknown ids", async () => {
    // Elders' officer reads its own resident P3001 only; every Zandstad id is out of reach.
    const reconcile = async (ids: string[]) => {
      const response = await post(elders, "/api/monitor/reconciliation?as_of=2026-03-02", {
        pupil_ids: ids,
      });
      expect(response.statusCode).toBe(200);
      return response.json();
    };
    const zandstad = ["P1001", "P1002", "P1003", "X2001", "X2002", "P1004", "P1005"];
    const unknown = ["Q0001", "Q0002", "Q0003", "Q0004", "Q0005", "Q0006", "Q0007"];
    const withZandstad = await reconcile(["P3001", ...zandstad]);
    expect(await reconcile(["P3001", ...unknown])).toEqual(withZandstad);
    expect(withZandstad.in_both).toBe(0);
    expect(withZandstad.only_in_list.map((l: { pupil_id: string }) => l.pupil_id)).toEqual([
      "P3001",
    ]);
    expect(withZandstad.not_shown).toEqual({ only_in_list: 7, only_in_register: 9, in_both: 0 });
    // The differencing attack: dropping a thuiszitter (P1001, X2001) from the list answers the
    // same as dropping a pupil who is none (P1004), so no list tells anyone's status.
    const without = (id: string) => reconcile(["P3001", ...zandstad.filter((z) => z !== id)]);
    const baseline = await without("P1004");
    expect(await without("P1001")).toEqual(baseline);
    expect(await without("X2001")).toEqual(baseline);
  });

  it("records the submitted ids in the audit row of the request", async () => {
    const response = await post(
      leerplicht,
      "/api/monitor/reconciliation?as_of=2026-03-02&municipality=Zandstad",
      { pupil_ids: ["P1002", "Q4242", "P1002"] },
    );
    expect(response.statusCode).toBe(200);
    const row = (await listAudit(t.db.orm, { limit: 50 })).find(
      (a) => a.action === "reconcile_list" && a.context.submittedIds?.includes("Q4242"),
    );
    expect(row).toMatchObject({ outcome: "allowed", resourceType: "monitor" });
    expect(row?.context.submittedIds).toBe("P1002,Q4242");
    expect(row?.context.listSize).toBe("2");
  });

  it("refuses a list without an id column, and roles without the monitor", async () => {
    const bad = await post(leerplicht, "/api/monitor/reconciliation", "naam\nx\n", "text/csv");
    expect(bad.statusCode).toBe(400);
    expect(() => idsFromCsv("a,b\n1,2\n")).toThrow(/pupil_id/);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    const teacher = await login(t.app, "juf@linde.example");
    expect(
      (await post(teacher, "/api/monitor/reconciliation", { pupil_ids: ["P1001"] })).statusCode,
    ).toBe(403);
  });
});
