// Every school has its own holiday region (interfaces.md `schools`); where the file does not give
// one (an empty field, or no column), a new school takes the region's holiday region (the
// region's settings, issue 14) and an existing school keeps its own. Before the region is set up
// there is no default: such a new school is refused, naming the line and how to fix it.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { importText, tempDir } from "../../test/support/import-files.ts";
import type { Database } from "../db/connect.ts";
import { saveRegionSettings } from "../services/region-settings.ts";

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  "school_id;name;sector;municipality;partnership;holiday_region;minutes_mon;minutes_tue;minutes_wed;minutes_thu;minutes_fri";
const WITHOUT_COLUMN =
  "school_id;name;sector;municipality;partnership;minutes_mon;minutes_tue;minutes_wed;minutes_thu;minutes_fri";

describe.each(engines())("the holiday region of a school on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => {
    await dispose();
  });

  const regions = async () =>
    Object.fromEntries(
      (
        await db.sql.query<{ school_id: string; holiday_region: string }>(
          "select school_id, holiday_region from schools order by school_id",
        )
      ).map((r) => [r.school_id, r.holiday_region]),
    );

  it("refuses a new school without one while the region has none to give", async () => {
    const result = await importText(
      db,
      dir,
      "schools",
      `${HEADER}\n12AB00;De Linde;po;Zandstad;PO2605;zuid;300;300;300;300;300\n34CD00;Het Baken;vo;Zandstad;VO2605;;360;360;360;360;360\n`,
    );
    expect(result.outcome).toBe("rejected");
    expect(result.errors).toEqual([
      {
        line: 3,
        column: "holiday_region",
        reason:
          "school 34CD00 heeft geen vakantieregio en de regio nog geen standaard; vul noord, midden of zuid in, of stel eerst de vakantieregio van de regio in (Beheer → Regio, of aanwezig region set)",
      },
    ]);
    expect(await regions()).toEqual({});
  });

  it("gives a new school the region's holiday region, keeps an existing school's own", async () => {
    const saved = await saveRegionSettings(
      db,
      {
        name: "Regio Zandstad",
        municipalities: ["Zandstad"],
        holiday_region: "noord",
        school_year: "2025-2026",
        clock_mode: "lesweken",
        signal_profile: "default",
      },
      { userId: null, role: "cli", context: { route: "test", method: "test" } },
      "2026-03-02",
    );
    expect(saved.ok).toBe(true);
    const first = await importText(
      db,
      dir,
      "schools",
      `${HEADER}\n12AB00;De Linde;po;Zandstad;PO2605;zuid;300;300;300;300;300\n34CD00;Het Baken;vo;Zandstad;VO2605;;360;360;360;360;360\n`,
    );
    expect(first).toMatchObject({ outcome: "imported", inserted: 2 });
    expect(await regions()).toEqual({ "12AB00": "zuid", "34CD00": "noord" });
    // A file without the column: De Linde keeps zuid, a new school gets noord, nothing else changes.
    const second = await importText(
      db,
      dir,
      "schools",
      `${WITHOUT_COLUMN}\n12AB00;De Linde;po;Zandstad;PO2605;300;300;300;300;300\n56EF00;De Esch;po;Zandstad;PO2605;300;300;300;300;300\n`,
      "schools-without-region",
    );
    expect(second).toMatchObject({ outcome: "imported", inserted: 1, updated: 0, unchanged: 1 });
    expect(await regions()).toEqual({ "12AB00": "zuid", "34CD00": "noord", "56EF00": "noord" });
    // A value that is not a holiday region is still refused.
    const bad = await importText(
      db,
      dir,
      "schools",
      `${HEADER}\n12AB00;De Linde;po;Zandstad;PO2605;oost;300;300;300;300;300\n`,
      "schools-bad-region",
    );
    expect(bad.errors).toEqual([
      {
        line: 2,
        column: "holiday_region",
        reason: "'oost' is geen geldige waarde; kies uit noord, midden, zuid",
      },
    ]);
  });
});
