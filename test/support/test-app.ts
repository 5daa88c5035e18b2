// Shared set-up for the HTTP tests: a fresh database with a small synthetic region, users with
// scoped roles, and an app whose clock is pinned to a school day.
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import type { Database } from "../../src/db/connect.ts";
import { createUser, type RoleScope } from "../../src/db/repositories/users.ts";
import { type AppOptions, buildApp } from "../../src/http/app.ts";
import type { Engine } from "./databases.ts";

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
  await seedRegion(db);
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
async function seedRegion(db: Database): Promise<void> {
  await db.sql.exec(`
    insert into schools values
      ('12AB00', 'Basisschool De Linde', 'po', 'Zandstad', 'PO2605', 'midden', 300, 300, 180, 300, 300),
      ('34CD00', 'Het Baken', 'vo', 'Zandstad', 'VO2605', 'midden', 360, 360, 360, 360, 300);
    insert into pupils (pupil_id, given_name, family_name, birth_date, municipality) values
      ('P0001', 'Fenna', 'Verbeek', '2016-05-14', 'Zandstad'),
      ('P0002', 'Daan', 'Kuiper', '2012-11-02', 'Zandstad'),
      ('P0003', 'Liv', 'Bakker', '2015-01-20', 'Zandstad'),
      ('P0004', 'Mees', 'Dekker', '2015-09-09', 'Zandstad');
    insert into enrolments values
      ('P0001', '12AB00', '2022-08-22', null, '6'),
      ('P0002', '34CD00', '2024-08-26', null, '2'),
      ('P0003', '12AB00', '2021-08-23', '2025-06-30', '5'),
      ('P0003', '34CD00', '2025-07-01', null, '1'),
      ('P0004', '12AB00', '2021-08-23', '2025-09-30', '6');
  `);
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
