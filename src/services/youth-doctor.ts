// M@ZL (domain.md §2): the stored referrals to the youth doctor with their feedback, and the
// youth doctor's medical notes. Who may see or write which is decided by the routes through the
// policy (src/http/routes/youth-doctor.ts); the rules of a record are src/domain/youth-doctor.
import { randomUUID } from "node:crypto";
import type { SqlClient } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import type {
  FeedbackInput,
  LoadCapacity,
  MedicalNoteInput,
  ReferralInput,
  ReferralStatus,
} from "../domain/youth-doctor/referrals.ts";

export interface ReferralRow {
  id: string;
  pupil_id: string;
  school_id: string;
  question: string;
  consent_on: IsoDate;
  referred_on: IsoDate;
  referred_by: string;
  status: ReferralStatus;
  load_capacity: LoadCapacity | null;
  advice: string | null;
  feedback_on: IsoDate | null;
  feedback_by: string | null;
}

export interface MedicalNoteRow {
  id: string;
  referral_id: string;
  text: string;
  written_on: IsoDate;
  written_by: string;
}

const SELECT_REFERRALS = `
  select r.id, r.pupil_id, r.school_id, r.question, r.consent_on::text, r.referred_on::text,
         r.referred_by, case when f.referral_id is null then 'open' else 'answered' end as status,
         f.load_capacity, f.advice, f.given_on::text as feedback_on, f.given_by as feedback_by
    from youth_doctor_referrals r
    left join youth_doctor_feedback f on f.referral_id = r.id`;

/** Referrals, newest first: of some pupils, or all (the caller filters by the policy). */
export function listReferrals(
  sql: SqlClient,
  filter: { pupilIds?: readonly string[]; status?: ReferralStatus },
): Promise<ReferralRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.pupilIds) {
    params.push(filter.pupilIds);
    where.push(`r.pupil_id = any($${params.length}::text[])`);
  }
  if (filter.status)
    where.push(filter.status === "open" ? "f.referral_id is null" : "f.referral_id is not null");
  return sql.query<ReferralRow>(
    `${SELECT_REFERRALS} ${where.length ? `where ${where.join(" and ")}` : ""}
     order by r.referred_on desc, r.recorded_at desc`,
    params,
  );
}

export async function loadReferral(sql: SqlClient, id: string): Promise<ReferralRow | undefined> {
  const [row] = await sql.query<ReferralRow>(`${SELECT_REFERRALS} where r.id = $1`, [id]);
  return row;
}

export async function insertReferral(
  sql: SqlClient,
  pupilId: string,
  schoolId: string,
  input: ReferralInput,
  referredBy: string,
): Promise<ReferralRow> {
  const id = randomUUID();
  await sql.query(
    `insert into youth_doctor_referrals
       (id, pupil_id, school_id, question, consent_on, referred_on, referred_by)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [id, pupilId, schoolId, input.question.trim(), input.consentOn, input.referredOn, referredBy],
  );
  return (await loadReferral(sql, id))!;
}

/** Adds the feedback; false when the referral was answered meanwhile (one feedback each). */
export async function insertFeedback(
  sql: SqlClient,
  referralId: string,
  input: FeedbackInput,
  givenBy: string,
): Promise<boolean> {
  const rows = await sql.query(
    `insert into youth_doctor_feedback (referral_id, load_capacity, advice, given_on, given_by)
     values ($1, $2, $3, $4, $5) on conflict (referral_id) do nothing returning 1`,
    [referralId, input.loadCapacity, input.advice.trim(), input.givenOn, givenBy],
  );
  return rows.length === 1;
}

export function notesOfReferral(sql: SqlClient, referralId: string): Promise<MedicalNoteRow[]> {
  return sql.query<MedicalNoteRow>(
    `select id, referral_id, text, written_on::text, written_by from medical_notes
      where referral_id = $1 order by written_on, recorded_at`,
    [referralId],
  );
}

export async function insertMedicalNote(
  sql: SqlClient,
  referral: { id: string; pupil_id: string },
  input: MedicalNoteInput,
  writtenBy: string,
): Promise<MedicalNoteRow> {
  const note: MedicalNoteRow = {
    id: randomUUID(),
    referral_id: referral.id,
    text: input.text.trim(),
    written_on: input.writtenOn,
    written_by: writtenBy,
  };
  await sql.query(
    `insert into medical_notes (id, referral_id, pupil_id, text, written_on, written_by)
     values ($1, $2, $3, $4, $5, $6)`,
    [note.id, referral.id, referral.pupil_id, note.text, note.written_on, writtenBy],
  );
  return note;
}
