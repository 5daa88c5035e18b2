// Former thuiszitters (domain.md §7) over the database: the pupils whose case closed by the
// date, with what happened since — enrolments, scheduled and absent minutes after the closing,
// signals at the date, later cases, a recorded start qualification — for
// src/domain/monitor/former.ts.
import type { Database } from "../db/connect.ts";
import { loadSchoolCalendars } from "../db/repositories/cases-pupil.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import { type FormerInput, type FormerPupil, followFormer } from "../domain/monitor/former.ts";
import { cachedSnapshot } from "./monitor-cache.ts";

export interface FormerReport {
  pupils: FormerPupil[];
  /** Whether the register records any start qualification at all. */
  startQualificationRecorded: boolean;
}

export async function formerThuiszitters(
  db: Pick<Database, "sql" | "orm">,
  asOf: IsoDate,
): Promise<FormerReport> {
  const snapshot = await cachedSnapshot(db.sql, asOf);
  const latestClosed = new Map<string, (typeof snapshot.cases.cases)[number]>();
  for (const c of snapshot.cases.cases) {
    if (c.closedAt === null || c.closedAt > asOf) continue;
    const seen = latestClosed.get(c.pupilId);
    if (!seen || (seen.closedAt ?? "") < c.closedAt) latestClosed.set(c.pupilId, c);
  }
  const ids = [...latestClosed.keys()];
  const [recorded] = await db.sql.query<{ n: number }>(
    "select count(*)::int as n from pupils where start_qualification_date is not null",
  );
  if (ids.length === 0) return { pupils: [], startQualificationRecorded: (recorded?.n ?? 0) > 0 };
  const enrolments = await db.sql.query<{
    pupil_id: string;
    school_id: string;
    start_date: string;
    end_date: string | null;
  }>(
    `select pupil_id, school_id, start_date::text, end_date::text from enrolments
     where pupil_id = any($1) order by start_date`,
    [ids],
  );
  const qualification = new Map<string, string | null>();
  for (const p of await db.sql.query<{ pupil_id: string; q: string | null }>(
    "select pupil_id, start_qualification_date::text as q from pupils where pupil_id = any($1)",
    [ids],
  )) {
    qualification.set(p.pupil_id, p.q);
  }
  const absence = await db.sql.query<{
    pupil_id: string;
    school_id: string;
    date: string;
    minutes: number;
  }>(
    `select pupil_id, school_id, date::text, minutes from attendance
     where pupil_id = any($1) and date <= $2::date and reason not in ('late', 'exempt_11a')
       and date > (select min(closed_at) from cases where pupil_id = any($1) and closed_at is not null)`,
    [ids, asOf],
  );
  const calendars = await loadSchoolCalendars(
    db.orm,
    enrolments.map((e) => e.school_id),
  );
  const pupils: FormerPupil[] = [];
  for (const [pupilId, c] of latestClosed) {
    const closedAt = c.closedAt as IsoDate;
    const own = enrolments
      .filter((e) => e.pupil_id === pupilId)
      .map((e) => ({ schoolId: e.school_id, startDate: e.start_date, endDate: e.end_date }));
    let scheduled = 0;
    const counted = new Set<string>();
    for (const e of own) {
      const calendar = calendars.get(e.schoolId);
      if (!calendar) continue;
      const from = e.startDate > closedAt ? e.startDate : addDays(closedAt, 1);
      const to = e.endDate !== null && e.endDate < asOf ? e.endDate : asOf;
      for (let d = from; d <= to; d = addDays(d, 1)) {
        if (!calendar.isSchoolDay(d)) continue;
        scheduled += calendar.scheduledMinutes(d);
        counted.add(`${e.schoolId}|${d}`);
      }
    }
    const absent = absence
      .filter(
        (a) =>
          a.pupil_id === pupilId && a.date > closedAt && counted.has(`${a.school_id}|${a.date}`),
      )
      .reduce((sum, a) => sum + Number(a.minutes), 0);
    const input: FormerInput = {
      caseId: c.id,
      pupilId,
      caseSchoolId: c.schoolId,
      closedAt,
      outcome: c.closedOutcome ?? "other",
      enrolments: own,
      scheduledMinutesSince: scheduled,
      absentMinutesSince: absent,
      signalsNow: snapshot.signals.filter((s) => s.pupilId === pupilId).map((s) => s.code),
      laterCaseOpened: snapshot.cases.cases.some(
        (o) => o.pupilId === pupilId && o.openedAt > closedAt && o.openedAt <= asOf,
      ),
      startQualificationDate: qualification.get(pupilId) ?? null,
    };
    pupils.push(followFormer(input, asOf));
  }
  pupils.sort((a, b) =>
    a.closedAt < b.closedAt ? -1 : a.closedAt > b.closedAt ? 1 : a.caseId < b.caseId ? -1 : 1,
  );
  return { pupils, startQualificationRecorded: (recorded?.n ?? 0) > 0 };
}
