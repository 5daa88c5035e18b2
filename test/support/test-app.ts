// Shared set-up for the HTTP tests: a fresh database with a small synthetic region, users with
// scoped roles, and an app whose clock is pinned to a school day.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../../src/db/connect.ts";
import { createUser, type RoleScope } from "../../src/db/repositories/users.ts";
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
  const app = await buildApp({
    db,
    now: () => NOW,
    oidc: null,
    settings: { loginLimits: { perAccount: 3, perSource: 10, windowMs: 60_000 } },
    ...options,
  });
  return {
    app,
    db,
    async close() {
      await app.close();
      await dispose();
    },
  };
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

export async function addUser(db: Database, email: string, roles: RoleScope[]): Promise<string> {
  const user = await createUser(db.orm, {
    email,
    name: email.split("@")[0]!,
    password: PASSWORD,
    roles,
  });
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
