// What the routes of a record a school keeps about one of its pupils share — a leave request
// (leave-requests.ts), a referral to the youth doctor (youth-doctor.ts): the pupil as seen from
// the record's own school. The list is scoped first and decided record by record, with one audit
// row per record shown; one record is gated with one audit row (404 when missing or not the
// user's to see, 403 when seen but not theirs to do); a new record is gated on its pupil (403 when
// the user may read the pupil, else 404). Who may do what is src/domain/policy/rules.ts; the
// names shown beside the ids come from pupilAndSchoolNamesOf (db/repositories/names.ts).
import {
  type AccessActor,
  type AuditSubject,
  type Grant,
  gate,
  mayEver,
  pupilScopesOf,
  pupilsInReach,
  recordListRead,
  type Verdict,
  visiblePupilItems,
} from "../../access/index.ts";
import type { SqlClient } from "../../db/connect.ts";
import type { Action, PupilScope, Resource } from "../../domain/policy/resources.ts";
import type { HttpContext } from "../context.ts";
import { forbidden, notFound } from "../problem.ts";
import { today } from "./cases-http.ts";

type RecordKind = "leave_request" | "youth_doctor_referral";

/** What the audit trail calls the doing of something to a record of kind `K`. */
export type RecordAuditAction<K extends RecordKind> = Extract<
  AuditSubject,
  { resourceType: K }
>["action"];

export interface PupilRecordRow {
  id: string;
  pupil_id: string;
  school_id: string;
}

/** One kind of pupil record: how it is loaded, seen by the policy and named in the trail. */
export interface PupilRecordKind<
  K extends RecordKind,
  Row extends PupilRecordRow,
  Status extends string = string,
> {
  kind: K;
  /** The action that lets a user see records of this kind (and decides their lists). */
  readAction: Action;
  /** The audit action of a record shown in a list. */
  listAction: RecordAuditAction<K>;
  /** The 403's detail for a user none of whose roles ever sees a record of this kind. */
  listRefused: string;
  load(sql: SqlClient, id: string): Promise<Row | undefined>;
  list(sql: SqlClient, filter: { pupilIds: readonly string[]; status?: Status }): Promise<Row[]>;
  /** The record as the policy sees it: its pupil as seen from the record's school. */
  resourceOf(row: Row, pupil: PupilScope): Resource;
}

/** The audit subject of `action` on a record of `kind` (the callers' types pair the two). */
function subject(
  kind: RecordKind,
  action: AuditSubject["action"],
  resourceId: string | null,
  pupilId: string,
  context?: Record<string, string>,
): AuditSubject {
  return {
    action,
    resourceType: kind,
    resourceId,
    pupilId,
    ...(context ? { context } : {}),
  } as AuditSubject;
}

/** The grant, or 403 with the refusal's reason when the user sees the record, else 404. */
function admittedWithReason(verdict: Verdict): Grant {
  if (verdict.ok) return verdict;
  throw verdict.error === "forbidden" ? forbidden(verdict.reason) : notFound();
}

/**
 * The records the user may see (of one status, of one pupil when the query says so), with their
 * pupils' scopes: 403 for a user no rule ever lets see one. Scope first: only the records of
 * pupils in the user's reach are loaded; the policy then decides on each (at the record's own
 * school), and each one shown gets an audit row.
 */
export async function visibleRecords<
  K extends RecordKind,
  Row extends PupilRecordRow,
  Status extends string,
>(
  ctx: HttpContext,
  actor: AccessActor,
  records: PupilRecordKind<K, Row, Status>,
  query: { status?: Status | undefined; pupil_id?: string | undefined },
): Promise<{ rows: Row[]; scopes: Map<string, PupilScope> }> {
  if (!mayEver(actor, records.readAction, records.kind)) throw forbidden(records.listRefused);
  const { status, pupil_id } = query;
  const reach = await pupilsInReach(ctx.db.orm, actor, records.readAction, records.kind);
  const rows = await records.list(ctx.db.sql, {
    ...(status ? { status } : {}),
    pupilIds: pupil_id ? reach.filter((id) => id === pupil_id) : reach,
  });
  const { shown, scopes } = await visiblePupilItems(ctx.db.orm, actor, records.readAction, rows, {
    onDate: today(ctx),
    pupilIdOf: (r) => r.pupil_id,
    resourceOf: records.resourceOf,
  });
  await recordListRead(
    ctx.db.orm,
    actor,
    shown.map(({ item, grant }) => ({
      grant,
      subject: subject(records.kind, records.listAction, item.id, item.pupil_id),
    })),
  );
  return { rows: shown.map((s) => s.item), scopes };
}

/**
 * One record, gated for `action` with one audit row named `auditAction`; 404 when missing or
 * not the user's to see (`readAction`), 403 with the reason when seen but not theirs to do.
 */
export async function authorizedRecord<K extends RecordKind, Row extends PupilRecordRow>(
  ctx: HttpContext,
  actor: AccessActor,
  records: PupilRecordKind<K, Row>,
  id: string,
  action: Action,
  auditAction: RecordAuditAction<K>,
): Promise<{ row: Row; scopes: Map<string, PupilScope> }> {
  const row = await records.load(ctx.db.sql, id);
  const scopes = row
    ? await pupilScopesOf(ctx.db.orm, [row.pupil_id], today(ctx))
    : new Map<string, PupilScope>();
  const pupil = row ? scopes.get(row.pupil_id) : undefined;
  const resource = row && pupil ? records.resourceOf(row, pupil) : null;
  admittedWithReason(
    await gate(
      ctx.db.orm,
      actor,
      action,
      resource,
      subject(records.kind, auditAction, id, row?.pupil_id ?? ""),
      { visibleWith: { action: records.readAction } },
    ),
  );
  if (!row) throw notFound(); // never: a missing record has no resource, which the gate refuses
  return { row, scopes };
}

/**
 * A new record about `pupilId` (`resource`: as the record will be; null when the pupil is
 * unknown), gated for `action` with one audit row: refused, 403 with the reason when the user
 * may read the pupil (a teacher of another school year), else 404.
 */
export async function admitNewRecord<K extends RecordKind>(
  ctx: HttpContext,
  actor: AccessActor,
  record: {
    kind: K;
    action: Action & RecordAuditAction<K>;
    pupilId: string;
    pupil: PupilScope | undefined;
    resource: Resource | null;
    context?: Record<string, string>;
  },
): Promise<Grant> {
  const { kind, action, pupilId, pupil, resource, context } = record;
  return admittedWithReason(
    await gate(
      ctx.db.orm,
      actor,
      action,
      resource,
      subject(kind, action, null, pupilId, context),
      pupil ? { visibleWith: { action: "read_pupil", resource: { kind: "pupil", pupil } } } : {},
    ),
  );
}
