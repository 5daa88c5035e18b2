// The incremental phase of the signals benchmark on a small generated region: one day of changes
// evaluated only for the candidate units must give the same signals as a full evaluation.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { dayNumber } from "../src/domain/calendar/dates.ts";
import { evaluateUnit, LOOKBACK_DAYS, schoolDaysFor } from "../src/domain/signals/evaluate.ts";
import { generateSignalsData } from "./signals-data.ts";
import { applyChange, correctionFor, runIncremental } from "./signals-incremental.ts";
import { forEachPupil, loadCalendars } from "./ts-signals-run.ts";

const dir = mkdtempSync(join(tmpdir(), "signals-incremental-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SEED = 7;
const { chunks } = generateSignalsData({ pupils: 1500, seed: SEED, dir, chunkSize: 1000 });

describe("runIncremental", () => {
  it("equals the full evaluation the next day (Thursday to Friday) with far fewer units", async () => {
    const r = await runIncremental(dir, chunks, "2026-03-12", "2026-03-13", SEED, evaluateUnit);
    expect(r.mismatches).toBe(0);
    expect(r.corrections).toBeGreaterThan(5);
    expect(r.newRows).toBeGreaterThan(0);
    expect(r.candidates).toBeLessThan(r.units / 2);
    expect(r.signals).toBeGreaterThan(300);
    expect(r.candidatesBy["changed row"]).toBe(r.corrections);
  });

  it("equals it across a weekend, when the complete-week window moves", async () => {
    const r = await runIncremental(dir, chunks, "2026-03-13", "2026-03-16", SEED, evaluateUnit);
    expect(r.mismatches).toBe(0);
    expect(r.candidatesBy["absence in the new complete lesweek"]).toBeGreaterThan(0);
  });

  it("finds the difference when a reason for re-evaluation is left out", async () => {
    for (const reason of ["signal held at D0", "row dated in (D0, D]"]) {
      const r = await runIncremental(dir, chunks, "2026-03-12", "2026-03-13", SEED, evaluateUnit, [
        reason,
      ]);
      expect(r.mismatches, reason).toBeGreaterThan(0);
    }
  });
});

describe("correctionFor", () => {
  it("touches about 1 % of the pupils, one row of an active unit dated in the last 4 weeks", async () => {
    const calendars = loadCalendars(dir);
    const asOfDay = dayNumber("2026-03-12");
    let pupils = 0;
    const changes: NonNullable<ReturnType<typeof correctionFor>>[] = [];
    await forEachPupil(dir, chunks, calendars, (pupil) => {
      pupils++;
      const change = correctionFor(pupil, SEED, asOfDay, (u) =>
        schoolDaysFor(u.calendar, asOfDay - LOOKBACK_DAYS, asOfDay + 1),
      );
      if (!change) return;
      changes.push(change);
      const unit = pupil.units.find((u) => u.calendar.schoolId === change.schoolId)!;
      const after = applyChange(unit, change);
      const before = unit.attendance.filter((r) => r.date === change.date);
      const now = after.attendance.filter((r) => r.date === change.date);
      if (change.op === "delete") expect(now.length).toBe(before.length - 1);
      else if (before.some((r) => r.period === change.period)) {
        expect(now.length).toBe(before.length);
      } else {
        // A forgotten day: a whole `day` row on a day without any row.
        expect(before).toEqual([]);
        expect([change.period, change.reason]).toEqual(["day", "unreported"]);
        expect(change.minutes).toBeGreaterThan(0);
      }
      expect(change.date <= "2026-03-12" && change.date >= "2026-02-13").toBe(true);
      expect(change.reason).not.toBe("exempt_11a");
    });
    expect(changes.length).toBeGreaterThan(pupils * 0.005);
    expect(changes.length).toBeLessThan(pupils * 0.02);
    expect(new Set(changes.map((c) => c.op))).toEqual(new Set(["upsert", "delete"]));
  });
});
