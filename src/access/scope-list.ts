// Lists (domain.md §2: staff see their own school's pupils, other professionals only while they
// take part in a case): the ids an actor may see, decided by the same rules as `gate`, in a
// number of queries that does not grow with the region. A list endpoint asks here first and
// loads details only of what it may show; each shown item gets one audit row, written together.
import { and, asc, type Column, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { union } from "drizzle-orm/pg-core";
import type { Orm } from "../db/connect.ts";
import { loadCasesByIds } from "../db/repositories/cases.ts";
import { caseParticipants, cases } from "../db/schema/cases.ts";
import { enrolments, population, pupils } from "../db/schema/region.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { Case } from "../domain/cases/model.ts";
import type {
  Action,
  PupilScope,
  Resource,
  ResourceKind,
  RoleGrant,
} from "../domain/policy/resources.ts";
import type { PolicyRole } from "../domain/policy/roles.ts";
import type { AccessActor } from "./actor.ts";
import { appendAudit } from "./audit.ts";
import type { AuditSubject } from "./audit-event.ts";
import { caseResource, type PupilFacts, pupilFactsOf, pupilScopesOf } from "./facts.ts";
import { auditEventOf, type Grant, grantsThatMay, may, mayEver } from "./gate.ts";

export interface ListOptions {
  today: IsoDate;
  /**
   * Only among these ids (a list made elsewhere: a quarter's cases, a submitted list, search
   * hits). Pupils without it: every pupil in the actor's reach (pupilsInReach).
   */
  within?: readonly string[];
  /** Pupils: at most this many shown, the first allowed in the order of `within`. */
  limit?: number;
  /** Why-context of every list row's audit row (the list's filters, `list: "true"` is added). */
  context?: Record<string, string>;
  /** The audit trail's resource type for pupils shown in a list (default "pupil"). */
  pupilResourceType?: "pupil" | "reconciliation" | "monitor";
}

export interface ScopedCase {
  case: Case;
  facts: PupilFacts;
  grant: Grant;
}

/**
 * The ids of `kind` the actor may `action`, oldest case first / in the order of `within`; one
 * audit row per id, written in one statement. Roles that can never do `action` on `kind` get
 * an empty list without a query.
 */
export async function scopeList(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  kind: "case" | "pupil",
  options: ListOptions,
): Promise<string[]> {
  if (kind === "case") {
    if (action !== "read_case") throw new Error(`scopeList lists cases to read, not to ${action}`);
    return (await scopeCases(orm, actor, action, options)).map((s) => s.case.id);
  }
  return scopePupils(orm, actor, action, options);
}

/** scopeList for cases, with what was loaded to decide (the case and its pupil's facts). */
export async function scopeCases(
  orm: Orm,
  actor: AccessActor,
  action: "read_case",
  options: ListOptions,
): Promise<ScopedCase[]> {
  if (!mayEver(actor, action, "case")) return [];
  if (options.within?.length === 0) return [];
  const ids = options.within ?? (await caseCandidates(orm, actor));
  if (ids.length === 0) return [];
  const loaded = await loadCasesByIds(orm, ids);
  const facts = await pupilFactsOf(orm, [...new Set(loaded.map((c) => c.pupilId))]);
  const shown: ScopedCase[] = [];
  for (const c of loaded) {
    const f = facts.get(c.pupilId);
    if (!f) continue;
    const grant = may(actor, action, caseResource(c, f, options.today));
    if (grant.ok) shown.push({ case: c, facts: f, grant });
  }
  await recordListRead(
    orm,
    actor,
    shown.map(({ case: c, grant }) => ({
      grant,
      subject: {
        action,
        resourceType: "case",
        resourceId: c.id,
        pupilId: c.pupilId,
        context: { list: "true", ...options.context },
      },
    })),
  );
  return shown;
}

/**
 * A superset of the cases any rule can let this actor read: the cases of their schools (the
 * case's school, or a pupil enrolled there), of residents of their municipalities, of their
 * children, and those they take part in. The rules decide on each; the equivalence with deciding
 * over every case of the region is tested (scope-list.test.ts).
 */
async function caseCandidates(orm: Orm, actor: AccessActor): Promise<string[]> {
  const grants = grantsThatMay(actor, "read_case", "case");
  const schoolIds = [...new Set(grants.flatMap((g) => g.schoolIds ?? []))];
  const reach: SQL[] = [
    inArray(
      cases.id,
      orm
        .select({ id: caseParticipants.caseId })
        .from(caseParticipants)
        .where(
          and(eq(caseParticipants.personId, actor.policy.personId), isNull(caseParticipants.until)),
        ),
    ),
    ...(schoolIds.length > 0 ? [inArray(cases.schoolId, schoolIds)] : []),
    ...grantReach(orm, grants, cases.pupilId),
  ];
  const rows = await orm
    .select({ id: cases.id })
    .from(cases)
    .where(or(...reach))
    .orderBy(asc(cases.openedAt), asc(cases.id));
  return rows.map((r) => r.id);
}

/**
 * The pupils (and registered persons) the grants' own scopes reach, as conditions on an id
 * column: enrolled at one of their schools (at any time), living in one of their municipalities
 * (pupils and population register), their child.
 */
function grantReach(orm: Orm, grants: readonly RoleGrant[], id: Column): SQL[] {
  const schoolIds = [...new Set(grants.flatMap((g) => g.schoolIds ?? []))];
  const municipalities = [...new Set(grants.flatMap((g) => g.municipalities ?? []))];
  const children = [...new Set(grants.flatMap((g) => g.childPupilIds ?? []))];
  const reach: SQL[] = [];
  if (schoolIds.length > 0) {
    reach.push(
      inArray(
        id,
        orm
          .select({ id: enrolments.pupilId })
          .from(enrolments)
          .where(inArray(enrolments.schoolId, schoolIds)),
      ),
    );
  }
  if (municipalities.length > 0) {
    reach.push(
      inArray(
        id,
        orm
          .select({ id: pupils.pupilId })
          .from(pupils)
          .where(inArray(pupils.municipality, municipalities)),
      ),
      inArray(
        id,
        orm
          .select({ id: population.personId })
          .from(population)
          .where(inArray(population.municipality, municipalities)),
      ),
    );
  }
  if (children.length > 0) reach.push(inArray(id, children));
  return reach;
}

async function scopePupils(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  options: ListOptions,
): Promise<string[]> {
  if (!mayEver(actor, action, "pupil")) return [];
  const within = options.within ?? (await pupilsInReach(orm, actor, action, "pupil"));
  if (within.length === 0) return [];
  const ids = [...new Set(within)];
  const scopes = await pupilScopesOf(orm, ids, options.today);
  const shown: { id: string; grant: Grant }[] = [];
  for (const id of ids) {
    if (options.limit !== undefined && shown.length >= options.limit) break;
    const pupil = scopes.get(id);
    if (!pupil) continue;
    const grant = may(actor, action, { kind: "pupil", pupil });
    if (grant.ok) shown.push({ id, grant });
  }
  await recordListRead(
    orm,
    actor,
    shown.map(({ id, grant }) => ({
      grant,
      subject: {
        action: "read_pupil",
        resourceType: options.pupilResourceType ?? "pupil",
        resourceId: id,
        pupilId: id,
        context: { list: "true", ...options.context },
      },
    })),
  );
  return shown.map((s) => s.id);
}

/**
 * Where any rule can let this actor `action` on `kind` reach a pupil or registered person, as a
 * condition on an id column: enrolled at one of their schools (at any time), living in one of
 * their municipalities (pupils and population register), their child, or in an open case they
 * take part in — counting only the grants of roles some rule lets do this (`roles`: only these).
 * A superset: the rules decide on each. Null when it reaches no one. Composes with a query
 * (the pupil search) or lists the ids (pupilsInReach).
 */
export function pupilReach(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  kind: ResourceKind,
  roles?: readonly PolicyRole[],
): ((id: Column) => SQL) | null {
  const grants = grantsThatMay(actor, action, kind, roles);
  if (grants.length === 0) return null;
  return (id) =>
    or(
      inArray(
        id,
        orm
          .select({ id: cases.pupilId })
          .from(caseParticipants)
          .innerJoin(cases, eq(cases.id, caseParticipants.caseId))
          .where(
            and(
              eq(caseParticipants.personId, actor.policy.personId),
              isNull(caseParticipants.until),
              ne(cases.phase, "CLOSED"),
            ),
          ),
      ),
      ...grantReach(orm, grants, id),
    ) ?? sql`false`;
}

/** The ids of the pupils and registered persons in pupilReach, in one query, in id order. */
export async function pupilsInReach(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  kind: ResourceKind,
  roles?: readonly PolicyRole[],
): Promise<string[]> {
  const reach = pupilReach(orm, actor, action, kind, roles);
  if (!reach) return [];
  const rows = await union(
    orm.select({ id: pupils.pupilId }).from(pupils).where(reach(pupils.pupilId)),
    orm.select({ id: population.personId }).from(population).where(reach(population.personId)),
  ).orderBy(sql`1`);
  return rows.map((r) => r.id);
}

/**
 * Keeps the items whose resource the actor may `action` (no audit row: the caller shows some of
 * them and records those with recordListRead). For lists whose items carry their own facts
 * (signals at a date, DUO reports of a school).
 */
export function visibleItems<T>(
  actor: AccessActor,
  action: Action,
  items: readonly T[],
  resourceOf: (item: T) => Resource | null,
  roles?: Parameters<typeof may>[3],
): { item: T; grant: Grant }[] {
  const visible: { item: T; grant: Grant }[] = [];
  for (const item of items) {
    const resource = resourceOf(item);
    if (!resource) continue;
    const grant = may(actor, action, resource, roles);
    if (grant.ok) visible.push({ item, grant });
  }
  return visible;
}

/**
 * visibleItems for items about pupils: reads the scopes of the items' pupils as of `onDate` in
 * one query, and keeps the items whose resource (built from the item and its pupil's scope) the
 * actor may `action`. An item whose pupil is unknown is not shown. The scopes come back too, for
 * presenting the shown items (residence, names).
 */
export async function visiblePupilItems<T>(
  orm: Orm,
  actor: AccessActor,
  action: Action,
  items: readonly T[],
  options: {
    onDate: IsoDate;
    pupilIdOf: (item: T) => string;
    resourceOf: (item: T, pupil: PupilScope) => Resource;
    roles?: Parameters<typeof may>[3];
  },
): Promise<{ shown: { item: T; grant: Grant }[]; scopes: Map<string, PupilScope> }> {
  const { onDate, pupilIdOf, resourceOf, roles } = options;
  const scopes = await pupilScopesOf(orm, [...new Set(items.map(pupilIdOf))], onDate);
  const shown = visibleItems(
    actor,
    action,
    items,
    (item) => {
      const pupil = scopes.get(pupilIdOf(item));
      return pupil ? resourceOf(item, pupil) : null;
    },
    roles,
  );
  return { shown, scopes };
}

/** One audit row per shown item, in one statement; a failed write fails the request. */
export async function recordListRead(
  orm: Orm,
  actor: AccessActor,
  shown: readonly { grant: Grant; subject: AuditSubject }[],
): Promise<void> {
  await appendAudit(
    orm,
    shown.map(({ grant, subject }) => auditEventOf(actor, subject, grant)),
  );
}
