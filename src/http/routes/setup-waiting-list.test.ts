// Waiting lists over HTTP (issue 14 item 2; domain.md §6): the partnership puts a pupil of a case
// it takes part in on an arrangement's list and takes them off; a pupil it does not take part
// for answers 404 (no existence leak) and is audited as refused; the list names only pupils the
// user may read and every named read is audited.
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

describe.each(engines())("waiting lists on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;
  let arrangement = "";

  beforeAll(async () => {
    ({
      t,
      s,
      as,
      arrangementId: arrangement,
    } = await startWithArrangement(engine, {
      provider: "SO De Kompas",
      name: "Speciaal onderwijs De Kompas",
      kind: "special_education",
      capacity: 1,
    }));
  });
  afterAll(() => t?.close());

  it("puts a participant's pupil on the list, names them, takes them off; audited", async () => {
    const list = () => as("swv").get(`/api/arrangements/${arrangement}/waiting-list`);
    const put = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P0001",
      since: "2026-02-16",
    });
    expect(put.statusCode, put.body).toBe(201);
    expect(put.json()).toMatchObject({ waiting: 1 });
    const again = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P0001",
    });
    expect(again.statusCode).toBe(409);

    // A pupil of another family waits too: the partnership sees the place, not the name.
    await t.db.sql.query(
      "insert into waiting_list_entries (arrangement_id, pupil_id, since) values ($1, 'P0002', '2026-01-05')",
      [arrangement],
    );
    const shown = await list();
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toEqual([
      expect.objectContaining({
        position: 1,
        since: "2026-01-05",
        pupil_id: null,
        pupil_name: null,
      }),
      expect.objectContaining({ position: 2, since: "2026-02-16", pupil_id: "P0001" }),
    ]);
    expect(shown.json()[1].pupil_name).not.toBe("");

    const off = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list/P0001/leave`);
    expect(off.statusCode, off.body).toBe(200);
    // Off the list from the day after (the day of leaving counts as on the list, domain §6).
    const next = await as("swv").get(
      `/api/arrangements/${arrangement}/waiting-list?as_of=2026-03-03`,
    );
    expect(next.json()).toHaveLength(1);
    expect(next.json()[0]).toMatchObject({ pupil_id: null });

    const audit = await listAudit(t.db.orm, { userId: s.swv.id, limit: 20 });
    const rows = audit.filter((a) => a.pupilId === "P0001");
    expect(rows.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "add_waiting_list_entry",
        "list_arrangements",
        "end_waiting_list_entry",
      ]),
    );
    expect(audit.some((a) => a.pupilId === "P0002")).toBe(false);
  });

  it("answers 404 for a pupil the partnership takes no part for, audited as refused; others 403", async () => {
    const hidden = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P0002",
    });
    expect(hidden.statusCode).toBe(404);
    const unknown = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P9999",
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(hidden.json().detail);
    const off = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list/P0002/leave`);
    expect(off.statusCode).toBe(404);
    const audit = await listAudit(t.db.orm, { userId: s.swv.id, limit: 20 });
    expect(audit.find((a) => a.pupilId === "P0002")).toMatchObject({
      action: "end_waiting_list_entry",
      outcome: "denied",
    });
    const refused = await as("leerplicht").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "P0001",
    });
    expect(refused.statusCode).toBe(403);
    const bad = await as("swv").post(`/api/arrangements/${arrangement}/waiting-list`, {
      pupil_id: "",
      since: "gisteren",
    });
    expect(bad.statusCode).toBe(400);
  });
});
