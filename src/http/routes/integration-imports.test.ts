// Service tokens and the integrations' imports (issue 14 item 3, issue 17 item 4;
// interfaces.md "Versions and integrations"): the administrator creates a scoped token that is
// shown once and stored hashed; a school system delivers its CSV with it, polls the job, repeats
// with an Idempotency-Key and gets the same job; a kind outside its scopes is 403, a row of
// another school rejects the file; revoked, the token is refused; a care coordinator delivers
// their own school's attendance; every use is in the audit trail.
import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";

const OWN =
  "pupil_id;school_id;date;period;minutes;reason\nP0001;12AB00;2026-02-23;day;300;sick\nP0001;12AB00;2026-02-24;am;120;truant\n";
const OTHER =
  "pupil_id;school_id;date;period;minutes;reason\nP0001;12AB00;2026-02-25;day;180;sick\nP0002;34CD00;2026-02-25;day;360;sick\n";

describe.each(engines())("service tokens and API imports on $name", (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let teacher: LoggedIn;
  let coordinator: LoggedIn;
  let token: string;
  let tokenId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    await addUser(t.db, "zorg@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
    admin = await login(t.app, "beheer@regio.example");
    teacher = await login(t.app, "juf@linde.example");
    coordinator = await login(t.app, "zorg@linde.example");
  });
  afterAll(() => t.close());

  const asUser = (who: LoggedIn) => ({ cookie: who.cookie, "x-csrf-token": who.csrfToken });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const deliver = (headers: Record<string, string>, kind: string, csv: string) =>
    t.app.inject({
      method: "POST",
      url: `/api/v1/imports/${kind}`,
      headers: { ...headers, "content-type": "text/csv" },
      payload: csv,
    });
  async function outcome(headers: Record<string, string>, jobId: string) {
    for (let i = 0; i < 1000; i++) {
      const response = await t.app.inject({ url: `/api/v1/imports/${jobId}`, headers });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      if (body.status === "succeeded" || body.status === "rejected") return body;
      await sleep(20);
    }
    throw new Error("the import did not finish");
  }
  const attendanceCount = async () =>
    (await t.db.sql.query<{ n: number }>("select count(*)::int as n from attendance"))[0]?.n;

  it("creates a token for the administrator only, shows it once and stores only its hash", async () => {
    const body = {
      name: "ParnasSys De Linde",
      scopes: ["imports:attendance"],
      school_ids: ["12AB00"],
    };
    const refused = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: asUser(teacher),
      payload: body,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers["content-type"]).toContain("application/problem+json");
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: asUser(admin),
      payload: body,
    });
    expect(created.statusCode).toBe(201);
    ({ id: tokenId, token } = created.json());
    expect(token).toMatch(/^azw_[\w-]{43}$/); // 32 random bytes: 256 bits
    const [stored] = await t.db.sql.query<{ token_hash: string }>(
      "select token_hash from api_tokens where id = $1",
      [Number(tokenId)],
    );
    expect(stored?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    const list = await t.app.inject({ url: "/api/v1/tokens", headers: asUser(admin) });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual([
      expect.objectContaining({
        id: tokenId,
        name: body.name,
        scopes: body.scopes,
        school_ids: ["12AB00"],
        revoked_at: null,
      }),
    ]);
    expect(list.body).not.toContain(token);
    expect(list.body).not.toContain(stored?.token_hash);
    expect(
      (await t.app.inject({ url: "/api/v1/tokens", headers: asUser(teacher) })).statusCode,
    ).toBe(403);
  });

  it("imports its school's attendance: 202 with a job id, then succeeded with a summary", async () => {
    const response = await deliver(bearer(token), "attendance", OWN);
    expect(response.statusCode).toBe(202);
    const { job_id } = response.json();
    const done = await outcome(bearer(token), job_id);
    expect(done).toMatchObject({
      job_id,
      status: "succeeded",
      summary: { rows: 2, inserted: 2, updated: 0, unchanged: 0, errors_total: 0 },
      errors: [],
    });
    expect(await attendanceCount()).toBe(2);
  });

  it("answers a repeat with the same Idempotency-Key with the same job, and a re-import changes nothing", async () => {
    const headers = { ...bearer(token), "idempotency-key": "linde-2026-02-24" };
    const first = (await deliver(headers, "attendance", OWN)).json().job_id;
    const firstOutcome = await outcome(bearer(token), first);
    expect(firstOutcome.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
    const again = await deliver(headers, "attendance", OWN);
    expect(again.statusCode).toBe(202);
    expect(again.json().job_id).toBe(first);
    expect(await attendanceCount()).toBe(2);
  });

  it("rejects a file with a row of another school: that line is reported, nothing imported", async () => {
    const { job_id } = (await deliver(bearer(token), "attendance", OTHER)).json();
    const done = await outcome(bearer(token), job_id);
    expect(done.status).toBe("rejected");
    expect(done.errors).toEqual([
      {
        line: 3,
        column: "school_id",
        message: expect.stringContaining("'34CD00' hoort niet bij de scholen"),
      },
    ]);
    expect(await attendanceCount()).toBe(2);
  });

  it("refuses a kind outside its scopes with 403 problem+json, and opens nothing else", async () => {
    const pupils = await deliver(
      bearer(token),
      "pupils",
      "pupil_id;given_name;family_name;birth_date;municipality\n",
    );
    expect(pupils.statusCode).toBe(403);
    expect(pupils.headers["content-type"]).toContain("application/problem+json");
    expect(
      (await t.app.inject({ url: "/api/v1/pupils/P0001", headers: bearer(token) })).statusCode,
    ).not.toBe(200);
    expect((await t.app.inject({ url: "/api/v1/tokens", headers: bearer(token) })).statusCode).toBe(
      403,
    );
  });

  it("puts every use of the token in the audit trail, refusals included", async () => {
    const rows = await t.db.sql.query<{ action: string; outcome: string; token_id: string | null }>(
      "select action, outcome, context->>'token_id' as token_id from audit_log where action in ('import_file', 'use_token') order by id",
    );
    const uses = rows.filter((r) => r.action === "use_token");
    expect(uses.length).toBeGreaterThanOrEqual(8);
    expect(
      rows
        .filter((r) => r.action === "import_file" && r.outcome === "allowed")
        .every((r) => r.token_id === tokenId),
    ).toBe(true);
    expect(rows).toContainEqual({ action: "import_file", outcome: "denied", token_id: tokenId });
  });

  it("lets a care coordinator deliver their own school's attendance only", async () => {
    const own = await deliver(
      asUser(coordinator),
      "attendance",
      OTHER.replace("P0002;34CD00;2026-02-25;day;360;sick\n", ""),
    );
    expect(own.statusCode).toBe(202);
    expect((await outcome(asUser(coordinator), own.json().job_id)).status).toBe("succeeded");
    const other = await deliver(asUser(coordinator), "attendance", OTHER);
    expect((await outcome(asUser(coordinator), other.json().job_id)).status).toBe("rejected");
    expect((await deliver(asUser(coordinator), "pupils", "pupil_id\n")).statusCode).toBe(403);
    expect((await deliver(asUser(teacher), "attendance", OWN)).statusCode).toBe(403);
    // Someone else's job does not exist for them.
    const tokenJob = (await deliver(bearer(token), "attendance", OWN)).json().job_id;
    expect(
      (await t.app.inject({ url: `/api/v1/imports/${tokenJob}`, headers: asUser(coordinator) }))
        .statusCode,
    ).toBe(404);
    await outcome(bearer(token), tokenJob);
    expect(await attendanceCount()).toBe(3);
  });

  it("refuses a revoked token with 401", async () => {
    const revoke = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/tokens/${tokenId}`,
      headers: asUser(admin),
    });
    expect(revoke.statusCode).toBe(204);
    const after = await deliver(bearer(token), "attendance", OWN);
    expect(after.statusCode).toBe(401);
    const list = (await t.app.inject({ url: "/api/v1/tokens", headers: asUser(admin) })).json();
    expect(list[0].revoked_at).not.toBe(null);
    expect(
      (
        await t.app.inject({
          method: "DELETE",
          url: "/api/v1/tokens/999999",
          headers: asUser(admin),
        })
      ).statusCode,
    ).toBe(404);
  });

  it("describes the bearer scheme with scopes per operation in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/v1/openapi.json" })).json();
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    // POST /imports/{kind} and GET /imports/{job_id} are one path item (src/http/openapi.ts).
    const post = doc.paths["/imports/{job_id_or_kind}"].post;
    expect(post.security).toContainEqual({ bearer: ["imports:attendance"] });
    expect(post.security).toContainEqual({ bearer: ["imports:schools"] });
    expect(doc.paths["/imports/{job_id_or_kind}"].get.security).toContainEqual({
      bearer: ["imports:attendance"],
    });
  });
});
