import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCaseRegion, storedCase, userWith } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { loadCase } from "../db/repositories/cases.ts";
import { advanceCases } from "./cases-daily.ts";

// Absence start Wednesday 2025-11-26 at a zuid school: lesweek 4 starts 2025-12-15, lesweek 8
// 2026-01-26 (two Christmas weeks do not count), the 3-month term ends 2026-02-26 and lesweek 12
// starts 2026-03-02 (the voorjaarsvakantie week does not count either).
describe.each(engines())("advanceCases on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let coordinatorId: string;
  let directorId: string;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await seedCaseRegion(db);
    coordinatorId = await userWith(db, "zc@test.example", [
      { role: "care_coordinator", schoolId: "99ZZ00" },
    ]);
    directorId = await userWith(db, "cr@test.example", [
      { role: "case_director", municipality: "Voorbeeld" },
    ]);
  });
  afterAll(async () => dispose());

  const transitions = async (caseId: string) =>
    db.sql.query<{ command: string; to_phase: string; by_kind: string; at: string }>(
      "select command, to_phase, by_kind, at::text as at from case_transitions where case_id = $1 order by seq",
      [caseId],
    );

  it("escalates at weeks 4, 8 and 12, marks the breach, and does nothing new on a second run", async () => {
    const c = await storedCase(db, coordinatorId);
    expect((await advanceCases(db, "2025-12-12")).applied).toEqual([]); // still week 3

    const week4 = await advanceCases(db, "2025-12-15");
    expect(week4.applied).toEqual([
      {
        caseId: c.id,
        kind: "escalate_to_case_director",
        command: "hand_to_director",
        from: "SCHOOL",
        to: "CASE_DIRECTOR",
      },
    ]);
    const handedOver = await loadCase(db.orm, c.id);
    expect(handedOver?.owner).toEqual({
      personId: directorId,
      role: "case_director",
      organisation: "Voorbeeld",
    });
    expect((await advanceCases(db, "2025-12-15")).applied).toEqual([]);

    expect((await advanceCases(db, "2026-01-23")).applied).toEqual([]); // week 7
    const week8 = await advanceCases(db, "2026-01-26");
    expect(week8.applied.map((a) => a.kind)).toEqual(["ask_breakthrough_check"]);
    expect((await advanceCases(db, "2026-01-26")).applied).toEqual([]);

    const breach = await advanceCases(db, "2026-02-27");
    expect(breach.applied.map((a) => a.kind)).toEqual(["mark_three_month_breach"]);
    expect(breach.deadlines.find((d) => d.code === "three_month_guarantee")?.status).toBe(
      "breached",
    );

    const week12 = await advanceCases(db, "2026-03-02");
    expect(week12.applied).toEqual([
      {
        caseId: c.id,
        kind: "escalate_to_breakthrough",
        command: "convene_breakthrough",
        from: "CASE_DIRECTOR",
        to: "BREAKTHROUGH",
      },
    ]);
    const again = await advanceCases(db, "2026-03-02");
    expect(again.applied).toEqual([]);
    expect(again.refused).toEqual([]);

    expect(await transitions(c.id)).toEqual([
      {
        command: "hand_to_director",
        to_phase: "CASE_DIRECTOR",
        by_kind: "system",
        at: "2025-12-15",
      },
      {
        command: "request_breakthrough_check",
        to_phase: "CASE_DIRECTOR",
        by_kind: "system",
        at: "2026-01-26",
      },
      {
        command: "mark_three_month_breach",
        to_phase: "CASE_DIRECTOR",
        by_kind: "system",
        at: "2026-02-27",
      },
      {
        command: "convene_breakthrough",
        to_phase: "BREAKTHROUGH",
        by_kind: "system",
        at: "2026-03-02",
      },
    ]);
    const audit = await db.sql.query<{ n: string }>(
      "select count(*) as n from audit_log where resource_id = $1 and role = 'system'",
      [c.id],
    );
    expect(Number(audit[0]?.n)).toBe(4);
  });

  it("gives a case found late both escalations in one run, and raises overdue deadlines", async () => {
    const late = await storedCase(db, coordinatorId, {
      pupilId: "P000002",
      openedAt: "2026-03-02",
      absenceStartDate: "2025-11-26",
    });
    const report = await advanceCases(db, "2026-03-10");
    expect(report.applied.filter((a) => a.caseId === late.id).map((a) => a.kind)).toEqual([
      "escalate_to_case_director",
      "escalate_to_breakthrough",
      "mark_three_month_breach",
    ]);
    const raised = report.deadlines.filter((d) => d.caseId === late.id).map((d) => d.code);
    expect(raised).toContain("first_professional_contact"); // due 2026-03-09, nobody recorded it
    expect(raised).toContain("three_month_guarantee");
    expect((await advanceCases(db, "2026-03-10")).applied).toEqual([]);
  });
});
