// Test support for the case commands, the daily job and the case routes: a small region on the
// calendar of test/support/case-calendar.ts (kerstvakantie 2025-12-20 … 2026-01-04,
// voorjaarsvakantie zuid 2026-02-14 … 2026-02-22), pupils in Voorbeeld, and helpers to act as
// a user with given roles.

import type { AccessActor } from "../../src/access/index.ts";
import type { Database } from "../../src/db/connect.ts";
import { insertCase } from "../../src/db/repositories/cases.ts";
import { createUser, type RoleScope } from "../../src/db/repositories/users.ts";
import { type Case, type NewCase, openCase } from "../../src/domain/cases/model.ts";
import type { Actor as PolicyActor, RoleGrant } from "../../src/domain/policy/resources.ts";
import type { RoleCode } from "../../src/domain/policy/roles.ts";
import { seedRegion } from "./seed-region.ts";

export async function seedCaseRegion(db: Database): Promise<void> {
  await seedRegion(db, {
    schools: [
      {
        schoolId: "99ZZ00",
        name: "Basisschool De Voorbeeld",
        sector: "po",
        municipality: "Voorbeeld",
        partnership: "PO9999",
        holidayRegion: "zuid",
        minutes: [300, 300, 300, 300, 300],
      },
      {
        schoolId: "88YY00",
        name: "Het Andere College",
        sector: "vo",
        municipality: "Elders",
        partnership: "VO8888",
        holidayRegion: "zuid",
        minutes: [300, 300, 300, 300, 300],
      },
    ],
    closures: [
      { scope: "all", startDate: "2025-12-20", endDate: "2026-01-04", name: "kerstvakantie" },
      { scope: "zuid", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
    ],
    pupils: [
      {
        pupilId: "P000001",
        givenName: "Noor",
        familyName: "Testkind",
        birthDate: "2015-06-01",
        municipality: "Voorbeeld",
      },
      {
        pupilId: "P000002",
        givenName: "Sem",
        familyName: "Proefkind",
        birthDate: "2011-03-10",
        municipality: "Voorbeeld",
      },
      {
        pupilId: "P000003",
        givenName: "Lot",
        familyName: "Anderkind",
        birthDate: "2012-09-09",
        municipality: "Elders",
      },
    ],
    enrolments: [
      { pupilId: "P000001", schoolId: "99ZZ00", startDate: "2021-08-23", grade: "5" },
      { pupilId: "P000002", schoolId: "99ZZ00", startDate: "2019-08-23", grade: "8" },
      { pupilId: "P000003", schoolId: "88YY00", startDate: "2024-08-26", grade: "2" },
    ],
  });
}

/** Creates a user with the roles; the password is irrelevant to command tests. */
export async function userWith(db: Database, email: string, roles: RoleScope[]): Promise<string> {
  const user = await createUser(db.orm, { email, name: email.split("@")[0]!, roles });
  return user.id;
}

export function actorOf(userId: string, roles: RoleScope[]): AccessActor {
  const grants: RoleGrant[] = roles.map((r) => ({
    role: r.role as RoleCode,
    schoolIds: r.schoolId ? [r.schoolId] : [],
    municipalities: r.municipality ? [r.municipality] : [],
    childPupilIds: r.pupilId ? [r.pupilId] : [],
  }));
  const policy: PolicyActor = { userId, personId: userId, grants };
  return { userId, policy, origin: { route: "test", method: "TEST" } };
}

/** A case stored directly (as if opened earlier), owned by `ownerId` as care coordinator. */
export async function storedCase(
  db: Database,
  ownerId: string,
  overrides: Partial<NewCase> = {},
): Promise<Case> {
  const opened = openCase({
    id: `case-${Math.random().toString(36).slice(2, 10)}`,
    pupilId: "P000001",
    schoolId: "99ZZ00",
    openedAt: "2025-11-26",
    opening: { kind: "by_hand", reason: "mentor maakt zich zorgen" },
    absenceStartDate: "2025-11-26",
    owner: { personId: ownerId, role: "care_coordinator", organisation: "99ZZ00" },
    ...overrides,
  });
  if (!opened.ok) throw new Error(opened.message);
  await insertCase(db.orm, opened.case);
  return opened.case;
}
