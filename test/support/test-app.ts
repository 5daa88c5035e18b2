// Shared set-up for the HTTP tests: a fresh database with a small synthetic region, users with
// scoped roles, and an app whose clock is pinned to a school day.
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../../src/db/connect.ts";
import { createUser, type RoleScope } from "../../src/db/repositories/users.ts";
import { users } from "../../src/db/schema/access.ts";
import { type AppOptions, buildApp } from "../../src/http/app.ts";
import type { Engine } from "./databases.ts";
import { seedRegion } from "./seed-region.ts";

export const NOW = new Date("2026-03-02T10:00:00Z");
export const PASSWORD = "correct-paard-batterij-niet";

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  close(): Promise<void>;
}

export async function startTestApp(
  engine: Engine,
  options: Partial<AppOptions> = {},
): Promise<TestApp> {
  const { db, dispose } = await engine.fresh();
  await seedTestRegion(db);
  const app = await buildTestApp(db, options);
  return {
    app,
    db,
    async close() {
      await app.close();
      await dispose();
    },
  };
}

function buildTestApp(db: Database, options: Partial<AppOptions>): Promise<FastifyInstance> {
  return buildApp({
    db,
    now: () => NOW,
    oidc: null,
    settings: { loginLimits: { perAccount: 3, perSource: 10, windowMs: 60_000 } },
    ...options,
  });
}

/**
 * Another app on the database of `t` (its region, its users), with other options: a server of its
 * own (settings, login limits kept in its memory) without another database and region. `close()`
 * closes this app only.
 */
export async function startAppOn(
  t: TestApp,
  options: Partial<AppOptions> = {},
): Promise<{ app: FastifyInstance; close(): Promise<void> }> {
  const app = await buildTestApp(t.db, options);
  return { app, close: () => app.close() };
}

/** Two schools; pupils with current, earlier-this-year and last-year enrolments. */
async function seedTestRegion(db: Database): Promise<void> {
  const pupil = (pupilId: string, givenName: string, familyName: string, birthDate: string) => ({
    pupilId,
    givenName,
    familyName,
    birthDate,
    municipality: "Zandstad",
  });
  await seedRegion(db, {
    schools: [
      {
        schoolId: "12AB00",
        name: "Basisschool De Linde",
        sector: "po",
        municipality: "Zandstad",
        partnership: "PO2605",
        holidayRegion: "midden",
        minutes: [300, 300, 180, 300, 300],
      },
      {
        schoolId: "34CD00",
        name: "Het Baken",
        sector: "vo",
        municipality: "Zandstad",
        partnership: "VO2605",
        holidayRegion: "midden",
        minutes: [360, 360, 360, 360, 300],
      },
    ],
    pupils: [
      pupil("P0001", "Fenna", "Verbeek", "2016-05-14"),
      pupil("P0002", "Daan", "Kuiper", "2012-11-02"),
      pupil("P0003", "Liv", "Bakker", "2015-01-20"),
      pupil("P0004", "Mees", "Dekker", "2015-09-09"),
    ],
    enrolments: [
      { pupilId: "P0001", schoolId: "12AB00", startDate: "2022-08-22", grade: "6" },
      { pupilId: "P0002", schoolId: "34CD00", startDate: "2024-08-26", grade: "2" },
      {
        pupilId: "P0003",
        schoolId: "12AB00",
        startDate: "2021-08-23",
        endDate: "2025-06-30",
        grade: "5",
      },
      { pupilId: "P0003", schoolId: "34CD00", startDate: "2025-07-01", grade: "1" },
      {
        pupilId: "P0004",
        schoolId: "12AB00",
        startDate: "2021-08-23",
        endDate: "2025-09-30",
        grade: "6",
      },
    ],
  });
}

let testPasswordHash: Promise<string> | undefined;

/**
 * PASSWORD as an argon2id hash with test-only costs (1 MiB, 1 pass), made once per process. A
 * login verifies it with the real argon2id `verify` (the costs are read from the hash), in
 * microseconds instead of the production hash's 19 MiB × 2 passes: the HTTP suites create and
 * log in hundreds of users (the authorization matrix alone 26 per engine). The production
 * parameters and the password policy are tested where they are the subject
 * (users.test.ts, password-set-tokens.test.ts, password-policy.test.ts, the admin routes).
 */
function cheapPasswordHash(): Promise<string> {
  testPasswordHash ??= hash(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return testPasswordHash;
}

/** A user with the given roles whose password is PASSWORD (stored as argon2id, cheap costs). */
export async function addUser(db: Database, email: string, roles: RoleScope[]): Promise<string> {
  const user = await createUser(db.orm, { email, name: email.split("@")[0]!, roles });
  await db.orm
    .update(users)
    .set({ passwordHash: await cheapPasswordHash() })
    .where(eq(users.id, user.id));
  return user.id;
}

export interface LoggedIn {
  cookie: string;
  csrfToken: string;
  response: LightMyRequestResponse;
}

export async function login(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
): Promise<LoggedIn> {
  const response = await app.inject({
    method: "POST",
    url: "/api/session",
    payload: { email, password },
  });
  const session = response.cookies.find((c) => c.name === "aanwezig_session");
  return {
    cookie: session ? `aanwezig_session=${session.value}` : "",
    csrfToken: response.statusCode === 200 ? (response.json().csrf_token as string) : "",
    response,
  };
}
