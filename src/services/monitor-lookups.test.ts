// The monitor's residence lookup (monitor.ts monitorLookups): a pupil counts at the municipality
// of the school's current record (pupils.csv), which wins over the population register's extract;
// a person who is no pupil counts at the register's. One row per person is read (issue 19).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { monitorLookups } from "./monitor.ts";

describe.each(engines())("the monitor's residence lookup on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await db.sql.query(
      `insert into pupils (pupil_id, given_name, family_name, birth_date, municipality) values
         ('PX001', 'Ada', 'Testkind', '2013-04-01', 'Zandstad'),
         ('PX002', 'Bo', 'Testkind', '2012-05-01', 'Veendorp')`,
    );
    await db.sql.query(
      `insert into population (person_id, given_name, family_name, birth_date, municipality,
                               registered_from) values
         ('PX001', 'Ada', 'Testkind', '2013-04-01', 'Veendorp', '2013-04-01'),
         ('PX003', 'Cas', 'Testkind', '2014-06-01', 'Zandstad', '2014-06-01')`,
    );
  });
  afterAll(async () => {
    await dispose();
  });

  it("takes the pupil's municipality over the register's, the register's for others", async () => {
    const lookups = await monitorLookups(db.sql);
    expect(lookups.municipalityOf("PX001")).toBe("Zandstad");
    expect(lookups.municipalityOf("PX002")).toBe("Veendorp");
    expect(lookups.municipalityOf("PX003")).toBe("Zandstad");
    expect(lookups.municipalityOf("PX999")).toBe("");
  });
});
