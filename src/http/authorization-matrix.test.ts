// The authorization matrix over HTTP (domain.md §2; style.md: "the authorization matrix test
// lives with the policy layer"): EVERY endpoint the app registers × EVERY role of
// src/domain/policy/roles.ts, against one small case of our own. The endpoint list is read from
// the app itself (printRoutes), so an endpoint without a row here fails the test.
//
// Legend of a row (one character per role, in ROLE_CODES order: teacher, care_coordinator,
// school_head, attendance_officer, case_director, partnership_consultant, youth_doctor,
// youth_care, breakthrough_member, parent, policy_officer, app_admin, privacy_officer):
//   y  passed the gate: 2xx, or the status the probe lists as the request's own refusal after
//      authorization (409 by default: the probes send requests the case's state refuses, so the
//      matrix does not change the case it walks)
//   f  403: the user may see the resource but not do this
//   n  404, answered exactly like a resource that does not exist (no existence leak)
// Every non-public endpoint answers 401 without login.
//
// The world: pupil P0001 of school 12AB00 (Zandstad) has case A in phase CASE_DIRECTOR, opened
// by the care coordinator and handed to the case director; the partnership consultant and the
// youth doctor joined with consent (b); teacher, youth care and breakthrough member do not take
// part. Case A holds one document per visibility.
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { addUser, login, startTestApp, type TestApp } from "../../test/support/test-app.ts";
import type { RoleScope } from "../db/repositories/users.ts";
import { ROLE_CODES, type RoleCode } from "../domain/policy/roles.ts";

const USERS: Record<RoleCode, RoleScope[]> = {
  teacher: [{ role: "teacher", schoolId: "12AB00" }],
  care_coordinator: [{ role: "care_coordinator", schoolId: "12AB00" }],
  school_head: [{ role: "school_head", schoolId: "12AB00" }],
  attendance_officer: [{ role: "attendance_officer", municipality: "Zandstad" }],
  case_director: [{ role: "case_director", municipality: "Zandstad" }],
  partnership_consultant: [{ role: "partnership_consultant", partnership: "PO2605" }],
  youth_doctor: [{ role: "youth_doctor", region: "GGD Zandstad" }],
  youth_care: [{ role: "youth_care", municipality: "Zandstad" }],
  breakthrough_member: [{ role: "breakthrough_member", region: "Zandstad" }],
  parent: [{ role: "parent", pupilId: "P0001" }],
  policy_officer: [{ role: "policy_officer", municipality: "Zandstad" }],
  app_admin: [{ role: "app_admin" }],
  privacy_officer: [{ role: "privacy_officer" }],
};

/** The same roles out of scope: another school, municipality, child, or not in the case. */
const OUTSIDERS: Record<RoleCode, RoleScope[]> = {
  teacher: [{ role: "teacher", schoolId: "34CD00" }],
  care_coordinator: [{ role: "care_coordinator", schoolId: "34CD00" }],
  school_head: [{ role: "school_head", schoolId: "34CD00" }],
  attendance_officer: [{ role: "attendance_officer", municipality: "Elders" }],
  case_director: [{ role: "case_director", municipality: "Zandstad" }],
  partnership_consultant: [{ role: "partnership_consultant", partnership: "PO2605" }],
  youth_doctor: [{ role: "youth_doctor", region: "GGD Zandstad" }],
  youth_care: [{ role: "youth_care", municipality: "Zandstad" }],
  breakthrough_member: [{ role: "breakthrough_member", region: "Zandstad" }],
  parent: [{ role: "parent", pupilId: "P0002" }],
  policy_officer: [{ role: "policy_officer", municipality: "Zandstad" }],
  app_admin: [{ role: "app_admin" }],
  privacy_officer: [{ role: "privacy_officer" }],
};

interface World {
  caseId: string;
  /**
   * Case B: a case of P0005, P0001's classmate (a pupil has one open case at most), still in
   * SCHOOL, with only the care coordinator in it.
   */
  schoolCaseId: string;
  documents: Record<"professionals" | "also_parents" | "jgz_only", string>;
  userIds: Record<RoleCode, string>;
}

interface Probe {
  /** Shown in the failure; needed when an endpoint has several probes. */
  label?: string;
  /** The request reads P0001's personal data: each answer must leave an audit row. */
  personal?: boolean;
  url(w: World): string;
  body?(w: World): unknown;
  contentType?: string;
  /** Statuses that mean "passed the gate, refused by the request itself" (default [409]). */
  passed?: number[];
  row: string;
}

interface Endpoint {
  /** Public endpoints: no login needed; the roles are not asked. */
  public?: { anonymous: number; note: string };
  probes?: Probe[];
}

const A = (w: World, rest = "") => `/api/cases/${w.caseId}${rest}`;
const REASON = " "; // passes the schema, refused by the domain after the gate (reason_required)

// Rows shared by many case commands.
const READ_CASE = "nyyyyyynnynnn";
const WORK_ON_CASE = "nyyfyyynnfnnn"; // update_plan, flag_stagnation: holders and participants
const DIRECTOR_ONLY = "nfffyffnnfnnn"; // escalation, arbitration, prosecutor, budget, closing
const caseCommand = (rest: string, row: string, body: (w: World) => unknown): Endpoint => ({
  probes: [{ url: (w) => A(w, rest), body, row }],
});

