// Issue 16 items 2 and 3: the notifications the daily job raises from what happened, besides the
// deadlines (notifications.ts): for professionals a daily digest of new signals at their school,
// a case handed to them, a breakthrough meeting planned, a parent's consent changed; for parents
// a request for their consent, a meeting planned, a decision on leave. Read from the records
// themselves, each idempotent by its dedupe key, and limited to what happened in the last week so
// a new installation does not mail its history. A hand-over, a breakthrough meeting and a consent
// decision are also raised at the moment of the command, in its transaction
// (raiseCommandNotifications): the same query narrowed to that case or record, so the same dedupe
// keys — the daily job then finds them raised and adds nothing. Recipients are accounts that
// exist and are not disabled; the texts (domain/notifications/kinds.ts) hold no personal data.
import type { Database, SqlClient, TxClient } from "../db/connect.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import { notificationText } from "../domain/notifications/kinds.ts";
import { SCHOOL_STAFF_ROLES } from "../domain/policy/roles.ts";
import { type NewNotification, raiseNotificationIds, raiseNotifications } from "./notifications.ts";

/** How far back an event still raises a notification (the job may have missed days). */
export const EVENT_WINDOW_DAYS = 7;

const ACTIVE_USER = "join users u on u.id::text = x.user_id and u.disabled_at is null";

/** One digest per school staff member per day: how many signals were raised at their schools. */
async function signalDigests(db: Database, asOf: IsoDate): Promise<NewNotification[]> {
  const rows = await db.sql.query<{ user_id: string; n: number }>(
    `select x.user_id, x.n from (
       select r.user_id::text as user_id, count(distinct s.id)::int as n
         from signal_states s
         join role_assignments r on r.school_id = s.school_id and r.role = any($2::text[])
        where s.raised_on = $1::date and s.school_id <> ''
        group by r.user_id) x ${ACTIVE_USER}`,
    [asOf, [...SCHOOL_STAFF_ROLES]],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    kind: "signal_digest",
    dedupeKey: `signal_digest:${r.user_id}:${asOf}`,
    text: notificationText({ kind: "signal_digest", count: r.n }),
  }));
}

/** The owner of an open case who got it from someone else (hand-over or de-escalation). */
async function handovers(
  sql: SqlClient,
  asOf: IsoDate,
  since: IsoDate,
  caseId: string | null = null,
): Promise<NewNotification[]> {
  const rows = await sql.query<{ case_id: string; user_id: string; seq: number }>(
    `select x.case_id, x.user_id, x.seq from (
       select distinct on (c.id) c.id as case_id, c.owner_person_id as user_id, t.seq,
              t.by_person_id
         from cases c join case_transitions t on t.case_id = c.id
        where c.phase <> 'CLOSED' and t.command in ('hand_to_director', 'deescalate')
          and t.at between $2::date and $1::date and ($3::text is null or c.id = $3)
        order by c.id, t.seq desc) x ${ACTIVE_USER}
      where x.by_person_id is null or x.by_person_id <> x.user_id`,
    [asOf, since, caseId],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    kind: "case_handed_over",
    dedupeKey: `case_handed_over:${r.case_id}:${r.seq}:${r.user_id}`,
    text: notificationText({ kind: "case_handed_over", caseId: r.case_id }),
  }));
}

interface AgendaRow {
  team_id: string;
  case_id: string;
  meeting_date: string;
  user_id: string;
  via: "team" | "owner" | "parent";
}

