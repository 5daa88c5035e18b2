// The incremental run's candidates (docs/signals.md "Signal state"): the (pupil, school) units
// and persons whose signals can differ from the previous run's. Each query is a superset of
// one reason a result can change; their union, evaluated, gives the same states as a full run.
import type { SqlClient } from "../db/connect.ts";
import {
  dayNumber,
  fromDayNumber,
  type IsoDate,
  schoolYearStartOfDay,
} from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { LOOKBACK_DAYS, schoolDaysFor } from "../domain/signals/evaluate.ts";
import {
  enteringAges,
  newCompleteLesweek,
  yearRateThresholdStarts,
} from "../domain/signals/incremental.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";

export interface ClaimedChange {
  kind: string;
  pupil_id: string | null;
  school_id: string | null;
}

export interface Candidates {
  /** Per school: pupils to evaluate, or "all" for every unit of the school. */
  units: Map<string, Set<string> | "all">;
  /** Pupils to evaluate at every school they are enrolled at (birthdays, pupil changes). */
  pupilsEverywhere: Set<string>;
  persons: Set<string>;
  /**
   * Units whose inputs differ from the previous run's besides the date (`unitKey`): records
   * changed, or rows and SICK_NOTABLE observations dated in (D0, D], or an enrolment beginning or
   * ending. Their kept inputs (signal-unit-inputs.ts) are not used and are forgotten.
   */
  changedUnits: Map<string, { pupilId: string; schoolId: string }>;
  /** Pupils whose facts changed: their units' kept inputs at every school are forgotten. */
  changedPupils: Set<string>;
}

export function unitKey(pupilId: string, schoolId: string): string {
  return `${pupilId}\u0000${schoolId}`;
}

function addUnit(c: Candidates, schoolId: string, pupilId: string): void {
  const set = c.units.get(schoolId);
  if (set === "all") return;
  if (set) set.add(pupilId);
  else c.units.set(schoolId, new Set([pupilId]));
}

type Pair = { pupil_id: string; school_id: string };

export async function findCandidates(
  sql: SqlClient,
  previous: IsoDate,
  asOf: IsoDate,
  changes: readonly ClaimedChange[],
  calendars: ReadonlyMap<string, SchoolCalendar>,
  profile: SignalProfile,
): Promise<Candidates> {
  const c: Candidates = {
    units: new Map(),
    pupilsEverywhere: new Set(),
    persons: new Set(),
    changedUnits: new Map(),
    changedPupils: new Set(),
  };
  const changedUnit = (schoolId: string, pupilId: string) => {
    addUnit(c, schoolId, pupilId);
    c.changedUnits.set(unitKey(pupilId, schoolId), { pupilId, schoolId });
  };
  for (const ch of changes) {
    if (!ch.pupil_id) continue;
    if (ch.school_id) changedUnit(ch.school_id, ch.pupil_id);
    else if (ch.kind === "pupil") {
      c.pupilsEverywhere.add(ch.pupil_id);
      c.changedPupils.add(ch.pupil_id);
    }
    if (ch.kind !== "attendance" && ch.kind !== "sick_notable") c.persons.add(ch.pupil_id);
  }
  const range = [previous, asOf];

  // Live states that held at D0: seen again (still holding, attributes, or stops holding). A
  // live state that did not hold at D0 is resolved, or not, by the calendar alone
  // (incremental.ts). `held` is "held at the previous run" (lastHeldOnSql), so this is the
  // states whose last held date is D0 or later.
  const live = await sql.query<Pair>(
    `select pupil_id, school_id from signal_states
     where status <> 'resolved' and (held or last_held_on >= $1::date)`,
    [previous],
  );
  for (const s of live) {
    if (s.school_id === "") c.persons.add(s.pupil_id);
    else addUnit(c, s.school_id, s.pupil_id);
  }
  // Records that count at D and did not at D0, whenever they were imported.
  const dated = await sql.query<Pair>(
    "select distinct pupil_id, school_id from attendance where date > $1::date and date <= $2::date",
    range,
  );
  for (const r of dated) changedUnit(r.school_id, r.pupil_id);
  const notable = await sql.query<Pair>(
    `select pupil_id, school_id from sick_notable_observations
     where recorded_on > $1::date and recorded_on <= $2::date`,
    range,
  );
  for (const r of notable) changedUnit(r.school_id, r.pupil_id);
  // Enrolments that begin or end in between (a new unit, a new span start, a person's status).
  const enrolled = await sql.query<Pair>(
    `select pupil_id, school_id from enrolments
     where (start_date > $1::date and start_date <= $2::date)
        or (end_date >= $1::date and end_date < $2::date)`,
    range,
  );
  for (const e of enrolled) {
    changedUnit(e.school_id, e.pupil_id);
    c.persons.add(e.pupil_id);
  }
  // Ages in whole years that enter EARLY_YEARS_20's range (incremental.ts `enteringAges`),
  // widened by a day on each side against any difference between SQL's age() and the domain's
  // birthday rule for 29 February.
  const birthdays = await sql.query<{ pupil_id: string }>(
    `select pupil_id from pupils
     where exists (select 1 from unnest($3::int[]) as a(age)
                   where extract(year from age($2::date + 1, birth_date)) >= a.age
                     and extract(year from age($1::date - 1, birth_date)) < a.age)`,
    [...range, enteringAges(profile)],
  );
  for (const p of birthdays) c.pupilsEverywhere.add(p.pupil_id);

  await addCalendarCandidates(sql, c, previous, asOf, calendars, profile);
  await addPersonCandidates(sql, c, previous, asOf);
  return c;
}

