// One profile for every path (issue 14 item 1): the administrator sets the region's profile to
// `mazl` through the API, and from then on `aanwezig signals`, GET /api/signals and the daily job
// agree on the same set for the same date; `--profile` still overrides for a one-off run, and
// `aanwezig region set` validates a file as the API does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../../test/support/absent-days.ts";
import { seedCaseRegion } from "../../../test/support/case-region.ts";
import { runCliInProcess, seededTargets, withApp } from "../../../test/support/cli-process.ts";
import { addUser, login } from "../../../test/support/test-app.ts";
import { type Database, openDatabase } from "../../db/connect.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-region-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI's entry function in this process (runCliInProcess; the binary itself: import.test.ts). */
const aanwezig = (db: string, ...args: string[]) => runCliInProcess(dir, db, args);
const AS_OF = "2026-03-10";

// Sick for 7 consecutive school days up to D: SICK_LONG under M@ZL (from the 7th day), not
// under the default profile (longer than 10 days).
async function seed(db: Database): Promise<void> {
  await seedCaseRegion(db);
  await absentDays(db, "P000001", "99ZZ00", weekdays("2026-03-02", AS_OF), "sick");
  await addUser(db, "beheer@regio.example", [{ role: "app_admin" }]);
  await addUser(db, "zc@voorbeeld.example", [{ role: "care_coordinator", schoolId: "99ZZ00" }]);
}

const keys = (signals: { pupil_id: string; school_id: string; code: string }[]) =>
  signals.map((s) => `${s.pupil_id}/${s.school_id}/${s.code}`).sort();

async function cliSignals(spec: string, ...extra: string[]): Promise<string[]> {
  const run = await aanwezig(spec, "--format", "json", "signals", "--as-of", AS_OF, ...extra);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return keys(JSON.parse(run.stdout));
}

describe("the region's signal profile on every path", async () => {
  const all = await seededTargets(dir, seed);
  afterAll(async () => {
    for (const t of all) await t.dispose().catch(() => {});
  });

  describe.each(all)("on $name", (target) => {
    // Six runs of bin/aanwezig: minutes on a loaded machine.
    it("makes the CLI, the API and the daily job use the profile the administrator set", {
      timeout: 600_000,
    }, async () => {
      expect(await cliSignals(target.spec)).not.toContain("P000001/99ZZ00/SICK_LONG");

      const api = await withApp(target.spec, async (app) => {
        const admin = await login(app, "beheer@regio.example");
        const put = await app.inject({
          method: "PUT",
          url: "/api/admin/region-settings",
          headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken },
          payload: {
            name: "Regio Voorbeeld",
            municipalities: ["Voorbeeld", "Elders"],
            holiday_region: "zuid",
            school_year: "2025-2026",
            clock_mode: "lesweken",
            signal_profile: "mazl",
          },
        });
        expect(put.statusCode, put.body).toBe(200);
        const coordinator = await login(app, "zc@voorbeeld.example");
        const signals = await app.inject({
          method: "GET",
          url: `/api/signals?as_of=${AS_OF}`,
          headers: { cookie: coordinator.cookie },
        });
        expect(signals.statusCode).toBe(200);
        return keys(signals.json());
      });
      expect(api).toContain("P000001/99ZZ00/SICK_LONG");

      // The CLI reads the same settings: the same set (the coordinator sees all of 99ZZ00).
      expect(await cliSignals(target.spec, "--school", "99ZZ00")).toEqual(api);
      // A one-off override still works.
      expect(await cliSignals(target.spec, "--profile", "default")).not.toContain(
        "P000001/99ZZ00/SICK_LONG",
      );

      const daily = await aanwezig(target.spec, "daily", "--as-of", AS_OF);
      expect(daily.stderr).toBe("");
      expect(daily.code).toBe(0);
      const db = await openDatabase(target.spec);
      try {
        const runs = await db.sql.query<{ profile: string }>(
          "select profile from evaluation_runs order by id desc limit 1",
        );
        expect(runs[0]?.profile).toBe("mazl");
        const states = await db.sql.query<{ code: string }>(
          "select code from signal_states where pupil_id = 'P000001' and status = 'open'",
        );
        expect(states.map((s) => s.code)).toContain("SICK_LONG");
      } finally {
        await db.close();
      }
    });

    it("sets and shows the settings from a file, refusing an invalid one with exit 1", {
      timeout: 300_000,
    }, async () => {
      const bad = join(dir, "bad.json");
      writeFileSync(bad, JSON.stringify({ name: "X", municipalities: [], holiday_region: "west" }));
      const refused = await aanwezig(target.spec, "region", "set", "--file", bad);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain("municipalities");
      expect(refused.stderr).toContain("vakantieregio");

      const good = join(dir, "good.json");
      writeFileSync(
        good,
        JSON.stringify({
          name: "Regio Voorbeeld",
          municipalities: ["Voorbeeld"],
          holiday_region: "zuid",
          school_year: "2025-2026",
          clock_mode: "calendar_weeks",
          signal_profile: "mazl",
        }),
      );
      const saved = await aanwezig(
        target.spec,
        "--format",
        "json",
        "region",
        "set",
        "--file",
        good,
      );
      expect(saved.stderr).toBe("");
      expect(saved.code).toBe(0);
      const shown = await aanwezig(target.spec, "--format", "json", "region", "show");
      expect(JSON.parse(shown.stdout)).toMatchObject({
        configured: true,
        clock_mode: "calendar_weeks",
        signal_profile: "mazl",
      });
    });
  });
});
