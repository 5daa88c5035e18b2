// The warm handover PO→VO (issue 15 item 6): stored handovers, the facts that decide which pupils
// qualify (src/domain/handover/handover.ts) and the consent (b) that names the receiving school.
// Who may see or do what is decided by the routes through the policy (src/http/routes/handovers.ts).
import { randomUUID } from "node:crypto";
import type { Orm, SqlClient } from "../db/connect.ts";
import { appendConsentRecord, loadConsentFile } from "../db/repositories/consent.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  type ConsentDecision,
  type ConsentGiver,
  type ConsentState,
  consentStatus,
  recordConsent,
} from "../domain/cases/consent.ts";
import type {
  CaseFact,
  EnrolmentFact,
  HandoverStatus,
  HandoverText,
  SignalFact,
} from "../domain/handover/handover.ts";

export interface HandoverRow {
  id: string;
  pupil_id: string;
  pupil_name: string;
  sending_school_id: string;
  sending_school_name: string;
  receiving_school_id: string;
  receiving_school_name: string;
  partnerships: string[];
  move_date: IsoDate;
  status: HandoverStatus;
  what_was_going_on: string;
  what_helped: string;
  written_by: string;
  written_on: IsoDate;
  acknowledged_on: IsoDate | null;
  closed_on: IsoDate | null;
}

const SELECT_HANDOVERS = `
  select h.id, h.pupil_id, p.given_name || ' ' || p.family_name as pupil_name,
         h.sending_school_id, s.name as sending_school_name,
         h.receiving_school_id, r.name as receiving_school_name,
         array[s.partnership, r.partnership] as partnerships,
         h.move_date::text, h.status, h.what_was_going_on, h.what_helped, h.written_by,
         h.written_on::text, h.acknowledged_on::text, h.closed_on::text
    from handovers h
    join pupils p on p.pupil_id = h.pupil_id
    join schools s on s.school_id = h.sending_school_id
    join schools r on r.school_id = h.receiving_school_id`;

/** Handovers, the earliest move first: all, or of one status (the caller filters by policy). */
export function listHandovers(
  sql: SqlClient,
  filter: { status?: HandoverStatus; pupilIds?: readonly string[] },
): Promise<HandoverRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.status) {
    params.push(filter.status);
    where.push(`h.status = $${params.length}`);
  }
  if (filter.pupilIds) {
    params.push(filter.pupilIds);
    where.push(`h.pupil_id = any($${params.length}::text[])`);
  }
  return sql.query<HandoverRow>(
    `${SELECT_HANDOVERS} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by h.move_date, r.name, h.written_on, h.id`,
    params,
  );
}

export async function loadHandover(sql: SqlClient, id: string): Promise<HandoverRow | undefined> {
  const [row] = await sql.query<HandoverRow>(`${SELECT_HANDOVERS} where h.id = $1`, [id]);
  return row;
}

export interface NewHandover extends HandoverText {
  pupilId: string;
  sendingSchoolId: string;
  receivingSchoolId: string;
  moveDate: IsoDate;
  writtenOn: IsoDate;
}

/** Inserts an open handover; undefined when the pupil has one for that school already. */
export async function insertHandover(
  sql: SqlClient,
  input: NewHandover,
  writtenBy: string,
): Promise<HandoverRow | undefined> {
  const id = randomUUID();
  const rows = await sql.query(
    `insert into handovers (id, pupil_id, sending_school_id, receiving_school_id, move_date,
       status, what_was_going_on, what_helped, written_by, written_on)
     values ($1, $2, $3, $4, $5, 'open', $6, $7, $8, $9)
     on conflict (pupil_id, receiving_school_id) do nothing returning 1`,
    [
      id,
      input.pupilId,
      input.sendingSchoolId,
      input.receivingSchoolId,
      input.moveDate,
      input.whatWasGoingOn.trim(),
      input.whatHelped.trim(),
      writtenBy,
      input.writtenOn,
    ],
  );
  return rows.length === 1 ? loadHandover(sql, id) : undefined;
}

