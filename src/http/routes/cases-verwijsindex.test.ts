// The Verwijsindex risicojongeren (issue 15 item 7): the case director records that the pupil was
// reported to the regional reference index and exports the fields it needs; nothing is sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Person,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import type { TestApp } from "../../../test/support/test-app.ts";

describe.each(engines())("the case's reports to the Verwijsindex on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;
  let id: string;
  let holder: Person;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    id = await openCaseForP0001(as);
    const handed = await as("coordinator").post(`/api/cases/${id}/escalate`, {
      reason: "Het verzuim duurt naar verwachting langer dan 4 weken.",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    holder = s.director.id < s.otherDirector.id ? "director" : "otherDirector";
  });
  afterAll(async () => {
    await t.close();
  });

  it("lets the case director record a report and export the index's fields as CSV", async () => {
    const recorded = await as(holder).post(`/api/cases/${id}/verwijsindex`, {
      reported_on: "2026-02-20",
      reported_by: "Demo Casusregisseur, casusregisseur",
      organisation: "Casusregie onderwijs en zorg",
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const read = await as(holder).get(`/api/cases/${id}/verwijsindex`);
    expect(read.json()).toMatchObject({
      may_record: true,
      reports: [{ reported_on: "2026-02-20", pupil_id: "P0001" }],
    });
    const csv = await as(holder).get(`/api/cases/${id}/verwijsindex.csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const [header, row] = csv.body.trim().split("\n");
    expect(header).toBe(
      "leerlingnummer;voornaam;achternaam;geboortedatum;woongemeente;datum_melding;melder;organisatie_melder;casus",
    );
    expect(row).toContain("P0001;Fenna;Verbeek;2016-05-14;Zandstad;2026-02-20");
  });

  it("refuses a date in the future and everyone but the case director", async () => {
    const future = await as(holder).post(`/api/cases/${id}/verwijsindex`, {
      reported_on: "2026-03-03",
      reported_by: "X",
      organisation: "Y",
    });
    expect(future.statusCode).toBe(409);
    expect((await as("coordinator").get(`/api/cases/${id}/verwijsindex.csv`)).statusCode).toBe(403);
    expect((await as("teacher").get(`/api/cases/${id}/verwijsindex.csv`)).statusCode).toBe(404);
    const other = holder === "director" ? "otherDirector" : "director";
    expect((await as(other).get(`/api/cases/${id}/verwijsindex`)).statusCode).toBe(404);
  });

  it("audits the export and keeps the reports append-only", async () => {
    const rows = await t.db.sql.query<{ action: string; outcome: string }>(
      `select action, outcome from audit_log where resource_type = 'verwijsindex' order by id`,
    );
    expect(rows).toContainEqual({ action: "export_verwijsindex", outcome: "allowed" });
    expect(rows).toContainEqual({ action: "export_verwijsindex", outcome: "denied" });
    await expect(t.db.sql.query("delete from verwijsindex_reports")).rejects.toThrow(/append-only/);
  });
});
