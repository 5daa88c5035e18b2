// Column mappings over HTTP (issue 14 item 3): the administrator saves a mapping of a school
// system's export (its own headers, its own absence codes, Windows-1252), a service token
// delivers that export with `?mapping=`, and the rows land as canonical attendance — the same
// validation, atomicity and idempotency as a canonical file. A bad mapping is refused with Dutch
// messages per field; a code the mapping lacks rejects the file naming the source's column; the
// care coordinator manages their own school's mappings only; every request is audited.
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

const HEADER = "Leerlingnummer;Datum;Lesuur;Minuten;Absentiecode;Opmerking\n";
/** What Excel on a Dutch Windows machine saves: Windows-1252, "ë" as one byte 0xEB. */
const EXPORT = Buffer.from(
  `${HEADER}P0001;2026-02-23;1e;50;Z;Eëlco's moeder belde\nP0001;2026-02-24;2;50;O;\n`,
  "latin1",
);
const UNKNOWN_CODE = Buffer.from(
  `${HEADER}P0001;2026-02-25;3;50;Z;\nP0001;2026-02-26;3;50;QQ;\n`,
  "latin1",
);

const MAPPING = {
  name: "Somtoday De Linde",
  kind: "attendance",
  school_id: "12AB00",
  encoding: "windows-1252",
  columns: {
    pupil_id: "Leerlingnummer",
    date: "Datum",
    period: "Lesuur",
    minutes: "Minuten",
    reason: "Absentiecode",
    note: "Opmerking",
  },
  values: { reason: { Z: "sick", O: "truant", TL: "late" }, period: { "1e": "1" } },
};

