import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { generateDemoRegion } from "./generate.ts";
import { writeDemoRegion } from "./write-demo.ts";

const small = generateDemoRegion({ pupils: 300, seed: 3 });

describe.each(engines())("writing the demo region on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(async () => dispose());

  it("loads every table of an empty database", async () => {
    const result = await writeDemoRegion(db, small);
    expect(result.replaced).toBe(false);
    const count = async (table: string) =>
      Number((await db.sql.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);
    expect(await count("schools")).toBe(small.schools.length);
    expect(await count("closures")).toBe(small.closures.length);
    expect(await count("pupils")).toBe(300);
    expect(await count("pupil_contacts")).toBe(small.contacts.length);
    expect(await count("enrolments")).toBe(small.enrolments.length);
    expect(await count("attendance")).toBe(small.attendance.length);
    expect(await count("population")).toBe(small.population.length);
    expect(await count("exemptions")).toBe(small.exemptions.length);
    expect(result.counts.attendance).toBe(small.attendance.length);
  });

  it("stores values exactly: dates as dates, open ends as NULL, booleans", async () => {
    const open = small.enrolments.find((e) => e.endDate === null);
    const [row] = await db.sql.query<{
      start_date: string;
      end_date: string | null;
      grade: string;
    }>(
      "select to_char(start_date, 'YYYY-MM-DD') as start_date, end_date, grade from enrolments where pupil_id = $1 and school_id = $2",
      [open?.pupilId, open?.schoolId],
    );
    expect(row).toEqual({ start_date: open?.startDate, end_date: null, grade: open?.grade });
    const noAdvice = small.exemptions.find((e) => e.kind === "5a" && !e.adviceDoctor);
    const [exemption] = await db.sql.query<{ advice_doctor: boolean }>(
      "select advice_doctor from exemptions where pupil_id = $1",
      [noAdvice?.pupilId],
    );
    expect(exemption?.advice_doctor).toBe(false);
    const [minutes] = await db.sql.query<{ total: string }>(
      "select sum(minutes) as total from attendance where reason = 'sick'",
    );
    const expected = small.attendance
      .filter((a) => a.reason === "sick")
      .reduce((s, a) => s + a.minutes, 0);
    expect(Number(minutes?.total)).toBe(expected);
  });

  it("replaces existing region data with another demo", async () => {
    const other = generateDemoRegion({ pupils: 120, seed: 4 });
    const result = await writeDemoRegion(db, other);
    expect(result.replaced).toBe(true);
    const [pupils] = await db.sql.query<{ n: string }>("select count(*) as n from pupils");
    expect(Number(pupils?.n)).toBe(120);
    const [schools] = await db.sql.query<{ n: string }>("select count(*) as n from schools");
    expect(Number(schools?.n)).toBe(other.schools.length);
  });
});
