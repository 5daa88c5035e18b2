// Requests of data subjects (AVG art. 15–17, 21; issue 18 part 2) over HTTP on both engines: the
// privacy officer registers a request (by pupil id, or by BSN matched through its keyed hash),
// downloads the access export from it, records steps, closes it; erasure is refused while the law
// keeps the data and otherwise runs retention's procedure for the one pupil after a confirmation,
// leaving a tombstone; every call is in the trail; other roles are refused.
import { unzipSync } from "fflate";
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
import { bsnHash, regionKey } from "../../services/region-key.ts";

const BSN_P0003 = "111222333";

interface Req {
  id: number;
  kind: string;
  pupil_id: string | null;
  status: string;
  due_on: string;
  outcome: string | null;
  steps: { step: string; note: string | null; by: string | null }[];
  may_record: string[];
  erasure_refusal: string | null;
}

describe.each(engines())("data subjects' requests on $name", (engine) => {
  let t: TestApp;
  let privacy: LoggedIn;
  let coordinator: LoggedIn;

  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "privacy@regio.example", [{ role: "privacy_officer" }]);
    await addUser(t.db, "zc@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
    privacy = await login(t.app, "privacy@regio.example");
    coordinator = await login(t.app, "zc@linde.example");
    const key = await regionKey(t.db.sql);
    await t.db.sql.query("update pupils set bsn_hash = $1 where pupil_id = 'P0003'", [
      bsnHash(key, BSN_P0003),
    ]);
  });
  afterAll(() => t.close());

  const call = (who: LoggedIn, method: "GET" | "POST", url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      headers: { cookie: who.cookie, "x-csrf-token": who.csrfToken },
      ...(payload ? { payload } : {}),
    });

  const register = async (body: object): Promise<Req> => {
    const response = await call(privacy, "POST", "/api/privacy/requests", body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Req;
  };

  it("registers an access request, with its one-month term, and exports from it", async () => {
    const req = await register({
      kind: "access",
      requester: "parent",
      received_on: "2026-03-02",
      pupil_id: "P0002",
      note: "Brief van de ouders, ontvangen per post.",
    });
    expect(req).toMatchObject({ kind: "access", pupil_id: "P0002", status: "open" });
    expect(req.due_on).toBe("2026-04-02");
    expect(req.steps.map((s) => s.step)).toEqual(["registered"]);
    expect(req.steps[0]?.by).toBe("privacy@regio.example");

    const zip = await call(privacy, "GET", `/api/privacy/requests/${req.id}/export`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    const json = JSON.parse(new TextDecoder().decode(files["leerling.json"])) as {
      leerling: string;
      tabellen: Record<string, unknown[]>;
    };
    expect(json.leerling).toBe("P0002");
    // The pupil's own requests are part of what is held about them.
    expect(json.tabellen.subject_requests?.length).toBe(1);

    const closed = await call(privacy, "POST", `/api/privacy/requests/${req.id}/close`, {
      status: "completed",
      outcome: "Export per beveiligde post aan de ouders gestuurd.",
    });
    expect(closed.statusCode).toBe(200);
    expect((closed.json() as Req).steps.map((s) => s.step)).toEqual([
      "registered",
      "exported",
      "completed",
    ]);
    const again = await call(privacy, "POST", `/api/privacy/requests/${req.id}/close`, {
      status: "refused",
      outcome: "nogmaals",
    });
    expect(again.statusCode).toBe(409);
  });

  it("finds the pupil by BSN through the keyed hash, and stores no BSN anywhere", async () => {
    const req = await register({
      kind: "rectification",
      requester: "pupil",
      received_on: "2026-03-02",
      bsn: BSN_P0003,
    });
    expect(req.pupil_id).toBe("P0003");
    expect(req.may_record).toEqual(["note", "rectified"]);
    const step = await call(privacy, "POST", `/api/privacy/requests/${req.id}/steps`, {
      step: "rectified",
      note: "Geboortedatum gecorrigeerd in de leerlingadministratie; import van 3 maart.",
    });
    expect(step.statusCode).toBe(200);
    const wrongStep = await call(privacy, "POST", `/api/privacy/requests/${req.id}/steps`, {
      step: "objection_decided",
      note: "past niet",
    });
    expect(wrongStep.statusCode).toBe(409);
    const bad = await call(privacy, "POST", "/api/privacy/requests", {
      kind: "access",
      requester: "pupil",
      received_on: "2026-03-02",
      bsn: "123456780",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().detail).toMatch(/elfproef/);
    const unknown = await call(privacy, "POST", "/api/privacy/requests", {
      kind: "access",
      requester: "pupil",
      received_on: "2026-03-02",
      bsn: "123456782",
    });
    expect(unknown.statusCode).toBe(404);
    const [found] = await t.db.sql.query<{ n: string }>(
      `select count(*) as n from audit_log x where x::text like '%' || $1 || '%'`,
      [BSN_P0003],
    );
    expect(Number(found?.n)).toBe(0);
  });

  it("refuses erasure while the law keeps the data (enrolled), with the reason", async () => {
    const req = await register({
      kind: "erasure",
      requester: "parent",
      received_on: "2026-03-02",
      pupil_id: "P0001",
    });
    expect(req.erasure_refusal).toMatch(/ingeschreven/);
    const response = await call(privacy, "POST", `/api/privacy/requests/${req.id}/erase`, {
      confirm_pupil_id: "P0001",
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().detail).toMatch(/AVG art\. 17 lid 3 sub b/);
    const [pupil] = await t.db.sql.query("select 1 from pupils where pupil_id = 'P0001'");
    expect(pupil).toBeDefined();
  });

  it("erases where the law allows, after the id is confirmed, by retention's procedure", async () => {
    const req = await register({
      kind: "erasure",
      requester: "representative",
      received_on: "2026-03-02",
      pupil_id: "P0004",
    });
    expect(req.erasure_refusal).toBeNull();
    const wrong = await call(privacy, "POST", `/api/privacy/requests/${req.id}/erase`, {
      confirm_pupil_id: "P0003",
    });
    expect(wrong.statusCode).toBe(400);
    const response = await call(privacy, "POST", `/api/privacy/requests/${req.id}/erase`, {
      confirm_pupil_id: "P0004",
    });
    expect(response.statusCode, response.body).toBe(200);
    const done = response.json() as Req;
    expect(done).toMatchObject({ pupil_id: null, status: "completed" });
    expect(done.steps.map((s) => s.step)).toEqual(["registered", "erased", "completed"]);
    expect(done.steps[1]?.note).toMatch(/^Verwijderd: \d+ rijen/);

    const tables = await t.db.sql.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`,
    );
    for (const { name } of tables) {
      const [row] = await t.db.sql.query<{ n: string }>(
        `select count(*) as n from "${name}" x where x::text ~ '\\mP0004\\M'`,
      );
      expect(Number(row?.n), name).toBe(0);
    }
    const tombstones = await t.db.sql.query<{ table_name: string; term: string }>(
      `select t.table_name, t.term from retention_tombstones t
         join retention_runs r on r.id = t.run_id where r.started_by = 'request'`,
    );
    expect(tombstones.map((x) => x.table_name)).toContain("pupils");
    expect(tombstones[0]?.term).toBe(`verzoek tot wissen (AVG art. 17), verzoek ${req.id}`);
    const runs = await call(privacy, "GET", "/api/privacy/retention-runs");
    expect(runs.json().runs[0]).toMatchObject({ started_by: "request", status: "completed" });
  });

  it("lists the log, audits every call, and refuses every other role", async () => {
    const list = await call(privacy, "GET", "/api/privacy/requests");
    expect(list.statusCode).toBe(200);
    const requests = (list.json() as { requests: Req[] }).requests;
    expect(requests).toHaveLength(4);
    expect(requests[0]?.status).toBe("open");
    expect((await call(privacy, "GET", "/api/privacy/requests/999999")).statusCode).toBe(404);
    for (const [method, url] of [
      ["GET", "/api/privacy/requests"],
      ["GET", `/api/privacy/requests/${requests[0]?.id}`],
      ["GET", `/api/privacy/requests/${requests[0]?.id}/export`],
    ] as const) {
      expect((await call(coordinator, method, url)).statusCode, url).toBe(403);
    }
    const refused = await call(coordinator, "POST", "/api/privacy/requests", {
      kind: "access",
      requester: "parent",
      received_on: "2026-03-02",
      pupil_id: "P0001",
    });
    expect(refused.statusCode).toBe(403);
    const audit = await listAudit(t.db.orm, { limit: 1000 });
    const actions = new Set(audit.filter((a) => a.outcome === "allowed").map((a) => a.action));
    for (const action of [
      "register_subject_request",
      "record_subject_request_step",
      "close_subject_request",
      "export_subject_data",
      "erase_subject_data",
      "list_subject_requests",
    ]) {
      expect(actions.has(action), action).toBe(true);
    }
    expect(
      audit.some((a) => a.action === "register_subject_request" && a.outcome === "denied"),
    ).toBe(true);
  });
});