/** UNDER_50 / LONG_TERM_ABSENT after the complete-week window moved, and year-rate thresholds. */
async function addCalendarCandidates(
  sql: SqlClient,
  c: Candidates,
  previous: IsoDate,
  asOf: IsoDate,
  calendars: ReadonlyMap<string, SchoolCalendar>,
  profile: SignalProfile,
): Promise<void> {
  const day = dayNumber(asOf);
  const previousDay = dayNumber(previous);
  const weeks: { school_id: string; monday: string }[] = [];
  const starts: { school_id: string; start_date: string }[] = [];
  for (const calendar of calendars.values()) {
    const school = schoolDaysFor(calendar, day - LOOKBACK_DAYS, day);
    const monday = newCompleteLesweek(school, previousDay, day);
    if (monday !== null)
      weeks.push({ school_id: calendar.schoolId, monday: fromDayNumber(monday) });
    const yearStart = schoolYearStartOfDay(day);
    for (const s of yearRateThresholdStarts(school, previousDay, day, profile)) {
      // Pupils enrolled since before 1 August share the year's start: the whole school.
      if (s === yearStart) c.units.set(calendar.schoolId, "all");
      else starts.push({ school_id: calendar.schoolId, start_date: fromDayNumber(s) });
    }
  }
  if (weeks.length > 0) {
    const rows = await sql.query<Pair>(
      `select distinct a.pupil_id, a.school_id
       from jsonb_to_recordset($1::jsonb) as w(school_id text, monday date)
       join attendance a on a.school_id = w.school_id
        and a.date >= w.monday and a.date <= w.monday + 6
       where a.reason not in ('late', 'exempt_11a') and a.minutes > 0`,
      [JSON.stringify(weeks)],
    );
    for (const r of rows) addUnit(c, r.school_id, r.pupil_id);
  }
  if (starts.length > 0) {
    // A merged enrolment period starts on one of its enrolments' start dates.
    const rows = await sql.query<Pair>(
      `select e.pupil_id, e.school_id
       from jsonb_to_recordset($1::jsonb) as s(school_id text, start_date date)
       join enrolments e on e.school_id = s.school_id and e.start_date = s.start_date`,
      [JSON.stringify(starts)],
    );
    for (const r of rows) addUnit(c, r.school_id, r.pupil_id);
  }
}

/** ABSOLUTE and EXEMPTION_5A_NO_ADVICE: dates in between that start or end a condition. */
async function addPersonCandidates(
  sql: SqlClient,
  c: Candidates,
  previous: IsoDate,
  asOf: IsoDate,
): Promise<void> {
  const rows = await sql.query<{ id: string }>(
    `select pupil_id as id from exemptions
       where (start_date > $1::date and start_date <= $2::date)
          or (end_date >= $1::date and end_date < $2::date)
     union
     select person_id from population
       where (registered_from > $1::date and registered_from <= $2::date)
          -- compulsory school age starts on the 1st of the month after the 5th birthday
          or (birth_date + interval '5 years' > $1::date - 33
              and birth_date + interval '5 years' <= $2::date)`,
    [previous, asOf],
  );
  for (const r of rows) c.persons.add(r.id);
}
