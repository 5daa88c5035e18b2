// Test support for the case API tests: the people of a small chain around the test region of
// test/support/test-app.ts (Zandstad; schools 12AB00 and 34CD00), logged in, and requests as
// one of them with the session cookie and the CSRF header.
import type { LightMyRequestResponse } from "fastify";
import { expect } from "vitest";
import type { RoleScope } from "../../src/db/repositories/users.ts";
import type { Engine } from "./databases.ts";
import { addUser, type LoggedIn, login, startTestApp, type TestApp } from "./test-app.ts";

export const PEOPLE = {
  teacher: [{ role: "teacher", schoolId: "12AB00" }],
  coordinator: [{ role: "care_coordinator", schoolId: "12AB00" }],
  head: [{ role: "school_head", schoolId: "12AB00" }],
  otherCoordinator: [{ role: "care_coordinator", schoolId: "34CD00" }],
  leerplicht: [{ role: "attendance_officer", municipality: "Zandstad" }],
  leerplichtElders: [{ role: "attendance_officer", municipality: "Elders" }],
  director: [{ role: "case_director", municipality: "Zandstad" }],
  otherDirector: [{ role: "case_director", municipality: "Zandstad" }],
  swv: [{ role: "partnership_consultant", partnership: "PO2605" }],
  doctor: [{ role: "youth_doctor", region: "GGD Zandstad" }],
  youthCare: [{ role: "youth_care", municipality: "Zandstad" }],
  breakthrough: [{ role: "breakthrough_member", region: "Zandstad" }],
  parent: [{ role: "parent", pupilId: "P0001" }],
  otherParent: [{ role: "parent", pupilId: "P0002" }],
  policy: [{ role: "policy_officer", municipality: "Zandstad" }],
  admin: [{ role: "app_admin" }],
  privacy: [{ role: "privacy_officer" }],
} as const satisfies Record<string, RoleScope[]>;

export type Person = keyof typeof PEOPLE;

export interface Session extends LoggedIn {
  id: string;
  email: string;
}

export type Sessions = Record<Person, Session>;

export async function loginEveryone(t: TestApp): Promise<Sessions> {
  const sessions = {} as Sessions;
  for (const [person, roles] of Object.entries(PEOPLE) as [Person, RoleScope[]][]) {
    const email = `${person.toLowerCase()}@keten.example`;
    const id = await addUser(t.db, email, roles);
    sessions[person] = { ...(await login(t.app, email)), id, email };
  }
  return sessions;
}

export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** Requests as `who` (null: anonymous); POSTs carry the session's CSRF token. */
export function clientOf(t: TestApp, who: Session | null): Client {
  const headers = (): Record<string, string> =>
    who ? { cookie: who.cookie, "x-csrf-token": who.csrfToken } : {};
  return {
    get: (url) => t.app.inject({ method: "GET", url, headers: headers() }),
    post: (url, body = {}) =>
      t.app.inject({ method: "POST", url, headers: headers(), payload: body as object }),
    patch: (url, body = {}) =>
      t.app.inject({ method: "PATCH", url, headers: headers(), payload: body as object }),
  };
}

/** A test app on engine with everyone of PEOPLE logged in, and requests as any of them. */
export async function startWithEveryone(
  engine: Engine,
): Promise<{ t: TestApp; s: Sessions; as: (who: Person) => Client }> {
  const t = await startTestApp(engine);
  const s = await loginEveryone(t);
  return { t, s, as: (who) => clientOf(t, s[who]) };
}

/** The coordinator opens a case for P0001, absent since 2 February (201); returns its id. */
export async function openCaseForP0001(as: (who: Person) => Client): Promise<string> {
  const opened = await as("coordinator").post("/api/cases", {
    pupil_id: "P0001",
    absence_start_date: "2026-02-02",
    reason: "Langdurig afwezig sinds begin februari.",
  });
  expect(opened.statusCode, opened.body).toBe(201);
  return opened.json().id;
}

/**
 * Marks a pupil's open case closed straight in the database, so a test can open another one
 * (a pupil has one open case at most) without walking the case to its outcome first.
 */
export async function closeOpenCaseOf(t: TestApp, pupilId: string): Promise<void> {
  await t.db.sql.query(
    `update cases set phase = 'CLOSED', closed_at = '2026-03-02', closed_outcome = 'other'
     where pupil_id = $1 and phase <> 'CLOSED'`,
    [pupilId],
  );
}

/**
 * The parent consents to involving `organisation` in the case and the coordinator adds `who` as
 * a participant in `role` (both 201).
 */
export async function involvePartner(
  as: (who: Person) => Client,
  caseId: string,
  partner: { userId: string; role: string; organisation: string },
): Promise<void> {
  const consent = await as("parent").post(`/api/cases/${caseId}/consent`, {
    purpose: "involve_partner",
    subject: partner.organisation,
    decision: "given",
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const added = await as("coordinator").post(`/api/cases/${caseId}/participants`, {
    user_id: partner.userId,
    role: partner.role,
    organisation: partner.organisation,
  });
  expect(added.statusCode, added.body).toBe(201);
}

/**
 * Everyone logged in, P0001's case with the partnership (SWV PO2605) taking part, and one
 * arrangement in the partnership's catalogue: the start of the placement and waiting-list tests.
 */
export async function startWithArrangement(
  engine: Engine,
  arrangement: { provider: string; name: string; kind: string; capacity: number },
): Promise<{
  t: TestApp;
  s: Sessions;
  as: (who: Person) => Client;
  caseId: string;
  arrangementId: string;
}> {
  const { t, s, as } = await startWithEveryone(engine);
  const caseId = await openCaseForP0001(as);
  await involvePartner(as, caseId, {
    userId: s.swv.id,
    role: "partnership_consultant",
    organisation: "SWV PO2605",
  });
  const created = await as("swv").post("/api/arrangements", arrangement);
  expect(created.statusCode, created.body).toBe(201);
  return { t, s, as, caseId, arrangementId: created.json().id };
}