const MATRIX: Record<string, Endpoint> = {
  "GET /api/health": { public: { anonymous: 200, note: "liveness" } },
  "POST /api/session": { public: { anonymous: 400, note: "login (an empty body is invalid)" } },
  "DELETE /api/session": { public: { anonymous: 204, note: "logout; without a session a no-op" } },
  "POST /api/password-set": {
    public: { anonymous: 400, note: "one-time password link (an empty body is invalid)" },
  },
  "GET /api/auth/options": { public: { anonymous: 200, note: "what the login page offers" } },
  "GET /api/auth/oidc/login": { public: { anonymous: 404, note: "OIDC is off in tests" } },
  "GET /api/auth/oidc/callback": { public: { anonymous: 404, note: "OIDC is off in tests" } },
  "GET /api/openapi.json": { public: { anonymous: 200, note: "the API description" } },
  "GET /api/me": { probes: [{ url: () => "/api/me", row: "yyyyyyyyyyyyy" }] },

  // The search answers 200 (maybe empty) to every role that may read some pupil; which pupils it
  // returns, and their audit rows, are tested in routes/pupil-search.test.ts.
  "GET /api/pupils": { probes: [{ url: () => "/api/pupils?q=Verbeek", row: "yyyyyyyyyyfff" }] },
  "GET /api/pupils/{pupil_id}": {
    probes: [{ personal: true, url: () => "/api/pupils/P0001", row: "yyyyyyynnynnn" }],
  },
  "GET /api/pupils/{pupil_id}/attendance": {
    // Parents see their child's record, not the school's attendance screens (docs/cases.md).
    probes: [{ personal: true, url: () => "/api/pupils/P0001/attendance", row: "yyyyyyynnfnnn" }],
  },
  // Leerplicht's procedure (MAS): leerplicht of the pupil's municipality records and reads; the
  // case director of the pupil's open case reads. The probe is a Halt referral for P0001 (9):
  // refused by the domain (409) after the gate. Details in routes/pupil-mas.test.ts.
  "GET /api/pupils/{pupil_id}/mas-steps": {
    probes: [{ personal: true, url: () => "/api/pupils/P0001/mas-steps", row: "nnnyynnnnnnnn" }],
  },
  "POST /api/pupils/{pupil_id}/mas-steps": {
    probes: [
      {
        personal: true,
        url: () => "/api/pupils/P0001/mas-steps",
        body: () => ({ kind: "halt_referral", date: "2026-02-02" }),
        row: "nnnyfnnnnnnnn",
      },
    ],
  },
  // SICK_NOTABLE by hand: the school's staff read their school's observations; the mentor and
  // the care coordinator record them. The probe is dated in the future: refused by the domain
  // (409) after the gate. Details in routes/pupil-sick-observations.test.ts.
  "GET /api/pupils/{pupil_id}/sick-observations": {
    probes: [
      { personal: true, url: () => "/api/pupils/P0001/sick-observations", row: "yyyffffnnfnnn" },
    ],
  },
  "POST /api/pupils/{pupil_id}/sick-observations": {
    probes: [
      {
        personal: true,
        url: () => "/api/pupils/P0001/sick-observations",
        body: () => ({ recorded_on: "2999-01-01", note: "vaak ziek naar huis" }),
        row: "yyfffffnnfnnn",
      },
    ],
  },
  // The warm handover PO→VO: the schools, the case director and the partnership (SWV) read the
  // list (each item filtered by the policy); the sending care coordinator and the case director
  // write. P0001 does not move to another school, so a handover for it is refused by the domain
  // (409) after the gate. Unknown handovers are 404 for everyone. Details in
  // routes/handovers.test.ts.
  // Leerplicht's open procedures (MAS): leerplicht and the case director; each pupil filtered by
  // read_mas_steps as on the pupil page.
  "GET /api/mas-procedures": {
    probes: [{ url: () => "/api/mas-procedures", row: "fffyyffffffff" }],
  },
  "GET /api/handovers": {
    probes: [{ url: () => "/api/handovers", row: "fyyfyyfffffff" }],
  },
  "GET /api/handover-candidates": {
    probes: [{ url: () => "/api/handover-candidates", row: "fyffyffffffff" }],
  },
  "POST /api/handovers": {
    probes: [
      {
        personal: true,
        url: () => "/api/handovers",
        body: () => ({
          pupil_id: "P0001",
          receiving_school_id: "34CD00",
          what_was_going_on: "x",
          what_helped: "y",
        }),
        row: "fyffyffnnfnnn",
      },
    ],
  },
  "POST /api/handovers/{id}/consent": {
    probes: [
      {
        url: () => "/api/handovers/nope/consent",
        body: () => ({ decision: "given", giver: "parents" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "POST /api/handovers/{id}/status": {
    probes: [
      {
        url: () => "/api/handovers/nope/status",
        body: () => ({ status: "acknowledged" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  // The reference index (Verwijsindex): the case director of the case only. The POST probe's
  // date lies before the pupil's birth: refused by the domain (409) after the gate.
  "GET /api/cases/{id}/verwijsindex": {
    probes: [{ personal: true, url: (w) => A(w, "/verwijsindex"), row: "nfffyffnnfnnn" }],
  },
  "GET /api/cases/{id}/verwijsindex.csv": {
    probes: [{ personal: true, url: (w) => A(w, "/verwijsindex.csv"), row: "nfffyffnnfnnn" }],
  },
  "POST /api/cases/{id}/verwijsindex": {
    probes: [
      {
        personal: true,
        url: (w) => A(w, "/verwijsindex"),
        body: () => ({ reported_on: "2000-01-01", reported_by: "X", organisation: "Y" }),
        row: "nfffyffnnfnnn",
      },
    ],
  },
  // M@ZL (domain.md §2): the school refers and reads its referrals, the youth doctor of the
  // pupil's municipality answers and alone keeps medical notes (routes/youth-doctor.test.ts). The
  // referral probe's consent lies after the referral: refused by the domain (409) after the gate.
  "GET /api/youth-doctor-referrals": {
    probes: [{ url: () => "/api/youth-doctor-referrals", row: "yyyfffyffffff" }],
  },
  "POST /api/youth-doctor-referrals": {
    probes: [
      {
        personal: true,
        url: () => "/api/youth-doctor-referrals",
        body: () => ({
          pupil_id: "P0001",
          question: "x",
          consent_on: "2026-03-02",
          referred_on: "2026-03-01",
        }),
        row: "yyfffffnnfnnn",
      },
    ],
  },
  "POST /api/youth-doctor-referrals/{id}/feedback": {
    probes: [
      {
        url: () => "/api/youth-doctor-referrals/nope/feedback",
        body: () => ({ load_capacity: "full", advice: "x" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "GET /api/youth-doctor-referrals/{id}/medical-notes": {
    probes: [{ url: () => "/api/youth-doctor-referrals/nope/medical-notes", row: "nnnnnnnnnnnnn" }],
  },
  "POST /api/youth-doctor-referrals/{id}/medical-notes": {
    probes: [
      {
        url: () => "/api/youth-doctor-referrals/nope/medical-notes",
        body: () => ({ text: "x" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "GET /api/signals": {
    // Filtered per signal by the policy; roles that never read signals get 403 (monitor).
    probes: [{ url: () => "/api/signals", row: "yyyyyyyyyffff" }],
  },
  "POST /api/signals/{id}/known": {
    // An unknown signal is 404 for everyone; the per-role decision on real signals is tested
    // in src/http/routes/signals.test.ts.
    probes: [
      {
        url: () => "/api/signals/LEGAL_16H:nope/known",
        body: () => ({ reason: "x" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "POST /api/signals/{id}/case": {
    // As /known: an unknown signal is 404 for everyone, also with a case the user may read;
    // the per-role decision (signal and case both readable, same pupil) is tested in
    // src/http/routes/signals.test.ts.
    probes: [
      {
        url: () => "/api/signals/LEGAL_16H:nope/case",
        body: (w) => ({ case_id: w.caseId }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "GET /api/audit": { probes: [{ url: () => "/api/audit", row: "fffffffffffyy" }] },
  "GET /api/audit/export": { probes: [{ url: () => "/api/audit/export", row: "fffffffffffyy" }] },
  "GET /api/privacy/pupils/{pupil_id}/export": {
    // The privacy officer answers a request about any pupil of the region: no scope, so the probe
    // names the region's other pupil and the out-of-scope check (P0001's case) does not apply.
    probes: [{ url: () => "/api/privacy/pupils/P0002/export", row: "ffffffffffffy" }],
  },
  // Requests of data subjects (issue 18): the privacy officer's log; request 999999 does not
  // exist, so the privacy officer passes the gate and gets 404.
  "GET /api/privacy/requests": {
    probes: [{ url: () => "/api/privacy/requests", row: "ffffffffffffy" }],
  },
  "POST /api/privacy/requests": {
    probes: [
      {
        url: () => "/api/privacy/requests",
        body: () => ({
          kind: "access",
          requester: "parent",
          received_on: "2026-03-02",
          pupil_id: "P0002",
        }),
        row: "ffffffffffffy",
      },
    ],
  },
  "GET /api/privacy/requests/{id}": {
    probes: [{ url: () => "/api/privacy/requests/999999", passed: [404], row: "ffffffffffffy" }],
  },
  "GET /api/privacy/requests/{id}/export": {
    probes: [
      { url: () => "/api/privacy/requests/999999/export", passed: [404], row: "ffffffffffffy" },
    ],
  },
  "POST /api/privacy/requests/{id}/steps": {
    probes: [
      {
        url: () => "/api/privacy/requests/999999/steps",
        body: () => ({ step: "note", note: "matrix" }),
        passed: [404],
        row: "ffffffffffffy",
      },
    ],
  },
  "POST /api/privacy/requests/{id}/close": {
    probes: [
      {
        url: () => "/api/privacy/requests/999999/close",
        body: () => ({ status: "completed", outcome: "matrix" }),
        passed: [404],
        row: "ffffffffffffy",
      },
    ],
  },
  "POST /api/privacy/requests/{id}/erase": {
    probes: [
      {
        url: () => "/api/privacy/requests/999999/erase",
        body: () => ({ confirm_pupil_id: "P0002" }),
        passed: [404],
        row: "ffffffffffffy",
      },
    ],
  },
  "GET /api/privacy/retention-runs": {
    probes: [{ url: () => "/api/privacy/retention-runs", row: "fffffffffffyy" }],
  },
  "GET /api/monitor": { probes: [{ url: () => "/api/monitor", row: "ffyyyyffffyyf" }] },
  "GET /api/monitor/former-thuiszitters": {
    probes: [{ url: () => "/api/monitor/former-thuiszitters", row: "ffyyyyffffyyf" }],
  },
  "GET /api/monitor/leerplichttelling": {
    probes: [{ url: () => "/api/monitor/leerplichttelling", row: "ffyyyyffffyyf" }],
  },
  "GET /api/monitor/kpis": { probes: [{ url: () => "/api/monitor/kpis", row: "ffyyyyffffyyf" }] },
  "POST /api/monitor/reconciliation": {
    probes: [
      {
        // A partnership's own list against the register: the monitor's roles that read pupils
        // individually (reconcile_list; not policy roles or the administrator: counts over a
        // chosen list identify pupils). Only ids the user may read are matched — tested in
        // monitor-reconciliation's own tests.
        url: () => "/api/monitor/reconciliation",
        body: () => ({ pupil_ids: ["P0001"], partnership: "PO2605" }),
        row: "ffyyyyfffffff",
      },
    ],
  },
  "GET /api/monitor/trend": { probes: [{ url: () => "/api/monitor/trend", row: "ffyyyyffffyyf" }] },

  // DUO absence reports: the reporting school (head, care coordinator) and leerplicht. One
  // report by id: unknown ids are 404 for all; the per-report decision is tested in
  // src/http/routes/duo-reports.test.ts.
  "GET /api/duo-reports": { probes: [{ url: () => "/api/duo-reports", row: "fyyyfffffffff" }] },
  "GET /api/duo-reports/export": {
    probes: [{ url: () => "/api/duo-reports/export", row: "fyyyfffffffff" }],
  },
  "GET /api/duo-reports/{id}": {
    probes: [{ url: () => "/api/duo-reports/nope", row: "nnnnnnnnnnnnn" }],
  },
  "POST /api/duo-reports/{id}/status": {
    probes: [
      {
        url: () => "/api/duo-reports/nope/status",
        body: () => ({ status: "geregistreerd", note: "x" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  // Leave requests (domain.md §4): parents for their child, the school, leerplicht for the ones
  // above 10 school days. The list filters per request (routes/leave-requests.test.ts); a new
  // request with reversed dates passes the gate and is refused by the rules (409).
  "GET /api/leave-requests": {
    probes: [{ url: () => "/api/leave-requests", row: "yyyyfffffyfff" }],
  },
  "POST /api/leave-requests": {
    probes: [
      {
        personal: true,
        url: () => "/api/leave-requests",
        body: () => ({
          pupil_id: "P0001",
          kind: "job_holiday",
          start_date: "2026-03-20",
          end_date: "2026-03-16",
          reason: "x",
        }),
        row: "yyyffffnnynnn",
      },
    ],
  },
  "GET /api/leave-requests/{id}": {
    probes: [{ url: () => "/api/leave-requests/nope", row: "nnnnnnnnnnnnn" }],
  },
  "POST /api/leave-requests/{id}/decision": {
    probes: [
      {
        url: () => "/api/leave-requests/nope/decision",
        body: () => ({ decision: "approved", reason: "x" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "POST /api/duo-reports/{id}/fields": {
    probes: [
      {
        url: () => "/api/duo-reports/nope/fields",
        body: () => ({ reporter_name: "X" }),
        row: "nnnnnnnnnnnnn",
      },
    ],
  },

  // The region's settings: the administrator's (issue 14). The PUT saves the built-in defaults.
  "GET /api/admin/region-settings": {
    probes: [{ url: () => "/api/admin/region-settings", row: "fffffffffffyf" }],
  },
  "PUT /api/admin/region-settings": {
    probes: [
      {
        url: () => "/api/admin/region-settings",
        body: () => ({
          name: "Regio Zandstad",
          municipalities: ["Zandstad"],
          holiday_region: "midden",
          school_year: "2025-2026",
          clock_mode: "lesweken",
          signal_profile: "default",
        }),
        row: "fffffffffffyf",
      },
    ],
  },

  // Letter templates (issue 16): titles for everyone who logs in; the text the administrator's.
  // The PUT names a template that does not exist: 404 after the gate.
  "GET /api/letter-templates": {
    probes: [{ url: () => "/api/letter-templates", row: "yyyyyyyyyyyyy" }],
  },
  // Notifications (issue 16): one's own, for everyone; the failed mails the administrator's.
  "GET /api/notifications": {
    probes: [{ url: () => "/api/notifications", row: "yyyyyyyyyyyyy" }],
  },
  "POST /api/notifications/{id}/read": {
    probes: [
      {
        url: () => "/api/notifications/00000000-0000-4000-8000-000000000000/read",
        row: "nnnnnnnnnnnnn",
      },
    ],
  },
  "GET /api/me/notification-preferences": {
    probes: [{ url: () => "/api/me/notification-preferences", row: "yyyyyyyyyyyyy" }],
  },
  "PUT /api/me/notification-preferences": {
    probes: [
      {
        url: () => "/api/me/notification-preferences",
        body: () => ({ email: true }),
        row: "yyyyyyyyyyyyy",
      },
    ],
  },
  "GET /api/admin/notifications/failed": {
    probes: [{ url: () => "/api/admin/notifications/failed", row: "fffffffffffyf" }],
  },
  "POST /api/notifications/read-all": {
    probes: [{ url: () => "/api/notifications/read-all", row: "yyyyyyyyyyyyy" }],
  },
  // The mail server and the outbox: the administrator's. An unknown mail answers 404 after the gate.
  "GET /api/admin/region-settings/mail": {
    probes: [{ url: () => "/api/admin/region-settings/mail", row: "fffffffffffyf" }],
  },
  "PUT /api/admin/region-settings/mail": {
    probes: [
      {
        url: () => "/api/admin/region-settings/mail",
        body: () => ({
          host: "smtp.zandstad.example",
          port: 587,
          security: "starttls",
          from: "noreply@zandstad.example",
        }),
        row: "fffffffffffyf",
      },
    ],
  },
  "GET /api/admin/mail-outbox": {
    probes: [{ url: () => "/api/admin/mail-outbox", row: "fffffffffffyf" }],
  },
  "POST /api/admin/mail-outbox/{id}/retry": {
    probes: [
      {
        url: () => "/api/admin/mail-outbox/00000000-0000-4000-8000-000000000000/retry",
        passed: [404],
        row: "fffffffffffyf",
      },
    ],
  },
  "GET /api/admin/letter-templates": {
    probes: [{ url: () => "/api/admin/letter-templates", row: "fffffffffffyf" }],
  },
  "POST /api/admin/letter-templates/preview": {
    probes: [
      {
        url: () => "/api/admin/letter-templates/preview",
        body: () => ({ subject: "Onderwerp", body: "Beste {{ouder.naam}}," }),
        row: "fffffffffffyf",
      },
    ],
  },
  "PUT /api/admin/letter-templates/{code}": {
    probes: [
      {
        url: () => "/api/admin/letter-templates/bestaat_niet",
        body: () => ({ title: "x", subject: "x", body: "x" }),
        passed: [404],
        row: "fffffffffffyf",
      },
    ],
  },

  // The breakthrough teams' composition: the partnership's (issue 14). Unknown teams answer 404
  // after the gate.
  "GET /api/people": { probes: [{ url: () => "/api/people?q=matrix", row: "fffffyfffffff" }] },
  "GET /api/breakthrough-teams": {
    probes: [{ url: () => "/api/breakthrough-teams", row: "fffffyfffffff" }],
  },
  "POST /api/breakthrough-teams": {
    probes: [
      {
        url: () => "/api/breakthrough-teams",
        body: () => ({ municipality: "Zandstad", name: "Doorbraakteam Zandstad" }),
        row: "fffffyfffffff",
      },
    ],
  },
  "PATCH /api/breakthrough-teams/{id}": {
    probes: [
      {
        url: () => "/api/breakthrough-teams/geen-team",
        body: () => ({ name: "Ander team" }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "POST /api/breakthrough-teams/{id}/members": {
    probes: [
      {
        url: () => "/api/breakthrough-teams/geen-team/members",
        body: () => ({ discipline: "onderwijs", name: "A. Lid", organisation: "SWV" }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "POST /api/breakthrough-teams/{id}/members/{seq}/end": {
    probes: [
      {
        url: () => "/api/breakthrough-teams/geen-team/members/1/end",
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },

  // Leerplicht's register (issue 14): exemptions and Variawet records of its residents. The
  // POSTs record a past exemption and a Variawet record for P0001; unknown keys answer 404.
  "GET /api/exemptions": { probes: [{ url: () => "/api/exemptions", row: "fffyfffffffff" }] },
  "POST /api/exemptions": {
    probes: [
      {
        url: () => "/api/exemptions",
        body: () => ({
          pupil_id: "P0001",
          kind: "5b",
          start_date: "2024-01-08",
          end_date: "2024-06-28",
          decision_maker: "College van B&W Zandstad",
        }),
        passed: [409],
        row: "fffyfffffffff",
      },
    ],
  },
  "PATCH /api/exemptions/{pupil_id}/{kind}/{start_date}": {
    probes: [
      {
        url: () => "/api/exemptions/P9999/5c/2020-01-06",
        body: () => ({ decision_maker: "College van B&W Zandstad" }),
        passed: [404],
        row: "fffyfffffffff",
      },
    ],
  },
  "GET /api/variawet": { probes: [{ url: () => "/api/variawet", row: "fffyfffffffff" }] },
  "POST /api/variawet": {
    probes: [
      {
        url: () => "/api/variawet",
        body: () => ({
          pupil_id: "P0001",
          school_id: "12AB00",
          start_date: "2024-01-08",
          end_date: "2024-03-29",
          hours_per_week: 12,
        }),
        row: "fffyfffffffff",
      },
    ],
  },
  "PATCH /api/variawet/{id}": {
    probes: [
      {
        url: () => "/api/variawet/geen-afspraak",
        body: () => ({ hours_per_week: 10 }),
        passed: [404],
        row: "fffyfffffffff",
      },
    ],
  },

  // The arrangements catalogue: the partnership's (issue 14). Unknown places answer 404.
  "GET /api/arrangements": { probes: [{ url: () => "/api/arrangements", row: "fffffyfffffff" }] },
  "POST /api/arrangements": {
    probes: [
      {
        url: () => "/api/arrangements",
        body: () => ({
          provider: "Stichting De Brug",
          name: "OZA De Brug",
          kind: "oza",
          capacity: 8,
        }),
        row: "fffffyfffffff",
      },
    ],
  },
  "PATCH /api/arrangements/{id}": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek",
        body: () => ({ capacity: 9 }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "POST /api/arrangements/{id}/end": {
    probes: [{ url: () => "/api/arrangements/geen-plek/end", passed: [404], row: "fffffyfffffff" }],
  },
  // Waiting lists of a place (issue 14): the partnership keeps them; an unknown place is 404.
  "GET /api/arrangements/{id}/waiting-list": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek/waiting-list",
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "POST /api/arrangements/{id}/waiting-list": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek/waiting-list",
        body: () => ({ pupil_id: "P0001", since: "2026-03-02" }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  // Placements (issue 14): the partnership records and ends them; an unknown place is 404.
  "GET /api/arrangements/{id}/placements": {
    probes: [
      { url: () => "/api/arrangements/geen-plek/placements", passed: [404], row: "fffffyfffffff" },
    ],
  },
  "POST /api/arrangements/{id}/placements": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek/placements",
        body: () => ({ pupil_id: "P0001", start_date: "2026-03-02" }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "PATCH /api/arrangements/{id}/placements/{pupil_id}/{start_date}": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek/placements/P0002/2026-03-02",
        body: () => ({ end_date: null }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },
  "POST /api/arrangements/{id}/waiting-list/{pupil_id}/leave": {
    probes: [
      {
        url: () => "/api/arrangements/geen-plek/waiting-list/P0002/leave",
        body: () => ({ left_on: "2026-03-02" }),
        passed: [404],
        row: "fffffyfffffff",
      },
    ],
  },

  // The frictiebudget's contributions: its partners', the municipality (policy staff) and the
  // partnership (issue 14).
  "GET /api/budgets": { probes: [{ url: () => "/api/budgets", row: "fffffyffffyff" }] },
  "POST /api/budgets/contributions": {
    probes: [
      {
        url: () => "/api/budgets/contributions",
        body: () => ({ municipality: "Zandstad", year: 2026, amount_cents: 100_000 }),
        row: "fffffyffffyff",
      },
    ],
  },

  "GET /api/admin/roles": { probes: [{ url: () => "/api/admin/roles", row: "fffffffffffyf" }] },
  "GET /api/admin/users": { probes: [{ url: () => "/api/admin/users", row: "fffffffffffyf" }] },
  "POST /api/admin/users": {
    probes: [
      {
        // An e-mail address in use: the admin passes the gate and gets 409, nothing is created.
        url: () => "/api/admin/users",
        body: () => ({ email: "teacher@matrix.example", name: "Dubbel", role: "app_admin" }),
        row: "fffffffffffyf",
      },
    ],
  },
  "POST /api/admin/users/{id}/deactivate": {
    probes: [
      {
        url: () => "/api/admin/users/00000000-0000-4000-8000-000000000000/deactivate",
        passed: [404],
        row: "fffffffffffyf",
      },
    ],
  },
  "GET /api/admin/schools": { probes: [{ url: () => "/api/admin/schools", row: "fffffffffffyf" }] },
  "GET /api/admin/imports": { probes: [{ url: () => "/api/admin/imports", row: "fffffffffffyf" }] },
  "POST /api/admin/imports": {
    probes: [
      {
        // An empty file: refused (400) after the gate, nothing is imported.
        url: () => "/api/admin/imports?kind=schools",
        body: () => "",
        contentType: "text/csv",
        passed: [400],
        row: "fffffffffffyf",
      },
    ],
  },
  "GET /api/admin/imports/jobs/{id}": {
    probes: [
      {
        url: () => "/api/admin/imports/jobs/00000000-0000-4000-8000-000000000000",
        passed: [404],
        row: "fffffffffffyf",
      },
    ],
  },

  // Service tokens (administrator) and imports delivered through the API: the administrator
  // every kind, a care coordinator their school's attendance (an empty file: 400 after the
  // gate); someone else's or an unknown job is 404 for all. Tokens' own scopes:
  // src/http/routes/integration-imports.test.ts. (printRoutes names the one parameter node of
  // /api/imports/{kind} (POST) and /api/imports/{job_id} (GET) by both names.)
  "POST /api/tokens": {
    probes: [
      {
        url: () => "/api/tokens",
        body: () => ({ name: "matrix", scopes: ["imports:attendance"], school_ids: ["12AB00"] }),
        row: "fffffffffffyf",
      },
    ],
  },
  "GET /api/tokens": { probes: [{ url: () => "/api/tokens", row: "fffffffffffyf" }] },
  "DELETE /api/tokens/{id}": {
    probes: [{ url: () => "/api/tokens/999999", passed: [404], row: "fffffffffffyf" }],
  },
  "POST /api/imports/{job_id}|{kind}": {
    probes: [
      {
        url: () => "/api/imports/attendance",
        body: () => "",
        contentType: "text/csv",
        passed: [400],
        row: "fyfffffffffyf",
      },
    ],
  },
  "GET /api/imports/{job_id}|{kind}": {
    probes: [
      { url: () => "/api/imports/00000000-0000-4000-8000-000000000000", row: "nnnnnnnnnnnnn" },
    ],
  },

  // Column mappings of import sources (issue 14 item 3): the administrator, and a care
  // coordinator for their own school's sources (the school in the body is theirs here; another
  // school's mapping is 403/404 in src/http/routes/import-mappings.test.ts). The second creation
  // of the same name is refused after the gate (400); an unknown id is 404 after it.
  "GET /api/import-mappings": {
    probes: [{ url: () => "/api/import-mappings", row: "fyfffffffffyf" }],
  },
  "POST /api/import-mappings": {
    probes: [
      {
        url: () => "/api/import-mappings",
        body: () => ({ name: "matrix", kind: "attendance", school_id: "12AB00" }),
        passed: [400],
        row: "fyfffffffffyf",
      },
    ],
  },
  "POST /api/import-mappings/sample": {
    probes: [
      {
        // An empty file: refused (400) after the gate.
        url: () => "/api/import-mappings/sample?kind=attendance",
        body: () => "",
        contentType: "text/csv",
        passed: [400],
        row: "fyfffffffffyf",
      },
    ],
  },
  "GET /api/import-mappings/{id}": {
    probes: [{ url: () => "/api/import-mappings/999999", passed: [404], row: "fyfffffffffyf" }],
  },
  "PUT /api/import-mappings/{id}": {
    probes: [
      {
        url: () => "/api/import-mappings/999999",
        body: () => ({ name: "matrix", kind: "attendance", school_id: "12AB00" }),
        passed: [404],
        row: "fyfffffffffyf",
      },
    ],
  },
  "DELETE /api/import-mappings/{id}": {
    probes: [{ url: () => "/api/import-mappings/999999", passed: [404], row: "fyfffffffffyf" }],
  },

  // Cases. The list answers everyone with the cases they may read (checked below).
  "GET /api/cases": { probes: [{ url: () => "/api/cases", row: "yyyyyyyyyyyyy" }] },
  "POST /api/cases": {
    probes: [
      {
        // By hand without a reason: refused by the domain after the gate (open_case).
        url: () => "/api/cases",
        body: () => ({ pupil_id: "P0001", absence_start_date: "2026-02-16" }),
        row: "yyyyfffnnfnnn",
      },
    ],
  },
  "GET /api/cases/{id}": { probes: [{ personal: true, url: (w) => A(w), row: READ_CASE }] },
  "GET /api/cases/{id}/documents/{document_id}": {
    probes: [
      {
        label: "professionals",
        personal: true,
        url: (w) => A(w, `/documents/${w.documents.professionals}`),
        row: "nyynyyynnnnnn",
      },
      {
        label: "also_parents",
        personal: true,
        url: (w) => A(w, `/documents/${w.documents.also_parents}`),
        row: "nyynyyynnynnn",
      },
      {
        label: "jgz_only (medical)",
        personal: true,
        url: (w) => A(w, `/documents/${w.documents.jgz_only}`),
        row: "nnnnnnynnnnnn",
      },
    ],
  },
  "POST /api/cases/{id}/goals": caseCommand("/goals", WORK_ON_CASE, () => ({
    domain: "care",
    text: " ",
    measure: " ",
    target_date: "2026-04-01",
  })),
  "POST /api/cases/{id}/actions": caseCommand("/actions", WORK_ON_CASE, () => ({
    description: "x",
    owner_person_id: "no-such-person",
    owner_organisation: " ",
    due_date: "2026-04-01",
  })),
  "POST /api/cases/{id}/actions/{action_id}/status": caseCommand(
    "/actions/no-such-action/status",
    WORK_ON_CASE,
    () => ({ status: "done" }),
  ),
  "POST /api/cases/{id}/ladder": caseCommand("/ladder", WORK_ON_CASE, () => ({
    situation: "stagnated",
    mode: "forcing_direction",
    reason: "",
  })),
  "POST /api/cases/{id}/meetings": caseCommand("/meetings", WORK_ON_CASE, (w) => ({
    kind: "mdo_zat",
    date: "2030-01-01",
    participant_ids: [w.userIds.care_coordinator],
    decisions: [],
  })),
  "POST /api/cases/{id}/events": caseCommand("/events", WORK_ON_CASE, () => ({
    kind: "home_visit",
    date: "2030-01-01",
  })),
  "POST /api/cases/{id}/documents": caseCommand("/documents", WORK_ON_CASE, () => ({
    name: "leeg.txt",
    mime_type: "text/plain",
    visibility: "professionals",
    content_base64: "",
  })),
  // Letters (issue 16): work on the case's plan. The preview stores nothing; the production is
  // sent without the fields its template asks for (409 letter-input-missing), so no document
  // is added to the world.
  "POST /api/cases/{id}/letters/preview": caseCommand("/letters/preview", WORK_ON_CASE, () => ({
    template: "waarschuwing",
    inputs: {},
  })),
  "POST /api/cases/{id}/letters": caseCommand("/letters", WORK_ON_CASE, () => ({
    template: "uitnodiging_gesprek_school",
    inputs: {},
  })),
  "POST /api/cases/{id}/offer": caseCommand("/offer", WORK_ON_CASE, () => ({
    started_on: "2030-01-01",
  })),
  "POST /api/cases/{id}/stagnation": caseCommand("/stagnation", WORK_ON_CASE, () => ({
    cause: "other",
    note: "",
  })),
  "POST /api/cases/{id}/stagnation/{flag_id}/resolve": caseCommand(
    "/stagnation/no-such-flag/resolve",
    WORK_ON_CASE,
    () => ({}),
  ),
  // Consent: the school holders, the director in the case and the parent; an involve_partner
  // decision without its partner is refused after the gate.
  "POST /api/cases/{id}/consent": caseCommand("/consent", "nyyfyffnnynnn", () => ({
    purpose: "involve_partner",
    decision: "given",
    giver: { kind: "child" },
  })),
  // Adding a person: school holders and the director (an unknown user: refused after the gate).
  "POST /api/cases/{id}/participants": caseCommand("/participants", "nyyfyffnnfnnn", () => ({
    user_id: "00000000-0000-4000-8000-000000000000",
    role: "teacher",
  })),
  "POST /api/cases/{id}/participants/{person_id}/end": caseCommand(
    "/participants/no-such-person/end",
    "nyyfyffnnfnnn",
    () => ({}),
  ),
  "POST /api/cases/{id}/escalate": {
    probes: [
      {
        label: "case A in CASE_DIRECTOR",
        url: (w) => A(w, "/escalate"),
        body: () => ({ reason: REASON }),
        row: DIRECTOR_ONLY,
      },
      // While the school holds the case it hands over itself (the director is not in case B;
      // P0001's parent is not P0005's).
      {
        label: "case B in SCHOOL",
        url: (w) => `/api/cases/${w.schoolCaseId}/escalate`,
        body: () => ({ reason: REASON }),
        row: "nyyfnnnnnnnnn",
      },
    ],
  },
  "POST /api/cases/{id}/deescalate": caseCommand("/deescalate", DIRECTOR_ONLY, () => ({
    to: "SCHOOL",
    reason: REASON,
  })),
  "POST /api/cases/{id}/close": {
    probes: [
      {
        label: "case A in CASE_DIRECTOR",
        url: (w) => A(w, "/close"),
        body: () => ({ outcome: "other", reason: REASON }),
        row: DIRECTOR_ONLY,
      },
      {
        label: "case B in SCHOOL",
        url: (w) => `/api/cases/${w.schoolCaseId}/close`,
        body: () => ({ outcome: "other", reason: REASON }),
        row: "nyyfnnnnnnnnn",
      },
    ],
  },
  "POST /api/cases/{id}/breakthrough-check": caseCommand(
    "/breakthrough-check",
    DIRECTOR_ONLY,
    () => ({
      offer_expected_within_4_weeks: false,
      reason: REASON,
    }),
  ),
  "POST /api/cases/{id}/breakthrough": caseCommand("/breakthrough", DIRECTOR_ONLY, () => ({
    reason: REASON,
  })),
  "POST /api/cases/{id}/arbitration": caseCommand("/arbitration", DIRECTOR_ONLY, () => ({
    reason: "x",
    committee: {
      parents_representative: " ",
      own_partnership_member: " ",
      neighbouring_partnership_member: " ",
    },
  })),
  "POST /api/cases/{id}/arbitration/ruling": caseCommand(
    "/arbitration/ruling",
    DIRECTOR_ONLY,
    () => ({
      ruling: "x",
      parents_accept: true,
    }),
  ),
  "POST /api/cases/{id}/prosecutor": caseCommand("/prosecutor", DIRECTOR_ONLY, () => ({
    route: "civil",
    reason: REASON,
  })),
  "POST /api/cases/{id}/budget/commitments": caseCommand(
    "/budget/commitments",
    DIRECTOR_ONLY,
    () => ({
      amount_cents: 100,
      purpose: " ",
    }),
  ),
  "POST /api/cases/{id}/budget/attributions": caseCommand(
    "/budget/attributions",
    DIRECTOR_ONLY,
    () => ({
      commitment_id: "no-such-entry",
      shares: [{ party: { kind: "municipality", id: "Zandstad" }, amount_cents: 1 }],
    }),
  ),
  "POST /api/cases/{id}/budget/reversals": caseCommand("/budget/reversals", DIRECTOR_ONLY, () => ({
    entry_id: "no-such-entry",
    reason: "x",
  })),
};

/** "METHOD /path/{param}" of every /api route in Fastify's printRoutes tree, HEAD left out. */
function apiEndpoints(printed: string): string[] {
  const found = new Set<string>();
  const stack: string[] = [];
  for (const line of printed.split("\n")) {
    const match = /^(.*?)[├└]── (.+?)(?: \(([^)]+)\))?\s*$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    const path = `${stack[depth - 1] ?? ""}${match[2]}`;
    stack[depth] = path;
    if (!path.startsWith("/api") || !match[3]) continue;
    for (const method of match[3].split(",").map((m) => m.trim())) {
      if (method !== "HEAD") found.add(`${method} ${path.replace(/:(\w+)/g, "{$1}")}`);
    }
  }
  return [...found].sort();
}

function decisionOf(response: LightMyRequestResponse, passed: number[]): string {
  if (response.statusCode >= 200 && response.statusCode < 300) return "y";
  if (passed.includes(response.statusCode)) return "y";
  if (response.statusCode === 403) return "f";
  if (response.statusCode === 404) return "n";
  return `[${response.statusCode}]`;
}

describe.each(engines())("authorization matrix over HTTP on $name", (engine) => {
  let t: TestApp;
  let world: World;
  const sessions = {} as Record<RoleCode, { cookie: string; csrfToken: string }>;

  const send = (
    role: RoleCode | null,
    method: string,
    url: string,
    body?: unknown,
    type?: string,
  ) => {
    const session = role ? sessions[role] : undefined;
    const headers: Record<string, string> = session
      ? { cookie: session.cookie, "x-csrf-token": session.csrfToken }
      : {};
    if (type) headers["content-type"] = type;
    return t.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(method === "GET" ? {} : { payload: (body ?? {}) as string }),
    });
  };

  interface AuditRow {
    user_id: string;
    action: string;
    resource_id: string | null;
    outcome: string;
    route: string | null;
  }
  /** The newest audit row's id: every row written after this moment has a larger one. */
  const auditMark = async () => {
    const [row] = await t.db.sql.query<{ id: string }>(
      "select coalesce(max(id), 0)::text as id from audit_log",
    );
    return row?.id ?? "0";
  };
  /** The audit rows about P0001 written after `mark`, by the given roles' users. */
  const auditRowsSince = (mark: string, roles: readonly RoleCode[] = ROLE_CODES) =>
    t.db.sql.query<AuditRow>(
      `select user_id::text, action, resource_id, outcome, context->>'route' as route
         from audit_log where pupil_id = 'P0001' and id > $1::bigint
          and user_id::text = any($2::text[]) order by id`,
      [mark, roles.map((role) => world.userIds[role])],
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    const userIds = {} as Record<RoleCode, string>;
    for (const role of ROLE_CODES) {
      const email = `${role.replaceAll("_", "-")}@matrix.example`;
      userIds[role] = await addUser(t.db, email, USERS[role]);
      const session = await login(t.app, email);
      expect(session.response.statusCode).toBe(200);
      sessions[role] = session;
    }
    const post = async (role: RoleCode, url: string, body: unknown) => {
      const response = await send(role, "POST", url, body);
      expect(response.statusCode, `${role} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };
    const opened = await post("care_coordinator", "/api/cases", {
      pupil_id: "P0001",
      absence_start_date: "2026-02-02",
      reason: "Zorgen over het verzuim",
    });
    const caseId = opened.id as string;
    for (const organisation of ["SWV PO2605", "GGD Zandstad"]) {
      await post("parent", `/api/cases/${caseId}/consent`, {
        purpose: "involve_partner",
        subject: organisation,
        decision: "given",
      });
    }
    await post("care_coordinator", `/api/cases/${caseId}/participants`, {
      user_id: userIds.partnership_consultant,
      role: "partnership_consultant",
      organisation: "SWV PO2605",
    });
    await post("care_coordinator", `/api/cases/${caseId}/participants`, {
      user_id: userIds.youth_doctor,
      role: "youth_doctor",
      organisation: "GGD Zandstad",
    });
    const upload = async (role: RoleCode, visibility: string) =>
      (
        await post(role, `/api/cases/${caseId}/documents`, {
          name: `${visibility}.txt`,
          mime_type: "text/plain",
          visibility,
          content_base64: Buffer.from(`verslag (${visibility})`).toString("base64"),
        })
      ).id as string;
    const documents = {
      professionals: await upload("care_coordinator", "professionals"),
      also_parents: await upload("care_coordinator", "also_parents"),
      jgz_only: await upload("youth_doctor", "jgz_only"),
    };
    await post("care_coordinator", `/api/cases/${caseId}/escalate`, {
      reason: "Verwacht langer dan 4 weken",
      new_owner_user_id: userIds.case_director,
    });
    await t.db.sql.exec(`
      insert into pupils (pupil_id, given_name, family_name, birth_date, municipality) values
        ('P0005', 'Sara', 'Visser', '2016-02-11', 'Zandstad');
      insert into enrolments values ('P0005', '12AB00', '2022-08-22', null, '6');
    `);
    const schoolCase = await post("care_coordinator", "/api/cases", {
      pupil_id: "P0005",
      absence_start_date: "2026-02-23",
      reason: "Nieuwe zorg",
    });
    world = { caseId, schoolCaseId: schoolCase.id as string, documents, userIds };
    // P0001's absence: truant all week of 9 February (LEGAL_16H: unauthorized, leerplicht's
    // legal duty) and sick since 16 February (SICK_LONG: authorized, needs consent (a)).
    const days = (from: string, n: number) =>
      Array.from({ length: n }, (_, i) => new Date(Date.parse(from) + i * 86_400_000))
        .filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5)
        .map((d) => d.toISOString().slice(0, 10));
    const minutes = (day: string) => (new Date(day).getUTCDay() === 3 ? 180 : 300);
    const rows = [
      ...days("2026-02-09", 5).map(
        (d) => `('P0001', '${d}', 'day', '12AB00', ${minutes(d)}, 'truant')`,
      ),
      ...days("2026-02-16", 15).map(
        (d) => `('P0001', '${d}', 'day', '12AB00', ${minutes(d)}, 'sick')`,
      ),
    ];
    await t.db.sql.exec(
      `insert into attendance (pupil_id, date, period, school_id, minutes, reason) values ${rows.join(", ")}`,
    );
  });
  afterAll(() => t.close());

  it("has a row for every endpoint the app registers, and no row for one it does not", async () => {
    await t.app.ready();
    const registered = apiEndpoints(t.app.printRoutes({ commonPrefix: false }));
    expect(registered.length).toBeGreaterThan(40);
    const missing = registered.filter((e) => !(e in MATRIX));
    expect(
      missing,
      `These endpoints have no row in src/http/authorization-matrix.test.ts. Add one per endpoint ` +
        `to MATRIX with the expected decision for every role (legend at the top of the file): ` +
        missing.join(", "),
    ).toEqual([]);
    const stale = Object.keys(MATRIX).filter((e) => !registered.includes(e));
    expect(stale, `MATRIX rows for endpoints the app no longer has: ${stale.join(", ")}`).toEqual(
      [],
    );
  });

  for (const [endpoint, spec] of Object.entries(MATRIX)) {
    const [method, path] = endpoint.split(" ") as [string, string];
    if (spec.public) {
      it(`${endpoint} is public (${spec.public.note})`, async () => {
        const url = path.replace(/\{\w+\}/g, "x");
        const response = await send(null, method, url, method === "GET" ? undefined : {});
        expect(response.statusCode).toBe(spec.public?.anonymous);
      });
      continue;
    }
    for (const probe of spec.probes ?? []) {
      it(`${endpoint}${probe.label ? ` (${probe.label})` : ""}: 401 anonymous, then per role ${probe.row}`, async () => {
        const url = probe.url(world);
        const body = probe.body?.(world);
        const anonymous = await send(null, method, url, body, probe.contentType);
        expect(anonymous.statusCode, `${endpoint} without login: ${anonymous.body}`).toBe(401);
        let actual = "";
        const hidden: { role: RoleCode; response: LightMyRequestResponse }[] = [];
        const unaudited: string[] = [];
        // The roles ask one after another, each as its own user: the rows a user has after the
        // mark are that role's request's.
        const mark = probe.personal ? await auditMark() : "0";
        for (const role of ROLE_CODES) {
          const response = await send(role, method, url, probe.body?.(world), probe.contentType);
          const decision = decisionOf(response, probe.passed ?? [409]);
          actual += decision;
          if (decision === "n") hidden.push({ role, response });
        }
        if (probe.personal) {
          const fresh = await auditRowsSince(mark);
          for (const [i, role] of ROLE_CODES.entries()) {
            const decision = actual[i];
            if (decision !== "y" && !url.includes(world.caseId)) continue;
            // A read of P0001's data is logged; so is a refused attempt on case A.
            const outcome = decision === "y" ? "allowed" : "denied";
            const own = fresh.filter((r) => r.user_id === world.userIds[role]);
            if (!own.some((r) => r.outcome === outcome && r.route)) {
              unaudited.push(`${role} (${outcome})`);
            }
          }
        }
        const explain = ROLE_CODES.map(
          (role, i) => `${role}: expected ${probe.row[i]}, got ${actual.slice(i, i + 1)}`,
        )
          .filter((line) => !line.endsWith(`expected ${line.at(-1)}, got ${line.at(-1)}`))
          .join("; ");
        expect(actual, `${endpoint} — ${explain}`).toBe(probe.row);
        expect(unaudited, `${endpoint}: reads of P0001's data without an audit row`).toEqual([]);
        // No existence leak: a hidden case answers byte for byte like a case that is not there.
        const shownId = [world.caseId, world.schoolCaseId].find((id) => url.includes(id));
        if (shownId && hidden.length > 0) {
          const ghost = "0".repeat(shownId.length);
          for (const { role, response } of hidden) {
            const missing = await send(
              role,
              method,
              url.replace(shownId, ghost),
              probe.body?.(world),
            );
            expect(missing.statusCode).toBe(404);
            expect(missing.body.replace(ghost, shownId), `${endpoint} as ${role}`).toBe(
              response.body,
            );
          }
        }
      });
    }
  }

  it("shows P0001's signals per role: leerplicht without consent (a) only the legal ones", async () => {
    const codesFor = async (role: RoleCode) => {
      const response = await send(role, "GET", "/api/signals?as_of=2026-03-02");
      if (response.statusCode !== 200) return String(response.statusCode);
      const codes = (response.json() as { pupil_id: string; code: string }[])
        .filter((signal) => signal.pupil_id === "P0001")
        .map((signal) => signal.code);
      return [...new Set(codes)].sort().join(",");
    };
    const all = await codesFor("care_coordinator");
    expect(all).toContain("LEGAL_16H");
    expect(all).toContain("SICK_LONG");
    const legalOnly = all
      .split(",")
      .filter(
        (code) =>
          !code.startsWith("SICK_") &&
          !["UNDER_50", "PERSISTENT_10", "EARLY_YEARS_20", "LONG_TERM_ABSENT"].includes(code),
      )
      .join(",");
    expect(legalOnly).toContain("LEGAL_16H");
    const expected: Record<RoleCode, string> = {
      teacher: all,
      care_coordinator: all,
      school_head: all,
      attendance_officer: legalOnly,
      case_director: all,
      partnership_consultant: all,
      youth_doctor: all,
      youth_care: "",
      breakthrough_member: "",
      parent: "403",
      policy_officer: "403",
      app_admin: "403",
      privacy_officer: "403",
    };
    for (const role of ROLE_CODES) {
      const mark = await auditMark();
      expect(await codesFor(role), role).toBe(expected[role]);
      const fresh = await auditRowsSince(mark, [role]);
      // Shown signals are a read of the pupil's data: audited.
      expect(
        fresh.some((r) => r.action === "read_signals"),
        role,
      ).toBe(expected[role] !== "" && expected[role] !== "403");
    }
  });

  it("lists case A exactly to the roles that may read it, each listing audited", async () => {
    let actual = "";
    for (const role of ROLE_CODES) {
      const mark = await auditMark();
      const list = (await send(role, "GET", "/api/cases")).json() as { id: string }[];
      const listed = list.some((c) => c.id === world.caseId);
      actual += listed ? "y" : "n";
      const fresh = await auditRowsSince(mark, [role]);
      expect(fresh.some((r) => r.action === "read_case" && r.resource_id === world.caseId)).toBe(
        listed,
      );
    }
    expect(actual).toBe(READ_CASE);
  });

  it("shows nothing of case A or its pupil to the same roles out of scope (404 everywhere)", async () => {
    const outsiders = {} as Record<RoleCode, { cookie: string; csrfToken: string }>;
    for (const role of ROLE_CODES) {
      const email = `outsider-${role.replaceAll("_", "-")}@matrix.example`;
      await addUser(t.db, email, OUTSIDERS[role]);
      outsiders[role] = await login(t.app, email);
    }
    const failures: string[] = [];
    for (const [endpoint, spec] of Object.entries(MATRIX)) {
      const [method, path] = endpoint.split(" ") as [string, string];
      for (const probe of spec.probes ?? []) {
        const url = probe.url(world);
        const personal =
          url.includes(world.caseId) || url.includes(world.schoolCaseId) || url.includes("P0001");
        if (!personal) continue;
        for (const role of ROLE_CODES) {
          const session = outsiders[role];
          const response = await t.app.inject({
            method: method as "GET",
            url,
            headers: { cookie: session.cookie, "x-csrf-token": session.csrfToken },
            ...(method === "GET" ? {} : { payload: (probe.body?.(world) ?? {}) as object }),
          });
          if (response.statusCode !== 404)
            failures.push(`${role} ${method} ${path}: ${response.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("lists in the case detail exactly the documents each role may download, budget not to parents", async () => {
    const download = MATRIX["GET /api/cases/{id}/documents/{document_id}"]?.probes ?? [];
    const visibilities = ["professionals", "also_parents", "jgz_only"];
    for (const [i, role] of ROLE_CODES.entries()) {
      const response = await send(role, "GET", A(world));
      if (READ_CASE[i] !== "y") {
        expect(response.statusCode, role).toBe(404);
        continue;
      }
      const listed = (response.json().documents as { visibility: string }[]).map(
        (d) => d.visibility,
      );
      const expected = visibilities.filter((_, v) => download[v]?.row[i] === "y");
      expect(listed.sort(), role).toEqual(expected.sort());
      expect(response.json().budget === null, role).toBe(role === "parent");
    }
  });
});
