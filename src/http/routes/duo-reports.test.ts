// The DUO report API on both engines: who sees which reports (the reporting school's head and
// care coordinator, leerplicht for residents), due and overdue, the export with the legally
// required fields as JSON and CSV, the school's fields, and the status changes by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { absentDays } from "../../../test/support/absent-days.ts";
import { engines } from "../../../test/support/databases.ts";
import {
  addUser,
  type LoggedIn,
  login,
  startTestApp,
  type TestApp,
} from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";
import { EXPORT_COLUMNS } from "../../domain/signals/duo-report-export.ts";
import { prepareDuoReports } from "../../services/duo-reports.ts";
import { runDailyEvaluation } from "../../services/signal-state.ts";

interface Report {
  report_id: string;
  pupil_id: string;
  school_id: string;
  start_date: string;
  end_date: string;
  status: string;
  due_date: string;
  due_state: string | null;
  overdue: boolean;
  submitted_on: string | null;
  timeliness: string | null;
}

describe.each(engines())("DUO report API on $name", (engine) => {
  let t: TestApp;
  const who: Record<string, LoggedIn> = {};

  beforeAll(async () => {
    t = await startTestApp(engine); // today is Monday 2026-03-02
    // P0001 at 12AB00 (PO, Wednesday 180 minutes): 18 hours by Thursday 2026-02-26.
    await absentDays(t.db, "P0001", "12AB00", ["2026-02-23", "2026-02-24", "2026-02-26"]);
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       values ('P0001', '2026-02-25', 'day', '12AB00', 180, 'unreported')`,
    );
    // P0003 at 34CD00 (VO, 360 minutes): 18 hours by Wednesday 2026-02-25.
    await t.db.sql.query(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason)
       select 'P0003', d::date, 'day', '34CD00', 360, 'truant'
       from unnest(array['2026-02-23','2026-02-24','2026-02-25','2026-02-26']) d`,
    );
    for (const day of ["2026-02-25", "2026-02-26"]) {
      await runDailyEvaluation(t.db, day, { mode: "incremental" });
      await prepareDuoReports(t.db, day);
    }
    const users = {
      linde: ["zc@linde.example", { role: "care_coordinator", schoolId: "12AB00" }],
      baken: ["directie@baken.example", { role: "school_head", schoolId: "34CD00" }],
      teacher: ["juf@linde.example", { role: "teacher", schoolId: "12AB00" }],
      lpa: ["lpa@zandstad.example", { role: "attendance_officer", municipality: "Zandstad" }],
      elders: ["lpa@elders.example", { role: "attendance_officer", municipality: "Elders" }],
      policy: ["beleid@zandstad.example", { role: "policy_officer", municipality: "Zandstad" }],
    } as const;
    for (const [key, [email, role]] of Object.entries(users)) {
      await addUser(t.db, email, [role]);
      who[key] = await login(t.app, email);
    }
  }, 120_000);
  afterAll(() => t.close());

  const get = (user: LoggedIn, url: string) =>
    t.app.inject({ method: "GET", url, headers: { cookie: user.cookie } });
  const list = async (user: LoggedIn, query = "") => {
    const response = await get(user, `/api/duo-reports${query}`);
    return { status: response.statusCode, body: response.json() as Report[] };
  };
  const post = (user: LoggedIn, url: string, body: object, csrf = true) =>
    t.app.inject({
      method: "POST",
      url,
      headers: { cookie: user.cookie, ...(csrf ? { "x-csrf-token": user.csrfToken } : {}) },
      payload: body,
    });
  const reportOf = async (pupilId: string) =>
    (await list(who.lpa!)).body.find((r) => r.pupil_id === pupilId)!;

  it("shows the reporting school's head and care coordinator their own reports, leerplicht its residents'", async () => {
    const pupils = async (user: LoggedIn) => (await list(user)).body.map((r) => r.pupil_id);
    expect(await pupils(who.linde!)).toEqual(["P0001"]);
    expect((await list(who.linde!)).body[0]).toMatchObject({
      pupil_name: "Fenna Verbeek",
      school_id: "12AB00",
      school_name: "Basisschool De Linde",
      municipality: "Zandstad",
    });
    expect(await pupils(who.baken!)).toEqual(["P0003"]);
    expect((await pupils(who.lpa!)).sort()).toEqual(["P0001", "P0003"]);
    expect(await pupils(who.elders!)).toEqual([]);
    expect((await list(who.teacher!)).status).toBe(403);
    expect((await list(who.policy!)).status).toBe(403);
  });

  it("tells what is due and what is overdue after 5 working days", async () => {
    const at = async (asOf: string) =>
      Object.fromEntries(
        (await list(who.lpa!, `?as_of=${asOf}`)).body.map((r) => [r.pupil_id, r.due_state]),
      );
    expect((await reportOf("P0003")).end_date).toBe("2026-02-25");
    expect((await reportOf("P0003")).due_date).toBe("2026-03-04");
    expect(await at("2026-03-04")).toEqual({ P0001: "due", P0003: "due" });
    expect(await at("2026-03-05")).toEqual({ P0001: "due", P0003: "overdue" });
    const overdue = await list(who.lpa!, "?as_of=2026-03-05&due=overdue");
    expect(overdue.body.map((r) => r.pupil_id)).toEqual(["P0003"]);
    // Not sent and past its due date: overdue, not "sent late" (issue 11 item 7).
    expect(overdue.body[0]).toMatchObject({ timeliness: "overdue", submitted_on: null });
    // On the 25th only P0003's report (ending that day) existed.
    expect(await at("2026-02-25")).toEqual({ P0003: "due" });
  });

  it("exports the legally required fields as JSON and as CSV", async () => {
    const json = await get(who.lpa!, "/api/duo-reports/export?as_of=2026-03-05");
    expect(json.statusCode).toBe(200);
    const [first] = json.json() as Record<string, unknown>[];
    for (const column of EXPORT_COLUMNS) expect(first).toHaveProperty(column);
    const csv = await get(who.linde!, "/api/duo-reports/export?format=csv");
    expect(csv.statusCode).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body.trimEnd().split("\n");
    expect(lines[0]).toBe(EXPORT_COLUMNS.join(";"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/;P0001;12AB00;16_uur;0;2026-02-23;2026-02-26;/);
  });

  it("lets the school fill in and submit, leerplicht take up and close with a reason", async () => {
    const report = await reportOf("P0001");
    const url = `/api/duo-reports/${report.report_id}`;
    // Another school's head: exactly like a report that does not exist.
    const hidden = await post(who.baken!, `${url}/fields`, { reporter_name: "X" });
    const missing = await post(who.baken!, "/api/duo-reports/nope/fields", { reporter_name: "X" });
    expect(hidden.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect((await get(who.baken!, url)).statusCode).toBe(404);
    // Leerplicht reads it but does not fill in the school's fields or submit for the school.
    expect((await post(who.lpa!, `${url}/fields`, { reporter_name: "X" })).statusCode).toBe(403);
    const fields = await post(who.linde!, `${url}/fields`, {
      suspected_reason: "ongeoorloofd verzuim, ouders onbereikbaar",
      actions_taken: "mentor belde 2x, brief verstuurd",
      municipal_action_wanted: true,
      reporter_name: "Z. Coördinator",
      reporter_function: "zorgcoördinator",
      reporter_phone: "030-1234567",
      reporter_email: "zc@linde.example",
    });
    expect(fields.statusCode, fields.body).toBe(200);
    expect(fields.json()).toMatchObject({
      reporter_name: "Z. Coördinator",
      municipal_action_wanted: true,
      location: "12AB00",
    });

    const status = (user: LoggedIn, body: object, csrf = true) =>
      post(user, `${url}/status`, body, csrf);
    expect((await status(who.linde!, { status: "geregistreerd" })).statusCode).toBe(400);
    expect(
      (await status(who.linde!, { status: "geregistreerd", note: "x" }, false)).statusCode,
    ).toBe(403);
    expect((await status(who.lpa!, { status: "geregistreerd", note: "x" })).statusCode).toBe(403);
    const submitted = await status(who.linde!, {
      status: "geregistreerd",
      note: "ingediend, kenmerk 123",
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: "geregistreerd",
      due_state: null,
      submitted_on: "2026-03-02",
      timeliness: "on_time",
    });
    expect((await post(who.linde!, `${url}/fields`, { reporter_name: "Y" })).statusCode).toBe(409);

    expect((await status(who.linde!, { status: "afgesloten", note: "x" })).statusCode).toBe(403);
    expect(
      (await status(who.lpa!, { status: "in_behandeling", note: "opgepakt" })).statusCode,
    ).toBe(200);
    const noReason = await status(who.lpa!, { status: "afgesloten", note: "klaar" });
    expect(noReason.statusCode).toBe(409);
    const closed = await status(who.lpa!, {
      status: "afgesloten",
      closing_reason: "terug_naar_school",
      note: "weer naar school sinds maandag",
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "afgesloten",
      closing_reason: "terug_naar_school",
      closing_note: "weer naar school sinds maandag",
    });

    const detail = await get(who.linde!, url);
    expect(detail.statusCode).toBe(200);
    expect((detail.json().history as { to_status: string }[]).map((h) => h.to_status)).toEqual([
      "concept",
      "geregistreerd",
      "in_behandeling",
      "afgesloten",
    ]);

    const audit = await listAudit(t.db.orm, { pupilId: "P0001", limit: 100 });
    const changes = audit.filter((a) => a.action === "change_duo_report_status");
    // Denied: leerplicht submitting, the school closing (validation and CSRF stop the others
    // earlier); allowed: submit, take up, the close without a reason (409 later), the close.
    expect(changes.filter((a) => a.outcome === "denied")).toHaveLength(2);
    expect(changes.filter((a) => a.outcome === "allowed")).toHaveLength(4);
    expect(audit.some((a) => a.action === "update_duo_report" && a.outcome === "denied")).toBe(
      true,
    );
  });

  it("defuses fields a spreadsheet would run as a formula in the CSV export", async () => {
    const report = await reportOf("P0003");
    // A tab or CR only fits a free-text field: a phone number is one line (input-schemas.ts).
    const dangerous = {
      suspected_reason: "\t=1",
      actions_taken: "\r=1",
      location: "-2",
      reporter_name: "@SUM(A1)",
      reporter_phone: '=HYPERLINK("http://x.example","klik")',
      parent_phone: "+1+1",
    };
    const filled = await post(who.baken!, `/api/duo-reports/${report.report_id}/fields`, {
      ...dangerous,
      reporter_function: "directeur",
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const csv = await get(who.baken!, "/api/duo-reports/export?format=csv");
    const line = csv.body.split("\n").find((l) => l.includes(";P0003;"))!;
    const cells = Object.fromEntries(
      EXPORT_COLUMNS.map((column, i) => [column, line.split(";")[i]]),
    );
    expect(cells).toMatchObject({
      pupil_id: "P0003",
      school_id: "34CD00",
      start_date: "2026-02-23",
      reporter_function: "directeur",
      suspected_reason: '"\'\t=1"',
      actions_taken: '"\'\r=1"',
      location: '"\'-2"',
      reporter_name: '"\'@SUM(A1)"',
      reporter_phone: '"\'=HYPERLINK(""http://x.example"",""klik"")"',
      parent_phone: '"\'+1+1"',
      days_absent: "3",
    });
  });
  it("records the day the school reported it at DUO and DUO's reference (issue 15)", async () => {
    const report = await reportOf("P0003"); // end date 2026-02-25, due 2026-03-04
    const url = `/api/duo-reports/${report.report_id}/status`;
    const submit = (body: object) =>
      post(who.baken!, url, { status: "geregistreerd", note: "gemeld bij DUO", ...body });
    // Not in the future, not before the 16 hours were reached.
    for (const reported_on of ["2026-03-03", "2026-02-24"]) {
      const refused = await submit({ reported_on, duo_reference: "VZ-1" });
      expect(refused.statusCode, reported_on).toBe(409);
      expect(refused.json().type).toBe("urn:aanwezig:problem:invalid-date");
    }
    expect((await submit({ duo_reference: "" })).statusCode).toBe(400);
    // The day and the reference belong to the submission only.
    const wrongStatus = await post(who.baken!, url, {
      status: "ingetrokken",
      note: "x",
      duo_reference: "VZ-1",
    });
    expect(wrongStatus.statusCode).toBe(400);
    expect((await get(who.baken!, `/api/duo-reports/${report.report_id}`)).json().status).toBe(
      "concept",
    );

    const offered = async (user: LoggedIn) => {
      const body = (await get(user, `/api/duo-reports/${report.report_id}`)).json();
      return { statuses: body.allowed_statuses, fill: body.may_fill_fields, name: body.pupil_name };
    };
    // The screen offers each side its own steps from the current status.
    expect(await offered(who.baken!)).toEqual({
      statuses: ["geregistreerd", "ingetrokken"],
      fill: true,
      name: "Liv Bakker",
    });
    expect(await offered(who.lpa!)).toMatchObject({ statuses: [], fill: false });

    const done = await submit({ reported_on: "2026-02-27", duo_reference: " VZ-2026-000123 " });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: "geregistreerd",
      submitted_on: "2026-02-27",
      duo_reference: "VZ-2026-000123",
      timeliness: "on_time",
    });
    expect(await offered(who.lpa!)).toMatchObject({
      statuses: ["in_behandeling", "afgesloten", "ter_kennisgeving"],
      fill: false,
    });
    expect(await offered(who.baken!)).toMatchObject({ statuses: ["ingetrokken"], fill: false });
    // Leerplicht sees the reference; taking it up keeps it.
    const takenUp = await post(who.lpa!, url, { status: "in_behandeling", note: "opgepakt" });
    expect(takenUp.json()).toMatchObject({
      submitted_on: "2026-02-27",
      duo_reference: "VZ-2026-000123",
    });
    const listed = (await list(who.lpa!)).body.find((r) => r.report_id === report.report_id);
    expect(listed).toMatchObject({ duo_reference: "VZ-2026-000123", status: "in_behandeling" });
    // The JSON export carries it too.
    const exported = (await get(who.lpa!, "/api/duo-reports/export")).json() as Report[];
    expect(exported.find((r) => r.report_id === report.report_id)).toMatchObject({
      duo_reference: "VZ-2026-000123",
    });
  });
});
