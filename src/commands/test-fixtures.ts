// Test support for the case commands, the daily job and the case routes: a small region on the
// calendar of src/domain/cases/test-fixtures.ts (kerstvakantie 2025-12-20 … 2026-01-04,
// voorjaarsvakantie zuid 2026-02-14 … 2026-02-22), pupils in Voorbeeld, and helpers to act as
// a user with given roles.

import type { AccessActor } from "../access/index.ts";
import type { Database } from "../db/connect.ts";
import { insertCase } from "../db/repositories/cases.ts";
import { createUser, type RoleScope } from "../db/repositories/users.ts";
import { type Case, type NewCase, openCase } from "../domain/cases/model.ts";
import type { Actor as PolicyActor, RoleGrant } from "../domain/policy/resources.ts";
import type { RoleCode } from "../domain/policy/roles.ts";

export async function seedCaseRegion(db: Database): Promise<void> {
  await db.sql.exec(`
    insert into schools values
      ('99ZZ00', 'Basisschool De Voorbeeld', 'po', 'Voorbeeld', 'PO9999', 'zuid', 300, 300, 300, 300, 300),
      ('88YY00', 'Het Andere College', 'vo', 'Elders', 'VO8888', 'zuid', 300, 300, 300, 300, 300);
    insert into closures values
      ('all', '2025-12-20', '2026-01-04', 'kerstvakantie'),
      ('zuid', '2026-02-14', '2026-02-22', 'voorjaarsvakantie');
    insert into pupils (pupil_id, given_name, family_name, birth_date, municipality) values
      ('P000001', 'Noor', 'Testkind', '2015-06-01', 'Voorbeeld'),
      ('P000002', 'Sem', 'Proefkind', '2011-03-10', 'Voorbeeld'),
      ('P000003', 'Lot', 'Anderkind', '2012-09-09', 'Elders');
    insert into enrolments values
      ('P000001', '99ZZ00', '2021-08-23', null, '5'),
      ('P000002', '99ZZ00', '2019-08-23', null, '8'),
      ('P000003', '88YY00', '2024-08-26', null, '2');
  `);
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
