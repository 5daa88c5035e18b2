// The breakthrough team's composition over HTTP (issue 14 item 2): the partnership creates a
// municipality's team, finds a person with the people lookup and adds them, ends a membership;
// every change is audited; other roles get 403; invalid input is a 400 problem+json naming the
// field; and the team is the hand-off target: the case director's convene brings its active
// members with an account into the case.
import { describe, expect, it } from "vitest";
import { expectReadAudited } from "../../../test/support/audited-reads.ts";
import { engines } from "../../../test/support/databases.ts";
import { setupRegion } from "../../../test/support/setup-region.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("breakthrough team set-up on $name", (engine) => {
  const region = setupRegion(engine);
  const { send } = region;
  const swv = region.user("swv@regio.example", [
    { role: "partnership_consultant", partnership: "PO2605" },
  ]);
  const coordinator = region.user("zc@linde.example", [
    { role: "care_coordinator", schoolId: "12AB00" },
  ]);
  const member = region.user(
    "jeugdhulp.jansen@regio.example",
    [{ role: "breakthrough_member", region: "Zandstad" }],
    { login: false },
  );
  region.user("ouder.jansen@regio.example", [{ role: "parent", pupilId: "P0001" }], {
    login: false,
  });

  it("lets the partnership compose a team with the people lookup, audited", async () => {
    const created = await send(swv, "POST", "/api/breakthrough-teams", {
      municipality: "Zandstad",
      name: "Doorbraakteam Zandstad",
    });
    expect(created.statusCode, created.body).toBe(201);
    const team = created.json();
    expect(team.missing_disciplines).toHaveLength(7);

    const people = await send(swv, "GET", "/api/people?q=jansen");
    expect(people.statusCode).toBe(200);
    // Professionals only: the parent's account (scoped to a child) is not offered.
    expect(people.json().map((p: { id: string }) => p.id)).toEqual([member.id]);

    const added = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members`, {
      discipline: "jeugdhulp",
      user_id: member.id,
      organisation: "Jeugdteam Zandstad",
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().members).toEqual([
      expect.objectContaining({
        seq: 1,
        discipline: "jeugdhulp",
        name: "jeugdhulp.jansen",
        user_id: member.id,
        ended_on: null,
      }),
    ]);
    expect(added.json().missing_disciplines).not.toContain("jeugdhulp");
    const twice = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members`, {
      discipline: "onderwijs",
      user_id: member.id,
      organisation: "Jeugdteam Zandstad",
    });
    expect(twice.statusCode).toBe(409);

    const renamed = await send(swv, "PATCH", `/api/breakthrough-teams/${team.id}`, {
      name: "Doorbraakteam Zandstad e.o.",
    });
    expect(renamed.json().name).toBe("Doorbraakteam Zandstad e.o.");

    const audit = await listAudit(region.t.db.orm, { userId: swv.id, limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        "create_breakthrough_team",
        "search_people",
        "add_team_member",
        "update_breakthrough_team",
      ]),
    );
    expect(audit.find((a) => a.action === "add_team_member")).toMatchObject({
      resourceId: team.id,
      outcome: "allowed",
      role: "partnership_consultant",
    });
  });

  it("refuses a second team for the same municipality (409)", async () => {
    const again = await send(swv, "POST", "/api/breakthrough-teams", {
      municipality: "Zandstad",
      name: "Nog een team",
    });
    expect(again.statusCode).toBe(409);
  });

  it("answers invalid input with 400 problem+json naming the field", async () => {
    const [team] = (await send(swv, "GET", "/api/breakthrough-teams")).json();
    const response = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members`, {
      discipline: "astrologie",
      organisation: "",
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const paths = response.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["discipline", "organisation"]));
    const unknown = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members`, {
      discipline: "onderwijs",
      user_id: "00000000-0000-4000-8000-000000000000",
      organisation: "SWV",
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ path: "user_id" });
  });

  it("refuses other roles with 403 and audits the denial", async () => {
    for (const [method, url, body] of [
      ["GET", "/api/breakthrough-teams", undefined],
      ["POST", "/api/breakthrough-teams", { municipality: "Elders", name: "X" }],
      ["GET", "/api/people?q=jansen", undefined],
    ] as const) {
      const response = await send(coordinator, method, url, body);
      expect(response.statusCode, url).toBe(403);
    }
    const denied = (await listAudit(region.t.db.orm, { limit: 5 })).filter(
      (a) => a.outcome === "denied",
    );
    expect(denied.map((a) => a.action)).toContain("search_people");
  });

  it("ends a membership: the member is no longer in the team's active list", async () => {
    const [team] = (await send(swv, "GET", "/api/breakthrough-teams")).json();
    const ended = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members/1/end`, {});
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().members[0].ended_on).toBe("2026-03-02");
    expect(ended.json().missing_disciplines).toContain("jeugdhulp");
    const again = await send(swv, "POST", `/api/breakthrough-teams/${team.id}/members/1/end`, {});
    expect(again.statusCode).toBe(409);
  });
  it("writes one allowed row per read of the list and one denied row per refused read", async () => {
    await expectReadAudited(
      region.t.db.orm,
      {
        action: "list_breakthrough_teams",
        resourceType: "breakthrough_team",
        route: "/api/breakthrough-teams",
        role: "partnership_consultant",
      },
      {
        allowed: {
          userId: swv.id,
          read: async () => (await send(swv, "GET", "/api/breakthrough-teams")).statusCode,
        },
        refused: {
          userId: coordinator.id,
          read: async () => (await send(coordinator, "GET", "/api/breakthrough-teams")).statusCode,
        },
      },
    );
  });
});
