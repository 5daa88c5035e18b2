// The frictiebudget's contributions over HTTP (issue 14 item 2; domain.md §6): the municipality's
// policy officer and the partnership each record their own contribution to a municipality's
// budget for a year; the balance per budget and year follows; each is audited; a policy officer
// of another municipality and other roles get 403; invalid input is a 400 problem+json.
import { describe, expect, it } from "vitest";
import { expectReadAudited } from "../../../test/support/audited-reads.ts";
import { engines } from "../../../test/support/databases.ts";
import { setupRegion } from "../../../test/support/setup-region.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("frictiebudget contributions on $name", (engine) => {
  const region = setupRegion(engine);
  const { send } = region;
  const beleid = region.user("beleid@zandstad.example", [
    { role: "policy_officer", municipality: "Zandstad" },
  ]);
  const beleidElders = region.user("beleid@elders.example", [
    { role: "policy_officer", municipality: "Elders" },
  ]);
  const swv = region.user("swv@regio.example", [
    { role: "partnership_consultant", partnership: "PO2605" },
  ]);
  const lpa = region.user("lpa@zandstad.example", [
    { role: "attendance_officer", municipality: "Zandstad" },
  ]);

  it("records both partners' contributions and shows the balance, audited", async () => {
    const own = await send(beleid, "POST", "/api/budgets/contributions", {
      municipality: "Zandstad",
      year: 2026,
      amount_cents: 3_000_000,
    });
    expect(own.statusCode, own.body).toBe(201);
    const partner = await send(swv, "POST", "/api/budgets/contributions", {
      municipality: "Zandstad",
      year: 2026,
      amount_cents: 2_500_000,
    });
    expect(partner.statusCode, partner.body).toBe(201);
    expect(partner.json()).toMatchObject({
      municipality: "Zandstad",
      year: 2026,
      contributed_cents: 5_500_000,
      available_cents: 5_500_000,
    });
    expect(partner.json().contributions.map((c: { party_id: string }) => c.party_id)).toEqual([
      "Zandstad",
      "PO2605",
    ]);
    const list = await send(beleid, "GET", "/api/budgets?year=2026");
    expect(list.json()).toEqual([
      expect.objectContaining({ municipality: "Zandstad", contributed_cents: 5_500_000 }),
    ]);
    const audit = await listAudit(region.t.db.orm, { userId: beleid.id, limit: 5 });
    expect(audit.map((a) => a.action)).toContain("record_contribution");
  });

  it("refuses another municipality's budget and other roles with 403, bad input with 400", async () => {
    const other = await send(beleidElders, "POST", "/api/budgets/contributions", {
      municipality: "Zandstad",
      year: 2026,
      amount_cents: 100,
    });
    expect(other.statusCode).toBe(403);
    expect((await send(lpa, "GET", "/api/budgets")).statusCode).toBe(403);
    const bad = await send(beleid, "POST", "/api/budgets/contributions", {
      municipality: "Zandstad",
      year: 1900,
      amount_cents: -5,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    const paths = bad.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["year", "amount_cents"]));
    // More than the ledger's 32-bit cents is refused as input, not a 500 (found by the fuzz suite).
    const huge = await send(beleid, "POST", "/api/budgets/contributions", {
      municipality: "Zandstad",
      year: 2026,
      amount_cents: 2_147_483_648,
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().errors.map((e: { path: string }) => e.path)).toEqual(["amount_cents"]);
  });
  it("writes one allowed row per read of the list and one denied row per refused read", async () => {
    await expectReadAudited(
      region.t.db.orm,
      {
        action: "list_budgets",
        resourceType: "budget",
        route: "/api/budgets",
        role: "policy_officer",
      },
      {
        allowed: {
          userId: beleid.id,
          read: async () => (await send(beleid, "GET", "/api/budgets?year=2026")).statusCode,
        },
        refused: {
          userId: lpa.id,
          read: async () => (await send(lpa, "GET", "/api/budgets?year=2026")).statusCode,
        },
      },
    );
  });
});
