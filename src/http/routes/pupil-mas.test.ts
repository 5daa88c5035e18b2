// Leerplicht's procedure (MAS, issue 15 item 3): the attendance officer of the pupil's
// municipality records the steps, with or without a case; the case director of the pupil's open
// case reads them; nobody else sees them; every attempt is audited; the leerplichttelling counts
// the Halt referrals and official reports.
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
import { leerplichttellingReport } from "../../services/monitor-leerplichttelling.ts";

describe.each(engines())("leerplicht's MAS steps on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: Person) => Client;

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
  });
  afterAll(async () => {
    await t.close();
  });

  const steps = (pupil: string) => `/api/pupils/${pupil}/mas-steps`;

  it("lets leerplicht of the pupil's municipality record the steps without a case", async () => {
    // P0002 (13, Zandstad) has no case.
    for (const body of [
      { kind: "conversation_invited", date: "2026-02-02" },
      { kind: "conversation_held", date: "2026-02-05", note: "Ouders en leerling gesproken." },
      { kind: "agreements", date: "2026-02-05", note: "Elke dag om 8.15 uur op school." },
      { kind: "warning", date: "2026-02-10" },
      { kind: "care_referral", date: "2026-02-11", organisation: "Jeugdteam Zandstad" },
      { kind: "halt_referral", date: "2026-02-12" },
      { kind: "official_report", date: "2026-02-20", route: "criminal" },
    ]) {
      const recorded = await as("leerplicht").post(steps("P0002"), body);
      expect(recorded.statusCode, recorded.body).toBe(201);
      expect(recorded.json()).toMatchObject({ ...body, pupil_id: "P0002", case_id: null });
    }
    const read = await as("leerplicht").get(steps("P0002"));
    expect(read.statusCode).toBe(200);
    expect(read.json().may_record).toBe(true);
    expect(read.json().steps.map((x: { kind: string }) => x.kind)).toEqual([
      "conversation_invited",
      "conversation_held",
      "agreements",
      "warning",
      "care_referral",
      "halt_referral",
      "official_report",
    ]);
  });

  it("refuses a Halt referral under 12 and a step without its field, with a clear code", async () => {
    const halt = await as("leerplicht").post(steps("P0001"), {
      kind: "halt_referral",
      date: "2026-02-12",
    });
    expect(halt.statusCode).toBe(409);
    expect(halt.json().type).toBe("urn:aanwezig:problem:mas-halt-under-12");
    const report = await as("leerplicht").post(steps("P0001"), {
      kind: "official_report",
      date: "2026-02-12",
    });
    expect(report.json().type).toBe("urn:aanwezig:problem:mas-route-required");
    const future = await as("leerplicht").post(steps("P0001"), {
      kind: "warning",
      date: "2026-03-03",
    });
    expect(future.json().type).toBe("urn:aanwezig:problem:mas-invalid-date");
    const bad = await as("leerplicht").post(steps("P0001"), { kind: "fine", date: "2026-02-12" });
    expect(bad.statusCode).toBe(400);
  });

  it("hides the steps from everyone else, exactly like a pupil that does not exist", async () => {
    for (const who of ["leerplichtElders", "coordinator", "teacher", "director", "swv"] as const) {
      expect((await as(who).get(steps("P0002"))).statusCode, who).toBe(404);
      const post = await as(who).post(steps("P0002"), { kind: "warning", date: "2026-02-12" });
      expect(post.statusCode, who).toBe(404);
    }
    expect((await as("leerplicht").get(steps("P9999"))).statusCode).toBe(404);
    const policy = await as("policy").get(steps("P0002"));
    expect(policy.statusCode).toBe(404);
  });

  it("links a step to the pupil's open case and lets its case director read them", async () => {
    const caseId = await openCaseForP0001(as);
    const handed = await as("coordinator").post(`/api/cases/${caseId}/escalate`, {
      reason: "Het verzuim duurt naar verwachting langer dan 4 weken.",
    });
    expect(handed.statusCode, handed.body).toBe(200);
    // The municipality's first case director (by account id) takes it (cases-handover.test.ts).
    const holder: Person = s.director.id < s.otherDirector.id ? "director" : "otherDirector";
    const warning = await as("leerplicht").post(steps("P0001"), {
      kind: "warning",
      date: "2026-02-16",
    });
    expect(warning.statusCode, warning.body).toBe(201);
    expect(warning.json().case_id).toBe(caseId);
    const read = await as(holder).get(steps("P0001"));
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ may_record: false, steps: [{ kind: "warning" }] });
    const write = await as(holder).post(steps("P0001"), { kind: "warning", date: "2026-02-16" });
    expect(write.statusCode).toBe(403);
  });

  it("audits every read and attempt, allowed and denied", async () => {
    const rows = await t.db.sql.query<{ action: string; outcome: string; user_id: string }>(
      `select action, outcome, user_id::text from audit_log
       where resource_type = 'mas_step' and pupil_id = 'P0002' order by id`,
    );
    const of = (who: Person, action: string, outcome: string) =>
      rows.filter((r) => r.user_id === s[who].id && r.action === action && r.outcome === outcome);
    expect(of("leerplicht", "record_mas_step", "allowed")).toHaveLength(7);
    expect(of("leerplicht", "read_mas_steps", "allowed")).toHaveLength(1);
    expect(of("coordinator", "read_mas_steps", "denied")).toHaveLength(1);
    expect(of("leerplichtElders", "record_mas_step", "denied")).toHaveLength(1);
  });

  it("keeps the steps append-only in the database", async () => {
    await expect(t.db.sql.query("update mas_steps set kind = 'warning'")).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.sql.query("delete from mas_steps")).rejects.toThrow(/append-only/);
  });

  it("feeds the leerplichttelling: Halt referrals and official reports are counted", async () => {
    const report = await leerplichttellingReport(t.db.sql, 2025, "2026-03-02", false);
    const z = (category: string) =>
      report.rows.find((r) => r.group === "Zandstad" && r.measure === category)?.count;
    expect(z("halt_verwijzingen")).toBe(1);
    expect(z("processen_verbaal")).toBe(1);
    expect(report.notes).not.toHaveProperty("halt_verwijzingen");
  });
});