/** Breakthrough meetings still to come: the team's members, the case's owner, the parents. */
async function breakthroughMeetings(
  sql: SqlClient,
  asOf: IsoDate,
  caseId: string | null = null,
): Promise<NewNotification[]> {
  const rows = await sql.query<AgendaRow>(
    `with planned as (
       select a.team_id, a.case_id, a.meeting_date::text as meeting_date, c.owner_person_id,
              c.pupil_id
         from breakthrough_agenda a join cases c on c.id = a.case_id
        where a.meeting_date is not null and a.meeting_date >= $1::date
          and c.phase <> 'CLOSED' and ($2::text is null or c.id = $2))
     select x.* from (
       select p.team_id, p.case_id, p.meeting_date, m.user_id, 'team' as via
         from planned p join breakthrough_team_members m
           on m.team_id = p.team_id and m.user_id is not null and m.ended_on is null
       union
       select p.team_id, p.case_id, p.meeting_date, p.owner_person_id, 'owner' from planned p
       union
       select p.team_id, p.case_id, p.meeting_date, r.user_id::text, 'parent'
         from planned p join role_assignments r on r.role = 'parent' and r.pupil_id = p.pupil_id
     ) x ${ACTIVE_USER}
     order by x.case_id, x.user_id`,
    [asOf, caseId],
  );
  const seen = new Set<string>();
  const out: NewNotification[] = [];
  for (const r of rows) {
    const parent = r.via === "parent";
    const key = `${parent ? "parent_meeting_planned" : "breakthrough_meeting_planned"}:${r.team_id}:${r.case_id}:${r.meeting_date}:${r.user_id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(
      parent
        ? {
            userId: r.user_id,
            kind: "parent_meeting_planned",
            dedupeKey: key,
            text: notificationText({ kind: "parent_meeting_planned", date: r.meeting_date }),
          }
        : {
            userId: r.user_id,
            kind: "breakthrough_meeting_planned",
            dedupeKey: key,
            text: notificationText({
              kind: "breakthrough_meeting_planned",
              caseId: r.case_id,
              date: r.meeting_date,
              // The owner opens the case; a team member finds it on the team's agenda.
              link: r.via === "owner" ? `/casussen/${r.case_id}` : "/doorbraakteam",
            }),
          },
    );
  }
  return out;
}

/** A parent's (or the young person's) consent recorded: the open cases' owner and participants. */
async function consentChanges(
  sql: SqlClient,
  asOf: IsoDate,
  since: IsoDate,
  recordId: string | null = null,
): Promise<NewNotification[]> {
  const rows = await sql.query<{ record_id: string; case_id: string; user_id: string }>(
    `select distinct x.record_id, x.case_id, x.user_id from (
       select k.id as record_id, c.id as case_id, p.person_id as user_id, k.recorded_by
         from consent_records k
         join cases c on c.pupil_id = k.pupil_id and c.phase <> 'CLOSED'
                     and (k.case_id is null or k.case_id = c.id)
         join case_participants p on p.case_id = c.id and p.until is null
        where k.at between $2::date and $1::date and ($3::text is null or k.id = $3)
       union
       select k.id, c.id, c.owner_person_id, k.recorded_by
         from consent_records k
         join cases c on c.pupil_id = k.pupil_id and c.phase <> 'CLOSED'
                     and (k.case_id is null or k.case_id = c.id)
        where k.at between $2::date and $1::date and ($3::text is null or k.id = $3)
     ) x ${ACTIVE_USER}
     where x.recorded_by is distinct from x.user_id
     order by x.case_id, x.user_id`,
    [asOf, since, recordId],
  );
  return rows.map((r) => ({
    userId: r.user_id,
    kind: "consent_changed",
    dedupeKey: `consent_changed:${r.record_id}:${r.case_id}:${r.user_id}`,
    text: notificationText({ kind: "consent_changed", caseId: r.case_id }),
  }));
}

/**
 * Item 3: a parent is asked for consent when their child's case opens (domain.md §5: parents are
 * informed and asked from the first report) and when a breakthrough team is convened that has no
 * consent (b) yet; told when leave for their child was decided.
 */
async function parentRequestsAndDecisions(
  db: Database,
  asOf: IsoDate,
  since: IsoDate,
): Promise<NewNotification[]> {
  const asked = await db.sql.query<{ key: string; user_id: string }>(
    `select x.key, x.user_id from (
       select 'case:' || c.id as key, r.user_id::text as user_id
         from cases c join role_assignments r on r.role = 'parent' and r.pupil_id = c.pupil_id
        where c.opened_at between $2::date and $1::date and c.phase <> 'CLOSED'
       union
       select 'agenda:' || a.team_id || ':' || a.case_id || ':' || a.added_on::text,
              r.user_id::text
         from breakthrough_agenda a
         join breakthrough_teams t on t.id = a.team_id
         join cases c on c.id = a.case_id and c.phase <> 'CLOSED'
         join role_assignments r on r.role = 'parent' and r.pupil_id = c.pupil_id
        where a.added_on between $2::date and $1::date
          and not exists (select 1 from consent_records k
                           where k.pupil_id = c.pupil_id and k.purpose = 'involve_partner'
                             and k.subject = t.name)
     ) x ${ACTIVE_USER}`,
    [asOf, since],
  );
  const decided = await db.sql.query<{ id: string; user_id: string }>(
    `select x.id, x.user_id from (
       select l.id, r.user_id::text as user_id
         from leave_requests l
         join role_assignments r on r.role = 'parent' and r.pupil_id = l.pupil_id
        where l.status in ('approved', 'refused') and l.decided_on between $2::date and $1::date
     ) x ${ACTIVE_USER}`,
    [asOf, since],
  );
  return [
    ...asked.map((r) => ({
      userId: r.user_id,
      kind: "parent_consent_requested",
      dedupeKey: `parent_consent_requested:${r.key}:${r.user_id}`,
      text: notificationText({ kind: "parent_consent_requested" }),
    })),
    ...decided.map((r) => ({
      userId: r.user_id,
      kind: "parent_leave_decided",
      dedupeKey: `parent_leave_decided:${r.id}:${r.user_id}`,
      text: notificationText({ kind: "parent_leave_decided" }),
    })),
  ];
}

export interface EventNotificationReport {
  signalDigest: number;
  caseHandedOver: number;
  breakthroughMeeting: number;
  consentChanged: number;
  parents: number;
}

/** Raises the day's event notifications; answers how many were new per group. */
export async function raiseEventNotifications(
  db: Database,
  asOf: IsoDate,
): Promise<EventNotificationReport> {
  const since = addDays(asOf, -(EVENT_WINDOW_DAYS - 1));
  const meetings = await breakthroughMeetings(db.sql, asOf);
  const parentMeetings = meetings.filter((m) => m.kind === "parent_meeting_planned");
  const teamMeetings = meetings.filter((m) => m.kind !== "parent_meeting_planned");
  return {
    signalDigest: await raiseNotifications(db.orm, await signalDigests(db, asOf)),
    caseHandedOver: await raiseNotifications(db.orm, await handovers(db.sql, asOf, since)),
    breakthroughMeeting: await raiseNotifications(db.orm, teamMeetings),
    consentChanged: await raiseNotifications(db.orm, await consentChanges(db.sql, asOf, since)),
    parents: await raiseNotifications(db.orm, [
      ...parentMeetings,
      ...(await parentRequestsAndDecisions(db, asOf, since)),
    ]),
  };
}

/** A command whose notifications are raised at once (issue 16: not a day later). */
export type CommandEvent =
  | { kind: "case_handed_over"; caseId: string }
  | { kind: "breakthrough_meeting_planned"; caseId: string }
  | { kind: "consent_changed"; recordId: string };

/**
 * Raises, in the command's transaction, the notifications of the event it just recorded on
 * `today`; answers the ids of the new ones, whose mail the caller queues after the commit. A
 * breakthrough meeting also tells the child's parents (parent_meeting_planned), as the job does.
 */
export async function raiseCommandNotifications(
  tx: TxClient,
  event: CommandEvent,
  today: IsoDate,
): Promise<string[]> {
  const items =
    event.kind === "case_handed_over"
      ? await handovers(tx, today, today, event.caseId)
      : event.kind === "breakthrough_meeting_planned"
        ? await breakthroughMeetings(tx, today, event.caseId)
        : await consentChanges(tx, today, today, event.recordId);
  return raiseNotificationIds(tx.orm, items);
}
