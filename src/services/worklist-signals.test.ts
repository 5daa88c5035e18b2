// Issue 13 item 5: a municipality's signals worklist evaluates only the reach's pupils that have a
// signal at the date per the daily job's stored run (worklist-signals.ts), and gives the same
// signals as evaluating the whole reach — on the demo, at the run's date, before and after a
// pupil's absence changed since the run. Both engines.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays, weekdays } from "../../test/support/absent-days.ts";
import { engines } from "../../test/support/databases.ts";
import { login } from "../../test/support/test-app.ts";
import type { Database } from "../db/connect.ts";
import { writeFullDemo } from "../demo/fill.ts";
import { buildApp } from "../http/app.ts";
import { runDailyEvaluation } from "./signal-state.ts";
import { evaluateSignalsAt, pupilsEvaluatedSoFar } from "./signals.ts";
import { pupilsWithSignalsAt, worklistSignalsAt } from "./worklist-signals.ts";

const AS_OF = "2026-03-02";

describe.each(engines())("the signals worklist on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let everyone: string[];

  async function expectSameAsFull(pupilIds: string[], schoolIds?: string[]): Promise<number> {
    const query = { asOf: AS_OF, pupilIds, ...(schoolIds ? { schoolIds } : {}) };
    const full = await evaluateSignalsAt(db.sql, query);
    const worklist = await worklistSignalsAt(db.sql, query);
    expect(worklist).toEqual(full);
    return full.length;
  }

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await writeFullDemo(db, { pupils: 600, seed: 13 });
    await runDailyEvaluation(db, AS_OF, { mode: "full" });
    everyone = (
      await db.sql.query<{ id: string }>(
        `select pupil_id as id from pupils union select person_id from population order by 1`,
      )
    ).map((r) => r.id);
  }, 300_000);
  afterAll(async () => {
    await dispose();
  });

  it("gives the signals of evaluating the whole reach, for the region, a part and a school", async () => {
    expect(await pupilsWithSignalsAt(db.sql, AS_OF)).not.toBeNull();
    expect(await expectSameAsFull(everyone)).toBeGreaterThan(20);
    expect(await expectSameAsFull(everyone.filter((_, i) => i % 3 === 0))).toBeGreaterThan(5);
    const [school] = await db.sql.query<{ id: string }>(
      `select school_id as id from enrolments group by school_id order by count(*) desc limit 1`,
    );
    expect(await expectSameAsFull(everyone, [school!.id])).toBeGreaterThan(0);
  }, 120_000);

  it("still agrees after a pupil without a signal became absent since the run", async () => {
    const withSignals = (await pupilsWithSignalsAt(db.sql, AS_OF))!;
    const [quiet] = await db.sql.query<{ pupil_id: string; school_id: string }>(
      `select pupil_id, school_id from enrolments
       where start_date <= $1::date and (end_date is null or end_date >= $1::date)
         and pupil_id <> all($2::text[]) order by pupil_id limit 1`,
      [AS_OF, [...withSignals]],
    );
    await absentDays(db, quiet!.pupil_id, quiet!.school_id, weekdays("2026-02-16", AS_OF));
    const after = (await pupilsWithSignalsAt(db.sql, AS_OF))!;
    expect(after.has(quiet!.pupil_id)).toBe(true);
    const full = await evaluateSignalsAt(db.sql, { asOf: AS_OF, pupilIds: [quiet!.pupil_id] });
    expect(full.length).toBeGreaterThan(0);
    await expectSameAsFull(everyone);
  }, 120_000);

  it("GET /api/signals for a municipality evaluates only its pupils with a signal, once for concurrent requests", async () => {
    const app = await buildApp({ db, now: () => new Date(`${AS_OF}T10:00:00Z`), oidc: null });
    try {
      const officer = await login(app, "leerplicht@demo.aanwezig.nl", "demo-wachtwoord");
      expect(officer.response.statusCode).toBe(200);
      // The units one evaluation of the whole reach reads: the active enrolments of the
      // officer's municipality's residents.
      const [reach] = await db.sql.query<{ n: number }>(
        `select count(*)::int as n from enrolments e join pupils p using (pupil_id)
         where p.municipality in (select r.municipality from role_assignments r
           join users u on u.id = r.user_id where u.email = 'leerplicht@demo.aanwezig.nl')
           and e.start_date <= $1::date and (e.end_date is null or e.end_date >= $1::date)`,
        [AS_OF],
      );
      const before = pupilsEvaluatedSoFar();
      const responses = await Promise.all(
        [1, 2, 3].map(() =>
          app.inject({
            method: "GET",
            url: `/api/signals?as_of=${AS_OF}`,
            headers: { cookie: officer.cookie },
          }),
        ),
      );
      const evaluated = pupilsEvaluatedSoFar() - before;
      for (const r of responses) expect(r.statusCode).toBe(200);
      const listed = new Set(responses[0]!.json().map((s: { pupil_id: string }) => s.pupil_id));
      expect(listed.size).toBeGreaterThan(0);
      expect(responses[1]!.json()).toEqual(responses[0]!.json());
      // Before worklist-signals.ts: every active pupil of the municipality, three times over.
      expect(evaluated).toBeGreaterThanOrEqual(listed.size);
      expect(evaluated).toBeLessThan(reach!.n / 4);
    } finally {
      await app.close();
    }
  }, 120_000);
});
