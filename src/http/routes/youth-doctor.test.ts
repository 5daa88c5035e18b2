// M@ZL (issue 15 item 4): the mentor or care coordinator refers a pupil of their school to the
// youth doctor with the school's question; the youth doctor of the pupil's municipality answers
// with load capacity and advice and keeps medical notes that no other role reads; every read and
// write is audited; a referral outside a user's reach answers 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Client, clientOf, startWithEveryone } from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import { addUser, login, type TestApp } from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";

describe.each(engines())("referrals to the youth doctor on $name", (engine) => {
  let t: TestApp;
  let as: Awaited<ReturnType<typeof startWithEveryone>>["as"];
  let jgz: Client;
  let jgzElders: Client;
  let jgzId: string;
  let referralId: string;

  beforeAll(async () => {
    ({ t, as } = await startWithEveryone(engine));
    jgzId = await addUser(t.db, "jgz@keten.example", [
      { role: "youth_doctor", municipality: "Zandstad" },
    ]);
    jgz = clientOf(t, { ...(await login(t.app, "jgz@keten.example")), id: jgzId, email: "" });
    const eldersId = await addUser(t.db, "jgz-elders@keten.example", [
      { role: "youth_doctor", municipality: "Elders" },
    ]);
    jgzElders = clientOf(t, {
      ...(await login(t.app, "jgz-elders@keten.example")),
      id: eldersId,
      email: "",
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const list = "/api/youth-doctor-referrals";

  it("lets the care coordinator refer a pupil of the school, with a question and consent", async () => {
    const referred = await as("coordinator").post(list, {
      pupil_id: "P0001",
      question: "Fenna is vaak ziek; wat kan zij op school aan?",
      consent_on: "2026-02-27",
    });
    expect(referred.statusCode, referred.body).toBe(201);
    expect(referred.json()).toMatchObject({
      pupil_id: "P0001",
      pupil_name: "Fenna Verbeek",
      school_id: "12AB00",
      referred_on: "2026-03-02",
      status: "open",
      feedback: null,
      may_answer: false,
      may_read_medical_notes: false,
    });
    referralId = referred.json().id;
  });

  it("tells the page who may refer the pupil", async () => {
    const refer = async (who: "coordinator" | "teacher" | "head") =>
      (await as(who).get(`${list}?pupil_id=P0001`)).json().may_refer;
    expect(await refer("coordinator")).toBe(true);
    expect(await refer("teacher")).toBe(true);
    expect(await refer("head")).toBe(false);
  });

  it("refuses consent after the referral and a referral by the school head or another school", async () => {
    const late = await as("teacher").post(list, {
      pupil_id: "P0001",
      question: "Vraag",
      consent_on: "2026-03-02",
      referred_on: "2026-03-01",
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().type).toBe("urn:aanwezig:problem:jgz-consent-after-referral");
    const head = await as("head").post(list, {
      pupil_id: "P0001",
      question: "Vraag",
      consent_on: "2026-02-27",
    });
    expect(head.statusCode).toBe(403);
    const other = await as("otherCoordinator").post(list, {
      pupil_id: "P0001",
      question: "Vraag",
      consent_on: "2026-02-27",
    });
    expect(other.statusCode).toBe(404);
  });

  it("shows the referral to the youth doctor of the pupil's municipality only", async () => {
    const mine = await jgz.get(`${list}?status=open`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().referrals).toHaveLength(1);
    expect(mine.json().referrals[0]).toMatchObject({
      id: referralId,
      may_answer: true,
      may_read_medical_notes: true,
    });
    expect((await jgzElders.get(list)).json().referrals).toEqual([]);
    expect((await as("otherCoordinator").get(list)).json().referrals).toEqual([]);
    expect((await as("leerplicht").get(list)).statusCode).toBe(403);
  });

  it("keeps the medical notes with the youth doctor; the school sees the feedback only", async () => {
    const note = await jgz.post(`${list}/${referralId}/medical-notes`, {
      text: "Synthetische notitie: spreekuur met ouders.",
    });
    expect(note.statusCode, note.body).toBe(201);
    const feedback = await jgz.post(`${list}/${referralId}/feedback`, {
      load_capacity: "limited",
      advice: "Halve dagen naar school, gymles voorlopig niet.",
    });
    expect(feedback.statusCode, feedback.body).toBe(200);
    expect(feedback.json()).toMatchObject({ status: "answered", may_answer: false });
    const again = await jgz.post(`${list}/${referralId}/feedback`, {
      load_capacity: "full",
      advice: "x",
    });
    expect(again.json().type).toBe("urn:aanwezig:problem:jgz-already-answered");

    const school = (await as("coordinator").get(`${list}?pupil_id=P0001`)).json().referrals;
    expect(school[0].feedback).toEqual({
      load_capacity: "limited",
      advice: "Halve dagen naar school, gymles voorlopig niet.",
      given_on: "2026-03-02",
    });
    expect(JSON.stringify(school)).not.toContain("spreekuur");

    const notes = await jgz.get(`${list}/${referralId}/medical-notes`);
    expect(notes.json().map((n: { text: string }) => n.text)).toEqual([
      "Synthetische notitie: spreekuur met ouders.",
    ]);
    // The school sees the referral but not the notes (403); everyone else not even that (404).
    expect((await as("coordinator").get(`${list}/${referralId}/medical-notes`)).statusCode).toBe(
      403,
    );
    for (const who of ["director", "doctor", "leerplicht", "parent", "privacy"] as const) {
      const refused = await as(who).get(`${list}/${referralId}/medical-notes`);
      expect(refused.statusCode, who).toBe(404);
    }
    expect((await jgzElders.get(`${list}/${referralId}/medical-notes`)).statusCode).toBe(404);
    expect(
      (
        await as("coordinator").post(`${list}/${referralId}/feedback`, {
          load_capacity: "full",
          advice: "x",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("audits every read and write with the pupil", async () => {
    const rows = await listAudit(t.db.orm, { pupilId: "P0001", limit: 1000 });
    const actions = rows
      .filter((r) => r.resourceType === "youth_doctor_referral")
      .map((r) => `${r.action}:${r.outcome}`);
    for (const expected of [
      "refer_youth_doctor:allowed",
      "refer_youth_doctor:denied",
      "list_youth_doctor_referrals:allowed",
      "write_medical_notes:allowed",
      "give_youth_doctor_feedback:allowed",
      "read_medical_notes:allowed",
      "read_medical_notes:denied",
    ]) {
      expect(actions).toContain(expected);
    }
  });
});
