// Placements over HTTP (issue 14 item 2; domain.md §6): the partnership records that a pupil of a
// case it takes part in takes a place — off the waiting list, the catalogue's counts follow — and
// corrects its end; a full place, an end before the start and a second placement are refused in
// Dutch; a pupil it takes no part for answers 404 like an unknown one (audited as refused); the
// list names only pupils the user may read; other roles 403. Every change is audited.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  type Person,
  type Sessions,
  startWithArrangement,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("placements on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;
  let arrangement = "";
  const url = (p = "") => `/api/arrangements/${arrangement}/placements${p}`;

  beforeAll(async () => {
    ({
      t,
      s,
      as,
      arrangementId: arrangement,
    } = await startWithArrangement(engine, {
      provider: "Stichting De Brug",
      name: "OZA De Brug",
      kind: "oza",
      capacity: 1,
    }));
    await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P0001",
      since: "2026-01-12",
    });
  });
  afterAll(() => t?.close());

  it("places a participant's pupil, takes them off the waiting list and corrects the end; audited", async () => {
    const bad = await as("swv").post(url(), {
      pupil_id: "P0001",
      start_date: "2026-02-02",
      end_date: "2026-01-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      expect.objectContaining({ path: "end_date", message: expect.stringContaining("vóór") }),
    ]);
    const placed = await as("swv").post(url(), { pupil_id: "P0001", start_date: "2026-02-02" });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({
      pupil_id: "P0001",
      start_date: "2026-02-02",
      end_date: null,
      active: true,
    });
    expect(placed.json().pupil_name).not.toBe("");
    const [place] = (await as("swv").get("/api/arrangements")).json();
    expect(place).toMatchObject({ occupied: 1, free: 0, waiting: 0 });
    const twice = await as("swv").post(url(), { pupil_id: "P0001", start_date: "2026-02-16" });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().detail).toContain("heeft al een plaats in OZA De Brug sinds 2026-02-02");

    // Another family's child holds an earlier place: counted, not named.
    await t.db.sql.query(
      "insert into arrangement_placements (arrangement_id, pupil_id, start_date, end_date) values ($1, 'P0002', '2025-09-01', '2026-01-30')",
      [arrangement],
    );
    const list = await as("swv").get(url());
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({ pupil_id: "P0001", active: true }),
      expect.objectContaining({ pupil_id: null, pupil_name: null, end_date: "2026-01-30" }),
    ]);

    const ended = await as("swv").patch(url("/P0001/2026-02-02"), { end_date: "2026-02-27" });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ end_date: "2026-02-27", active: false });
    const overlap = await as("swv").patch(url("/P0001/2026-02-02"), { end_date: "2026-01-01" });
    expect(overlap.statusCode).toBe(400);
    const reopened = await as("swv").patch(url("/P0001/2026-02-02"), { end_date: null });
    expect(reopened.json()).toMatchObject({ end_date: null, active: true });
    // Full again: nobody else fits while the place is taken.
    await t.db.sql.query(
      "update arrangement_placements set end_date = null where pupil_id = 'P0002'",
    );
    const full = await as("swv").patch(url("/P0001/2026-02-02"), { end_date: "2026-02-20" });
    expect(full.statusCode).toBe(409);
    expect(full.json().detail).toContain("geen vrije plaats");

    const audit = await listAudit(t.db.orm, { userId: s.swv.id, limit: 40 });
    const mine = audit.filter((a) => a.pupilId === "P0001").map((a) => a.action);
    expect(mine).toEqual(
      expect.arrayContaining(["record_placement", "update_placement", "list_placements"]),
    );
    expect(audit.some((a) => a.pupilId === "P0002")).toBe(false);
  });

  it("answers 404 for a pupil the partnership takes no part for, audited as refused; others 403", async () => {
    const hidden = await as("swv").post(url(), { pupil_id: "P0002", start_date: "2026-03-02" });
    expect(hidden.statusCode).toBe(404);
    const unknown = await as("swv").post(url(), { pupil_id: "P9999", start_date: "2026-03-02" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(hidden.json().detail);
    const audit = await listAudit(t.db.orm, { userId: s.swv.id, limit: 20 });
    expect(audit.find((a) => a.pupilId === "P0002")).toMatchObject({
      action: "record_placement",
      outcome: "denied",
    });
    expect((await as("swv").get("/api/arrangements/geen-plek/placements")).statusCode).toBe(404);
    expect((await as("leerplicht").get(url())).statusCode).toBe(403);
    expect(
      (await as("coordinator").post(url(), { pupil_id: "P0001", start_date: "2026-03-02" }))
        .statusCode,
    ).toBe(403);
    const bad = await as("swv").post(url(), { pupil_id: "", start_date: "morgen" });
    expect(bad.statusCode).toBe(400);
  });
});
