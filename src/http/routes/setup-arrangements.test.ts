// The arrangements catalogue over HTTP (issue 14 item 2): the partnership adds a place, changes
// its capacity and takes it out of the catalogue; the list shows places taken, free and waiting;
// every change is audited; others get 403; invalid input is a 400 problem+json naming the field.
import { describe, expect, it } from "vitest";
import { expectReadAudited } from "../../../test/support/audited-reads.ts";
import { engines } from "../../../test/support/databases.ts";
import { setupRegion } from "../../../test/support/setup-region.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("arrangements catalogue set-up on $name", (engine) => {
  const region = setupRegion(engine);
  const { send } = region;
  const swv = region.user("swv@regio.example", [
    { role: "partnership_consultant", partnership: "PO2605" },
  ]);
  const lpa = region.user("lpa@zandstad.example", [
    { role: "attendance_officer", municipality: "Zandstad" },
  ]);

  it("adds a place, changes its capacity, counts a waiting pupil and ends it, audited", async () => {
    const created = await send(swv, "POST", "/api/arrangements", {
      provider: "Stichting De Brug",
      name: "Onderwijs-zorgarrangement De Brug",
      kind: "oza",
      capacity: 2,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    expect(created.json()).toMatchObject({ capacity: 2, occupied: 0, free: 2, waiting: 0 });
    await region.t.db.sql.query(
      "insert into waiting_list_entries (arrangement_id, pupil_id, since) values ($1, 'P0001', '2026-02-02')",
      [id],
    );
    const changed = await send(swv, "PATCH", `/api/arrangements/${id}`, { capacity: 3 });
    expect(changed.json()).toMatchObject({ capacity: 3, free: 3, waiting: 1 });
    const ended = await send(swv, "POST", `/api/arrangements/${id}/end`, {});
    expect(ended.json().ended_on).toBe("2026-03-02");
    expect((await send(swv, "POST", `/api/arrangements/${id}/end`, {})).statusCode).toBe(409);
    const audit = await listAudit(region.t.db.orm, { userId: swv.id, limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["create_arrangement", "update_arrangement"]),
    );
    expect(audit[0]).toMatchObject({ resourceId: id, outcome: "allowed" });
  });

  it("answers invalid input with 400 and other roles with 403", async () => {
    const bad = await send(swv, "POST", "/api/arrangements", {
      provider: "",
      name: "X",
      kind: "kamp",
      capacity: -1,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["provider", "kind", "capacity"]));
    expect((await send(lpa, "GET", "/api/arrangements")).statusCode).toBe(403);
    expect(
      (await send(swv, "PATCH", "/api/arrangements/onbekend", { capacity: 1 })).statusCode,
    ).toBe(404);
  });
  it("writes one allowed row per read of the list and one denied row per refused read", async () => {
    await expectReadAudited(
      region.t.db.orm,
      {
        action: "list_arrangements",
        resourceType: "arrangement",
        route: "/api/arrangements",
        role: "partnership_consultant",
      },
      {
        allowed: {
          userId: swv.id,
          read: async () => (await send(swv, "GET", "/api/arrangements")).statusCode,
        },
        refused: {
          userId: lpa.id,
          read: async () => (await send(lpa, "GET", "/api/arrangements")).statusCode,
        },
      },
    );
  });
});
