// Leerplicht's register over HTTP (issue 14 item 2): an attendance officer records an exemption
// decision with its advice and a Variawet record for a resident, changes them, and lists them;
// each change is audited with the pupil's id; a resident of another municipality answers 404,
// other roles 403; invalid input is a 400 problem+json naming the field in Dutch; the recorded
// exemption is what the monitor counts and the signals read.
import { describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { setupRegion } from "../../../test/support/setup-region.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { evaluateSignalsAt } from "../../services/signals.ts";

describe.each(engines())("exemptions and Variawet set-up on $name", (engine) => {
  const region = setupRegion(engine);
  const { send } = region;
  const lpa = region.user("lpa@zandstad.example", [
    { role: "attendance_officer", municipality: "Zandstad" },
  ]);
  const elders = region.user("lpa@elders.example", [
    { role: "attendance_officer", municipality: "Elders" },
  ]);
  const swv = region.user("swv@regio.example", [
    { role: "partnership_consultant", partnership: "PO2605" },
  ]);

  const EXEMPTION = {
    pupil_id: "P0002",
    kind: "5a",
    start_date: "2026-01-05",
    decision_maker: "College van B&W Zandstad",
    advice_partnership_by: "SWV PO2605",
    advice_partnership_on: "2025-12-10",
  };

  it("records an exemption decision with who decided and the advice, audited", async () => {
    const response = await send(lpa, "POST", "/api/exemptions", EXEMPTION);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      pupil_id: "P0002",
      person_name: "Daan Kuiper",
      kind: "5a",
      decision_maker: "College van B&W Zandstad",
      advice_partnership_on: "2025-12-10",
      advice_doctor_on: null,
      end_date: null,
    });
    const audit = await listAudit(region.t.db.orm, { userId: lpa.id, limit: 5 });
    expect(audit[0]).toMatchObject({
      action: "record_exemption",
      resourceType: "exemption",
      pupilId: "P0002",
      outcome: "allowed",
      role: "attendance_officer",
    });
    // No doctor's advice yet: the register's signal of §4 holds.
    const signals = await evaluateSignalsAt(region.t.db.sql, {
      asOf: "2026-03-02",
      code: "EXEMPTION_5A_NO_ADVICE",
    });
    expect(signals.map((s) => s.pupilId)).toContain("P0002");
    expect((await send(lpa, "POST", "/api/exemptions", EXEMPTION)).statusCode).toBe(409);
  });

  it("records the doctor's advice and an end date, and lists the register", async () => {
    const changed = await send(lpa, "PATCH", "/api/exemptions/P0002/5a/2026-01-05", {
      decision_maker: "College van B&W Zandstad",
      advice_partnership_by: "SWV PO2605",
      advice_partnership_on: "2025-12-10",
      advice_doctor_by: "Onafhankelijk arts GGD",
      advice_doctor_on: "2025-12-15",
      end_date: "2026-07-31",
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      advice_doctor_on: "2025-12-15",
      end_date: "2026-07-31",
    });
    const signals = await evaluateSignalsAt(region.t.db.sql, {
      asOf: "2026-03-02",
      code: "EXEMPTION_5A_NO_ADVICE",
    });
    expect(signals.map((s) => s.pupilId)).not.toContain("P0002");
    const list = await send(lpa, "GET", "/api/exemptions");
    expect(list.json()).toEqual([expect.objectContaining({ pupil_id: "P0002", kind: "5a" })]);
  });

  it("answers invalid input with 400 problem+json naming the field in Dutch", async () => {
    const response = await send(lpa, "POST", "/api/exemptions", {
      ...EXEMPTION,
      kind: "7",
      start_date: "2026-02-01",
      end_date: "2026-01-01",
      advice_doctor_by: "Arts",
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(["kind"]));
    const after = await send(lpa, "POST", "/api/exemptions", {
      ...EXEMPTION,
      start_date: "2026-02-01",
      end_date: "2026-01-01",
      advice_doctor_by: "Arts",
    });
    expect(after.statusCode).toBe(400);
    const paths = after.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["end_date", "advice_doctor_on"]));
    expect(after.body).toContain("einddatum ligt vóór de begindatum");
  });

  it("answers 404 for a resident of another municipality and 403 for other roles", async () => {
    expect((await send(elders, "POST", "/api/exemptions", EXEMPTION)).statusCode).toBe(404);
    expect((await send(elders, "GET", "/api/exemptions")).json()).toEqual([]);
    expect(
      (await send(elders, "PATCH", "/api/exemptions/P0002/5a/2026-01-05", EXEMPTION)).statusCode,
    ).toBe(404);
    expect((await send(swv, "GET", "/api/exemptions")).statusCode).toBe(403);
    expect((await send(swv, "POST", "/api/variawet", {})).statusCode).toBe(400);
    const denied = await send(swv, "GET", "/api/variawet");
    expect(denied.statusCode).toBe(403);
  });

  it("records, approves and lists a Variawet record", async () => {
    const created = await send(lpa, "POST", "/api/variawet", {
      pupil_id: "P0001",
      school_id: "12AB00",
      start_date: "2026-03-02",
      end_date: "2026-05-29",
      hours_per_week: 12,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ approved: null, hours_per_week: 12 });
    const half = await send(lpa, "PATCH", `/api/variawet/${id}`, { approved: true });
    expect(half.statusCode).toBe(400);
    expect(half.json().errors[0].path).toBe("approved_by");
    const approved = await send(lpa, "PATCH", `/api/variawet/${id}`, {
      approved: true,
      approved_by: "Inspectie van het Onderwijs",
      approved_on: "2026-03-04",
      hours_per_week: 14,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ approved: true, hours_per_week: 14 });
    const wrongSchool = await send(lpa, "POST", "/api/variawet", {
      pupil_id: "P0001",
      school_id: "34CD00",
      start_date: "2026-03-02",
      end_date: "2026-05-29",
      hours_per_week: 12,
    });
    expect(wrongSchool.statusCode).toBe(400);
    expect(wrongSchool.json().errors[0].path).toBe("school_id");
    expect(
      (await send(elders, "PATCH", `/api/variawet/${id}`, { hours_per_week: 1 })).statusCode,
    ).toBe(404);
    const list = await send(lpa, "GET", "/api/variawet");
    expect(list.json()).toEqual([expect.objectContaining({ id, approved: true })]);
    const audit = await listAudit(region.t.db.orm, { userId: lpa.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["record_variawet", "update_variawet", "list_variawet"]),
    );
  });
});
