// Issue 16 items 2 and 3 on both engines, against a real SMTP server in this process: the daily
// job's event notifications — one digest of new signals per school staff member (not one per
// signal), a case handed to its new owner, a breakthrough meeting for the team, the owner and the
// parent, a parent's consent change for the case's professionals, a parent's request for consent
// and leave decision — raised once, mailed through the region's mail server as each user chose,
// and holding no personal data: no child's name, id or birth date, no partner, no school.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCaseRegion, storedCase, userWith } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import { startSmtp, type TestSmtp } from "../../test/support/smtp.ts";
import type { Database } from "../db/connect.ts";
import { notificationPreferences } from "../db/schema/notifications.ts";
import { caseReference } from "../domain/letters/values.ts";
import { currentMailConfig, saveMailSettings } from "./mail-settings.ts";
import { raiseEventNotifications } from "./notification-events.ts";
import { sendPendingMail } from "./notifications.ts";

const AS_OF = "2026-03-05";
const AUTHOR = { userId: null, role: "cli", context: { route: "test", method: "TEST" } };

describe.each(engines())("event notifications by e-mail on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let smtp: TestSmtp;
  const ids: Record<string, string> = {};
  let caseId: string;

  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    smtp = await startSmtp();
    await seedCaseRegion(db);
    ids.coordinator = await userWith(db, "zc@test.example", [
      { role: "care_coordinator", schoolId: "99ZZ00" },
    ]);
    ids.head = await userWith(db, "directie@test.example", [
      { role: "school_head", schoolId: "99ZZ00" },
    ]);
    ids.elsewhere = await userWith(db, "zc@elders.example", [
      { role: "care_coordinator", schoolId: "88YY00" },
    ]);
    ids.director = await userWith(db, "regie@test.example", [
      { role: "case_director", municipality: "Voorbeeld" },
    ]);
    ids.member = await userWith(db, "team@test.example", [
      { role: "breakthrough_member", region: "Voorbeeld" },
    ]);
    ids.parent = await userWith(db, "ouder@test.example", [{ role: "parent", pupilId: "P000001" }]);
    const c = await storedCase(db, ids.coordinator, {
      openedAt: "2026-03-02",
      absenceStartDate: "2026-02-25",
    });
    caseId = c.id;
    // Three signals today at the school: one digest each for its staff, not three mails.
    for (const [pupil, code] of [
      ["P000001", "LEGAL_16H"],
      ["P000001", "PREVENTIVE_10H"],
      ["P000002", "SICK_FREQUENT"],
    ]) {
      await db.sql.query(
        `insert into signal_states (pupil_id, school_id, code, status, raised_on, last_held_on,
           evidence, attributes) values ($1, '99ZZ00', $2, 'open', $3, $3, '{}', '{}')`,
        [pupil, code, AS_OF],
      );
    }
    // The coordinator hands the case to the case director.
    await db.sql.query(
      "update cases set owner_person_id = $1, phase = 'CASE_DIRECTOR' where id = $2",
      [ids.director, caseId],
    );
    await db.sql.query(
      `insert into case_transitions (case_id, seq, command, from_phase, to_phase, at, by_kind,
         by_person_id, by_role, reason, basis)
       values ($1, 1, 'hand_to_director', 'SCHOOL', 'CASE_DIRECTOR', '2026-03-04', 'person', $2,
         'care_coordinator', 'week 4', 'absence_week_4')`,
      [caseId, ids.coordinator],
    );
    await db.sql.query(
      `insert into case_participants (case_id, seq, person_id, role, organisation, since)
       values ($1, 99, $2, 'case_director', 'Voorbeeld', '2026-03-04')`,
      [caseId, ids.director],
    );
    // A breakthrough meeting next week, and the parent withdraws a consent today.
    await db.sql.query(
      `insert into breakthrough_teams (id, municipality, name) values ('t1', 'Voorbeeld', 'Doorbraakteam Voorbeeld')`,
    );
    await db.sql.query(
      `insert into breakthrough_team_members (team_id, seq, discipline, name, organisation, user_id)
       values ('t1', 1, 'education', 'Teamlid', 'PO9999', $1)`,
      [ids.member],
    );
    await db.sql.query(
      `insert into breakthrough_agenda (team_id, case_id, added_on, meeting_date, reason)
       values ('t1', $1, '2026-03-04', '2026-03-12', 'week 8')`,
      [caseId],
    );
    await db.sql.query(
      `insert into consent_records (id, pupil_id, case_id, purpose, subject, decision, giver_kind,
         giver_person_id, at, recorded_by)
       values ('k1', 'P000001', $1, 'involve_partner', 'Jeugdteam Geheim', 'withdrawn', 'parent',
         $2, $3, $2)`,
      [caseId, ids.parent, AS_OF],
    );
    await db.sql.query(
      `insert into leave_requests (id, pupil_id, school_id, kind, start_date, end_date, reason,
         school_days, decider, status, requested_by_kind, requested_by, requested_on, decided_by,
         decided_on, decision_reason, objection_route)
       values ('l1', 'P000001', '99ZZ00', 'important_circumstances', '2026-03-16', '2026-03-17',
         'bruiloft oom Kees', 2, 'school_head', 'approved', 'parent', $1, '2026-03-01', $2,
         '2026-03-04', 'akkoord', 'bezwaar binnen 6 weken')`,
      [ids.parent, ids.head],
    );
    // The head wants the digest in the app only; the parent chose e-mail for leave decisions.
    await db.orm.insert(notificationPreferences).values([
      { userId: ids.head, email: true, emailKinds: { signal_digest: false } },
      { userId: ids.parent, email: true, emailKinds: { parent_leave_decided: true } },
    ]);
  });
  afterAll(async () => {
    await smtp.close();
    await dispose();
  });

  const mine = (userId: string | undefined) =>
    db.sql.query<{ kind: string; subject: string; email_status: string }>(
      "select kind, subject, email_status from notifications where user_id = $1 order by kind",
      [userId],
    );

  it("raises each event once, for the people it concerns", async () => {
    const report = await raiseEventNotifications(db, AS_OF);
    expect(report).toEqual({
      signalDigest: 2,
      caseHandedOver: 1,
      breakthroughMeeting: 2,
      consentChanged: 2,
      // Asked for consent twice (the case opened; a team convened without consent (b)), told
      // of the meeting and of the leave decision.
      parents: 4,
    });
    expect(await mine(ids.coordinator)).toEqual([
      // Still a participant of the case: the consent change concerns them.
      expect.objectContaining({ kind: "consent_changed" }),
      { kind: "signal_digest", subject: "3 nieuwe signalen op uw school", email_status: "pending" },
    ]);
    expect((await mine(ids.director)).map((n) => n.kind)).toEqual([
      "breakthrough_meeting_planned",
      "case_handed_over",
      "consent_changed",
    ]);
    expect((await mine(ids.member)).map((n) => n.subject)).toEqual([
      "Doorbraakoverleg gepland op 12 maart 2026",
    ]);
    expect((await mine(ids.parent)).map((n) => n.kind)).toEqual([
      "parent_consent_requested",
      "parent_consent_requested",
      "parent_leave_decided",
      "parent_meeting_planned",
    ]);
    expect(await mine(ids.elsewhere)).toEqual([]);
    // The next run of the same day, and the next day: nothing twice.
    expect(await raiseEventNotifications(db, AS_OF)).toEqual({
      signalDigest: 0,
      caseHandedOver: 0,
      breakthroughMeeting: 0,
      consentChanged: 0,
      parents: 0,
    });
  });

  it("mails them through the region's mail server as each user chose, without personal data", async () => {
    const saved = await saveMailSettings(
      db,
      { host: smtp.host, port: smtp.port, security: "none", from: "Regio <noreply@regio.example>" },
      AUTHOR,
    );
    expect(saved.ok).toBe(true);
    const config = await currentMailConfig(db, {});
    expect(config?.source).toBe("region");
    const run = await sendPendingMail(db, config!, "https://aanwezig.regio.example");
    expect(run.failed).toBe(0);
    const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));
    expect(to("zc@test.example")).toHaveLength(2);
    expect(to("directie@test.example")).toHaveLength(0);
    expect(to("regie@test.example")).toHaveLength(3);
    expect(to("team@test.example")).toHaveLength(1);
    // The parent: only the kind they chose by e-mail; the others stay in the app.
    expect(to("ouder@test.example")).toHaveLength(1);
    expect(to("ouder@test.example")[0]?.text).toContain("besluit over een verlofaanvraag");
    expect(to("ouder@test.example")[0]?.text).toContain("https://aanwezig.regio.example/mijn-kind");
    expect((await mine(ids.parent)).filter((n) => n.email_status === "off")).toHaveLength(3);
    expect(
      to("regie@test.example")
        .map((m) => m.text)
        .join(""),
    ).toContain(`casus ${caseReference(caseId)}`);
    expect(smtp.received.every((m) => m.data.includes("From: Regio <noreply@regio.example>"))).toBe(
      true,
    );
    for (const secret of [
      "Noor",
      "Testkind",
      "Proefkind",
      "P000001",
      "2015",
      "Jeugdteam Geheim",
      "bruiloft",
      "Voorbeeld",
      "LEGAL_16H",
    ]) {
      expect(smtp.received.map((m) => m.text).join("\n")).not.toContain(secret);
    }
  });
});