/** Moves the status on, only from the status the caller saw (a concurrent change loses). */
export async function updateHandoverStatus(
  sql: SqlClient,
  id: string,
  from: HandoverStatus,
  to: Exclude<HandoverStatus, "open">,
  by: string,
  on: IsoDate,
): Promise<boolean> {
  const set =
    to === "acknowledged"
      ? "acknowledged_by = $3, acknowledged_on = $4"
      : "closed_by = $3, closed_on = $4";
  const rows = await sql.query(
    `update handovers set status = $5, ${set} where id = $1 and status = $2 returning 1`,
    [id, from, by, on, to],
  );
  return rows.length === 1;
}

/**
 * What decides which pupils qualify (of some schools, or one pupil): the pupils' enrolments with
 * the schools' sectors, their signals at schools, and their cases.
 */
export async function handoverFacts(
  sql: SqlClient,
  of: { schoolIds: readonly string[]; pupilIds?: readonly string[] } | { pupilId: string },
): Promise<{
  enrolments: EnrolmentFact[];
  sectorOf: Map<string, string>;
  signals: SignalFact[];
  cases: CaseFact[];
}> {
  const bySchool = "schoolIds" in of;
  // The pupils of the schools, and of the listed pupils (a case director's cases).
  const pupilsOf = bySchool
    ? "select pupil_id from enrolments where school_id = any($1::text[]) union select unnest($2::text[])"
    : "select $1::text";
  const params = bySchool ? [of.schoolIds, of.pupilIds ?? []] : [of.pupilId];
  const enrolments = await sql.query<EnrolmentFact & { sector: string }>(
    `select e.pupil_id as "pupilId", e.school_id as "schoolId", e.start_date::text as "startDate",
            e.end_date::text as "endDate", s.sector
       from enrolments e join schools s on s.school_id = e.school_id
      where e.pupil_id in (${pupilsOf})`,
    params,
  );
  const signals = await sql.query<SignalFact>(
    `select pupil_id as "pupilId", school_id as "schoolId", code, raised_on::text as "raisedOn"
       from signal_states where school_id <> '' and pupil_id in (${pupilsOf})`,
    params,
  );
  const cases = await sql.query<CaseFact>(
    `select id, pupil_id as "pupilId", opened_at::text as "openedAt", closed_at::text as "closedAt"
       from cases where pupil_id in (${pupilsOf})`,
    params,
  );
  return {
    enrolments: enrolments.map(({ sector: _, ...e }) => e),
    sectorOf: new Map(enrolments.map((e) => [e.schoolId, e.sector])),
    signals,
    cases,
  };
}

/**
 * The pupils of the open cases the person takes part in (an active participant), for the case
 * director's handover candidates; the gate still decides per pupil (isCaseParticipant).
 */
export async function pupilsOfOpenCasesOf(sql: SqlClient, personId: string): Promise<string[]> {
  const rows = await sql.query<{ pupil_id: string }>(
    `select distinct c.pupil_id from cases c join case_participants p on p.case_id = c.id
      where p.person_id = $1 and p.until is null and c.phase <> 'CLOSED'`,
    [personId],
  );
  return rows.map((r) => r.pupil_id);
}

/** Consent (b) naming the receiving school, on `at`: the domain's reading of the pupil's file. */
export async function handoverConsent(
  orm: Orm,
  pupilId: string,
  receivingSchoolId: string,
  at: IsoDate,
): Promise<ConsentState> {
  const file = await loadConsentFile(orm, pupilId);
  if (!file) return "not_asked";
  return consentStatus(file, "involve_partner", receivingSchoolId, at).state;
}

export type HandoverConsentInput = {
  decision: ConsentDecision;
  giver: ConsentGiver;
  at: IsoDate;
};

/** Appends a consent record (b) naming the receiving school; the domain refuses what is wrong. */
export async function recordHandoverConsent(
  orm: Orm,
  handover: { pupil_id: string; receiving_school_id: string },
  caseId: string | null,
  input: HandoverConsentInput,
  recordedBy: string,
) {
  const file = (await loadConsentFile(orm, handover.pupil_id)) ?? {
    childBirthDate: input.at,
    records: [],
  };
  const record = {
    id: randomUUID(),
    purpose: "involve_partner" as const,
    subject: handover.receiving_school_id,
    decision: input.decision,
    giver: input.giver,
    at: input.at,
    recordedBy,
  };
  const checked = recordConsent(file, record);
  if (!checked.ok) return checked;
  await appendConsentRecord(orm, handover.pupil_id, caseId, record);
  return {
    ok: true as const,
    state: consentStatus(checked.file, "involve_partner", record.subject, input.at).state,
  };
}
