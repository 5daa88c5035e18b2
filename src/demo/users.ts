// The demo accounts of interfaces.md ("Demo accounts"): one per role, e-mail
// ROLE@demo.aanwezig.nl, password `demo-wachtwoord`. They exist only in a database made by
// `aanwezig demo` (serve refuses them on a postgres:// database without --allow-demo-accounts).
// Re-running the demo replaces them, so their ids are fresh each time.
import { inArray, like } from "drizzle-orm";
import type { AccessActor } from "../access/index.ts";
import type { Orm } from "../db/connect.ts";
import {
  createUser,
  DEMO_EMAIL_DOMAIN,
  hashPassword,
  type RoleScope,
} from "../db/repositories/users.ts";
import { apiTokens, roleAssignments, sessions, users } from "../db/schema/access.ts";
import type { RoleCode } from "../domain/policy/roles.ts";
import type { DemoRegion } from "./types.ts";

export const DEMO_PASSWORD = "demo-wachtwoord";

/** Account name (the part before @) → role; the README lists the same table. */
export const DEMO_ACCOUNTS = {
  mentor: "teacher",
  zorgcoordinator: "care_coordinator",
  // The care coordinator of the first secondary school: receives the warm handovers PO→VO.
  "zorgcoordinator-vo": "care_coordinator",
  schooldirectie: "school_head",
  leerplicht: "attendance_officer",
  casusregisseur: "case_director",
  swv: "partnership_consultant",
  jeugdarts: "youth_doctor",
  jeugdteam: "youth_care",
  doorbraakteam: "breakthrough_member",
  ouder: "parent",
  beleid: "policy_officer",
  beheer: "app_admin",
  privacy: "privacy_officer",
} as const satisfies Record<string, RoleCode>;

export type DemoAccountName = keyof typeof DEMO_ACCOUNTS;
export type DemoAccounts = Record<DemoAccountName, string>;

export function demoEmail(name: DemoAccountName): string {
  return `${name}${DEMO_EMAIL_DOMAIN}`;
}

/** The scope of each account: the first demo school, its municipality and partnership. */
export function demoScopes(
  region: DemoRegion,
  parentOf: string,
): Record<DemoAccountName, RoleScope[]> {
  const school = region.schools[0];
  if (!school) throw new Error("demo: the region has no schools");
  const secondary = region.schools.find((s) => s.sector === "vo") ?? school;
  const municipality = school.municipality;
  return {
    mentor: [{ role: "teacher", schoolId: school.schoolId }],
    zorgcoordinator: [{ role: "care_coordinator", schoolId: school.schoolId }],
    "zorgcoordinator-vo": [{ role: "care_coordinator", schoolId: secondary.schoolId }],
    schooldirectie: [{ role: "school_head", schoolId: school.schoolId }],
    leerplicht: [{ role: "attendance_officer", municipality }],
    // The region's case director: mandated for every municipality of the region.
    casusregisseur: region.municipalities.map((m) => ({
      role: "case_director",
      municipality: m.name,
    })),
    swv: [{ role: "partnership_consultant", partnership: school.partnership }],
    jeugdarts: [{ role: "youth_doctor", municipality }],
    jeugdteam: [{ role: "youth_care", municipality }],
    doorbraakteam: [{ role: "breakthrough_member", municipality }],
    ouder: [{ role: "parent", pupilId: parentOf }],
    beleid: [{ role: "policy_officer", municipality }],
    beheer: [{ role: "app_admin" }],
    privacy: [{ role: "privacy_officer" }],
  };
}

const DEMO_NAMES: Record<DemoAccountName, string> = {
  mentor: "Demo Mentor",
  zorgcoordinator: "Demo Zorgcoördinator",
  "zorgcoordinator-vo": "Demo Zorgcoördinator VO",
  schooldirectie: "Demo Schooldirectie",
  leerplicht: "Demo Leerplichtambtenaar",
  casusregisseur: "Demo Casusregisseur",
  swv: "Demo Consulent Samenwerkingsverband",
  jeugdarts: "Demo Jeugdarts",
  jeugdteam: "Demo Jeugdteam",
  doorbraakteam: "Demo Doorbraakteam",
  ouder: "Demo Ouder",
  beleid: "Demo Beleidsmedewerker",
  beheer: "Demo Functioneel Beheerder",
  privacy: "Demo Privacyfunctionaris",
};

/** Removes earlier demo accounts with their sessions, tokens and roles (audit rows stay). */
export async function removeDemoUsers(orm: Orm): Promise<void> {
  const old = await orm
    .select({ id: users.id })
    .from(users)
    .where(like(users.email, `%${DEMO_EMAIL_DOMAIN}`));
  const ids = old.map((u) => u.id);
  if (ids.length === 0) return;
  await orm.delete(sessions).where(inArray(sessions.userId, ids));
  await orm.delete(apiTokens).where(inArray(apiTokens.userId, ids));
  await orm.delete(roleAssignments).where(inArray(roleAssignments.userId, ids));
  await orm.delete(users).where(inArray(users.id, ids));
}

/** Creates every demo account; `parentOf` is the pupil whose parent the ouder account is. */
export async function createDemoUsers(
  orm: Orm,
  region: DemoRegion,
  parentOf: string,
): Promise<DemoAccounts> {
  await removeDemoUsers(orm);
  const scopes = demoScopes(region, parentOf);
  const ids = {} as DemoAccounts;
  for (const name of Object.keys(DEMO_ACCOUNTS) as DemoAccountName[]) {
    const user = await createUser(orm, {
      email: demoEmail(name),
      name: DEMO_NAMES[name],
      roles: scopes[name],
    });
    ids[name] = user.id;
  }
  // One argon2 hash of the public demo password for all accounts (13 hashes cost seconds).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await orm
    .update(users)
    .set({ passwordHash })
    .where(inArray(users.id, Object.values(ids)));
  return ids;
}

/** A demo account as the commands see it (the demo script acts through the real commands). */
export function demoActor(
  region: DemoRegion,
  accounts: DemoAccounts,
  name: DemoAccountName,
  parentOf: string,
): AccessActor {
  const scopes = demoScopes(region, parentOf)[name];
  const pick = (f: (s: RoleScope) => string | null | undefined) =>
    scopes.map(f).filter((v): v is string => typeof v === "string");
  const userId = accounts[name];
  return {
    userId,
    policy: {
      userId,
      personId: userId,
      grants: [
        {
          role: DEMO_ACCOUNTS[name],
          schoolIds: pick((s) => s.schoolId),
          municipalities: pick((s) => s.municipality),
          childPupilIds: pick((s) => s.pupilId),
        },
      ],
    },
    origin: { route: "demo", method: "DEMO" },
  };
}