describe.each(engines())("column mappings on $name", (engine) => {
  let t: TestApp;
  let admin: LoggedIn;
  let coordinator: LoggedIn;
  let teacher: LoggedIn;
  let token: string;
  let mappingId: number;
  beforeAll(async () => {
    t = await startTestApp(engine);
    await addUser(t.db, "beheer@regio.example", [{ role: "app_admin" }]);
    await addUser(t.db, "zorg@linde.example", [{ role: "care_coordinator", schoolId: "12AB00" }]);
    await addUser(t.db, "juf@linde.example", [{ role: "teacher", schoolId: "12AB00" }]);
    admin = await login(t.app, "beheer@regio.example");
    coordinator = await login(t.app, "zorg@linde.example");
    teacher = await login(t.app, "juf@linde.example");
  });
  afterAll(() => t.close());

  const asUser = (who: LoggedIn) => ({ cookie: who.cookie, "x-csrf-token": who.csrfToken });
  const bearer = () => ({ authorization: `Bearer ${token}` });
  const deliver = (url: string, body: Buffer | string) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { ...bearer(), "content-type": "text/csv" },
      payload: body,
    });
  async function outcome(jobId: string) {
    for (let i = 0; i < 1000; i++) {
      const body = (
        await t.app.inject({ url: `/api/v1/imports/${jobId}`, headers: bearer() })
      ).json();
      if (body.status === "succeeded" || body.status === "rejected") return body;
      await sleep(20);
    }
    throw new Error("the import did not finish");
  }
  const auditRows = (action: string) =>
    t.db.sql.query<{ outcome: string; role: string | null; resource_id: string | null }>(
      "select outcome, role, resource_id from audit_log where action = $1 order by id",
      [action],
    );

  it("refuses a bad mapping with a Dutch message per field, and saves nothing", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: {
        ...MAPPING,
        columns: { ...MAPPING.columns, leerling: "Naam", school_id: "Datum" },
        values: { reason: { Z: "ziek" } },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers["content-type"]).toContain("application/problem+json");
    const errors = response.json().errors as { path: string; message: string }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "columns.leerling",
          message: expect.stringContaining("'leerling' is geen kolom van attendance; kies uit"),
        }),
        expect.objectContaining({
          path: "columns.school_id",
          message:
            "kolom 'Datum' van de bron is al gekoppeld aan date; kies voor school_id een andere kolom",
        }),
        expect.objectContaining({
          path: "values.reason.Z",
          message: expect.stringContaining(
            "code 'Z' wordt 'ziek', maar dat is geen geldige reason",
          ),
        }),
      ]),
    );
    const [count] = await t.db.sql.query<{ n: number }>(
      "select count(*)::int n from import_mappings",
    );
    expect(count?.n).toBe(0);
  });

  it("saves a mapping for the administrator, lists and reads it, audited", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: MAPPING,
    });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    mappingId = body.id;
    expect(body).toMatchObject({ ...MAPPING, fixed: {} });
    const again = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: { ...MAPPING, name: "somtoday de linde" },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      expect.objectContaining({
        path: "name",
        message: "naam: er is al een kolomindeling 'somtoday de linde'; kies een andere naam",
      }),
    ]);
    const list = await t.app.inject({ url: "/api/v1/import-mappings", headers: asUser(admin) });
    expect(list.json().map((m: { name: string }) => m.name)).toEqual([MAPPING.name]);
    const one = await t.app.inject({
      url: `/api/v1/import-mappings/${mappingId}`,
      headers: asUser(admin),
    });
    expect(one.json().values.reason).toEqual(MAPPING.values.reason);
    expect(await auditRows("create_import_mapping")).toEqual([
      { outcome: "allowed", role: "app_admin", resource_id: String(mappingId) },
    ]);
    expect((await auditRows("read_import_mapping")).at(-1)?.outcome).toBe("allowed");
  });

  it("reads a sample: headers, the codes of code-like columns and a first guess", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings/sample?kind=attendance&encoding=windows-1252",
      headers: { ...asUser(admin), "content-type": "text/csv" },
      payload: EXPORT,
    });
    expect(response.statusCode).toBe(200);
    const sample = response.json();
    expect(sample.headers).toEqual(HEADER.trim().split(";"));
    expect(sample.suggested).toMatchObject({ pupil_id: "Leerlingnummer", date: "Datum" });
    expect(
      sample.columns.find((c: { header: string }) => c.header === "Absentiecode").values,
    ).toEqual(["O", "Z"]);
    expect(sample.columns.find((c: { header: string }) => c.header === "Opmerking").values).toEqual(
      ["Eëlco's moeder belde"],
    );
    // Read as UTF-8, the same bytes are refused naming the line of the first invalid byte.
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings/sample?kind=attendance",
      headers: { ...asUser(admin), "content-type": "text/csv" },
      payload: EXPORT,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().detail).toMatch(/^Regel 2: het bestand is geen geldige UTF-8: regel 2/);
  });

  it("imports the school system's export through the mapping: canonical rows, no replacement character", async () => {
    const created = await t.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: asUser(admin),
      payload: { name: "Somtoday", scopes: ["imports:attendance"], school_ids: ["12AB00"] },
    });
    token = created.json().token;
    const unknown = await deliver("/api/v1/imports/attendance?mapping=Bestaat%20niet", EXPORT);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({
        path: "mapping",
        message: expect.stringContaining("kolomindeling 'Bestaat niet' bestaat niet"),
      }),
    ]);
    await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: { name: "Leerlingen", kind: "pupils", columns: { pupil_id: "Leerlingnummer" } },
    });
    const otherKind = await deliver("/api/v1/imports/attendance?mapping=Leerlingen", EXPORT);
    expect(otherKind.statusCode).toBe(400);
    expect(otherKind.json().errors[0].message).toBe(
      "kolomindeling 'Leerlingen' is voor pupils-bestanden, niet voor attendance; kies een kolomindeling voor attendance",
    );

    const url = `/api/v1/imports/attendance?mapping=${encodeURIComponent(MAPPING.name)}`;
    const done = await outcome((await deliver(url, EXPORT)).json().job_id);
    expect(done).toMatchObject({
      status: "succeeded",
      summary: { rows: 2, inserted: 2, updated: 0, unchanged: 0 },
    });
    const rows = await t.db.sql.query<{
      school_id: string;
      period: string;
      reason: string;
      note: string | null;
    }>(
      "select school_id, period, reason, note from attendance where pupil_id = 'P0001' order by date",
    );
    expect(rows).toEqual([
      { school_id: "12AB00", period: "1", reason: "sick", note: "Eëlco's moeder belde" },
      { school_id: "12AB00", period: "2", reason: "truant", note: null },
    ]);
    const [log] = await t.db.sql.query<{ mapping: string }>(
      "select mapping from import_log order by id desc limit 1",
    );
    expect(log?.mapping).toBe(MAPPING.name);
    // The same delivery again changes nothing (idempotent).
    const repeat = await outcome((await deliver(url, EXPORT)).json().job_id);
    expect(repeat.summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 2 });
  });

  it("rejects a file with a code the mapping lacks: the source's column is named, nothing imported", async () => {
    const url = `/api/v1/imports/attendance?mapping=${encodeURIComponent(MAPPING.name)}`;
    const done = await outcome((await deliver(url, UNKNOWN_CODE)).json().job_id);
    expect(done.status).toBe("rejected");
    expect(done.errors).toEqual([
      {
        line: 3,
        column: "Absentiecode (reason)",
        message:
          "code 'QQ' staat niet in kolomindeling 'Somtoday De Linde'; voeg hem toe aan de kolomindeling (Beheer → Kolomindelingen) of corrigeer de rij",
      },
    ]);
    const [count] = await t.db.sql.query<{ n: number }>(
      "select count(*)::int n from attendance where date >= '2026-02-25'",
    );
    expect(count?.n).toBe(0);
  });

  it("converts the source's dates by the mapping's notation; a date it cannot read names line and column", async () => {
    const saved = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: {
        ...MAPPING,
        name: "Magister datums",
        encoding: "utf-8",
        dates: { date: "d-m-jjjj" },
      },
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().dates).toEqual({ date: "d-m-jjjj" });
    const url = `/api/v1/imports/attendance?mapping=${encodeURIComponent("Magister datums")}`;
    const good = await outcome(
      (await deliver(url, `${HEADER}P0001;2-3-2026;1e;50;Z;\nP0001;03/03/2026;2;50;O;\n`)).json()
        .job_id,
    );
    expect(good).toMatchObject({ status: "succeeded", summary: { inserted: 2 } });
    const dates = await t.db.sql.query<{ date: string }>(
      "select date::text as date from attendance where pupil_id = 'P0001' and date >= '2026-03-01' order by date",
    );
    expect(dates.map((r) => r.date)).toEqual(["2026-03-02", "2026-03-03"]);
    const bad = await outcome(
      (await deliver(url, `${HEADER}P0001;4-3-2026;1e;50;Z;\nP0001;31-2-2026;2;50;O;\n`)).json()
        .job_id,
    );
    expect(bad.status).toBe("rejected");
    expect(bad.errors).toEqual([
      {
        line: 3,
        column: "Datum (date)",
        message:
          "'31-2-2026' is geen datum in de notatie d-m-jjjj van kolomindeling 'Magister datums'; corrigeer de rij of de datumnotatie van de kolomindeling",
      },
    ]);
    const wrong = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: { ...MAPPING, name: "Fout", dates: { minutes: "dd-mm-jjjj" } },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([
      expect.objectContaining({
        path: "dates.minutes",
        message: "'minutes' is geen datumkolom van attendance; kies uit date",
      }),
    ]);
  });

  it("lets the care coordinator manage their own school's mappings only", async () => {
    const own = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(coordinator),
      payload: { ...MAPPING, name: "Eigen export" },
    });
    expect(own.statusCode).toBe(201);
    const other = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(coordinator),
      payload: { ...MAPPING, name: "Het Baken", school_id: "34CD00" },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().detail).toContain(
      "U beheert alleen kolomindelingen van uw eigen school (12AB00)",
    );
    const region = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(coordinator),
      payload: { ...MAPPING, name: "Regio", school_id: null },
    });
    expect(region.statusCode).toBe(403);
    // The administrator's mapping of a region-wide source: not theirs, answered as unknown.
    const regionWide = await t.app.inject({
      method: "POST",
      url: "/api/v1/import-mappings",
      headers: asUser(admin),
      payload: { ...MAPPING, name: "Regiobreed", school_id: null },
    });
    const hidden = await t.app.inject({
      url: `/api/v1/import-mappings/${regionWide.json().id}`,
      headers: asUser(coordinator),
    });
    expect(hidden.statusCode).toBe(404);
    const list = await t.app.inject({
      url: "/api/v1/import-mappings",
      headers: asUser(coordinator),
    });
    expect(
      list
        .json()
        .map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(["Eigen export", "Magister datums", "Somtoday De Linde"]);
    const renamed = await t.app.inject({
      method: "PUT",
      url: `/api/v1/import-mappings/${own.json().id}`,
      headers: asUser(coordinator),
      payload: { ...MAPPING, name: "Eigen export 2", encoding: "utf-8" },
    });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Eigen export 2", encoding: "utf-8" });
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/v1/import-mappings/${own.json().id}`,
      headers: asUser(coordinator),
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await t.app.inject({ url: "/api/v1/import-mappings", headers: asUser(teacher) })).statusCode,
    ).toBe(403);
    const denied = (await auditRows("create_import_mapping")).filter((r) => r.outcome === "denied");
    expect(denied).toHaveLength(2);
    expect(denied[0]?.role).toBe("care_coordinator");
    expect((await auditRows("delete_import_mapping")).map((r) => r.outcome)).toEqual(["allowed"]);
    expect((await auditRows("read_import_mapping")).some((r) => r.outcome === "denied")).toBe(true);
    expect((await auditRows("list_import_mappings")).at(-1)).toMatchObject({ outcome: "denied" });
  });
});
