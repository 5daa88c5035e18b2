// The right of access (AVG art. 15, issue 18): the privacy officer downloads everything held about
// one pupil as a ZIP — every table that names the pupil with exactly the rows the database holds,
// the rows of their cases, the audit trail about them, the stored documents as files, and a
// summary in Dutch — and nothing about another pupil; the export is in the trail with the pupil's
// id; anyone else gets 403, an unknown pupil 404.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { writeFullDemo } from "../../demo/fill.ts";

interface Export {
  leerling: string;
  tabellen: Record<string, Record<string, unknown>[]>;
}

describe.each(engines())("subject access export on $name", (engine) => {
  let t: TestApp;
  let privacy: LoggedIn;
  let privacyId: string;
  let admin: LoggedIn;
  let pupilId: string;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await writeFullDemo(t.db, { pupils: 50, seed: 7 });
    privacyId = await addUser(t.db, "privacy@regio.example", [{ role: "privacy_officer" }]);
    await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    privacy = await login(t.app, "privacy@regio.example");
    admin = await login(t.app, "beheer@regio.example");
    // A pupil whose case has events, consent and a document: the richest file in the demo.
    const [row] = await t.db.sql.query<{ pupil_id: string; id: string }>(
      `select c.pupil_id, c.id from cases c
        where exists (select 1 from case_events e where e.case_id = c.id)
          and exists (select 1 from consent_records r where r.pupil_id = c.pupil_id)
        order by (select count(*) from case_documents d where d.case_id = c.id) desc, c.id limit 1`,
    );
    if (!row) throw new Error("the demo holds a case with events and consent");
    pupilId = row.pupil_id;
    caseId = row.id;
  }, 600_000);
  afterAll(() => t.close());

  const download = (who: LoggedIn, pupil: string) =>
    t.app.inject({
      method: "GET",
      url: `/api/privacy/pupils/${pupil}/export`,
      headers: { cookie: who.cookie },
    });

  it("holds every row that names the pupil, their cases' rows, their trail and their files", async () => {
    const response = await download(privacy, pupilId);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/zip");
    expect(response.headers["content-disposition"]).toMatch(
      new RegExp(`attachment; filename="aanwezig-inzage-${pupilId}-\\d{4}-\\d{2}-\\d{2}\\.zip"`),
    );
    const files = unzipSync(new Uint8Array(response.rawPayload));
    const data = JSON.parse(strFromU8(files["leerling.json"]!)) as Export;
    expect(data.leerling).toBe(pupilId);

    // Every table with a pupil_id column: the export has exactly the database's rows for the pupil.
    const tables = await t.db.sql.query<{ name: string }>(
      `select c.relname as name from pg_attribute a join pg_class c on c.oid = a.attrelid
         join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attname = 'pupil_id'
          and c.relname not in ('signal_input_changes', 'retention_runs', 'retention_tombstones')`,
    );
    for (const { name } of tables) {
      const [count] = await t.db.sql.query<{ n: string }>(
        `select count(*) as n from "${name}" where pupil_id = $1`,
        [pupilId],
      );
      const exported = (data.tabellen[name] ?? []).filter((r) => r.pupil_id === pupilId).length;
      expect({ table: name, rows: exported }).toEqual({ table: name, rows: Number(count?.n) });
      // No row of another pupil in a table that names pupils.
      expect(
        (data.tabellen[name] ?? []).every((r) => r.pupil_id === pupilId || r.pupil_id === null),
      ).toBe(true);
    }
    // The case's own parts, reached through its foreign keys.
    const [events] = await t.db.sql.query<{ n: string }>(
      "select count(*) as n from case_events where case_id = $1",
      [caseId],
    );
    expect(data.tabellen.case_events?.filter((e) => e.case_id === caseId)).toHaveLength(
      Number(events?.n),
    );
    expect(data.tabellen.case_transitions?.some((x) => x.case_id === caseId)).toBe(true);
    expect(data.tabellen.audit_log?.every((a) => a.pupil_id === pupilId)).toBe(true);
    // Stored documents come as files of their own, referenced from their rows.
    const [docs] = await t.db.sql.query<{ n: string }>(
      "select count(*) as n from case_documents where case_id in (select id from cases where pupil_id = $1)",
      [pupilId],
    );
    expect(Object.keys(files).filter((f) => f.startsWith("bestanden/"))).toHaveLength(
      Number(docs?.n),
    );
    const summary = strFromU8(files["samenvatting.html"]!);
    expect(summary).toContain(`<html lang="nl">`);
    expect(summary).toContain(`Inzage in de gegevens van leerling ${pupilId}`);
    expect(summary).toMatch(/<h2>Casussen \(\d+\)<\/h2>/);
  });

  it("is in the trail with the pupil's id", async () => {
    const trail = await listAudit(t.db.orm, { pupilId, limit: 20 });
    expect(
      trail.some(
        (a) =>
          a.action === "export_subject_data" && a.outcome === "allowed" && a.userId === privacyId,
      ),
    ).toBe(true);
  });

  it("refuses the application admin (403) and answers 404 for an unknown pupil", async () => {
    const refused = await download(admin, pupilId);
    expect(refused.statusCode).toBe(403);
    const unknown = await download(privacy, "P999999");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ detail: "Er is geen leerling met dit leerlingnummer." });
  });
});
