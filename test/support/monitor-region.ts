// Test data for the monitor routes, on top of test/support/test-app.ts's region (Zandstad,
// schools 12AB00/PO2605 and 34CD00/VO2605, today 2026-03-02): pupils with cases in several
// phases and persons in the population register without an enrolment (absolute absence).
import type { Database } from "../../src/db/connect.ts";
import { seedRegion } from "./seed-region.ts";

export const MONITOR_PUPILS = [
  "P1001",
  "P1002",
  "P1003",
  "P1004",
  "P1005",
  "P1006",
  "P1007",
  "P1008",
];
export const ABSENT_PERSONS = ["X2001", "X2002", "X2003", "X2004", "X2005", "X2006"];
/** Every name in the fixtures: no monitor response may contain one. */
export const FIXTURE_NAMES = [
  "Verbeek",
  "Kuiper",
  "Bakker",
  "Dekker",
  "Monitorkind",
  "Registerkind",
];

export async function insertCaseRow(
  db: Database,
  c: {
    id: string;
    pupilId: string;
    schoolId?: string;
    phase: string;
    openedAt: string;
    absenceStart: string;
    ownerId: string;
    closedAt?: string;
    outcome?: string;
    offerStartedOn?: string;
    transitions?: { at: string; from: string; to: string; command: string }[];
  },
): Promise<void> {
  await db.sql.query(
    `insert into cases (id, pupil_id, school_id, phase, owner_person_id, owner_role,
       owner_organisation, opened_at, opening_kind, opening_reason, absence_start_date,
       clock_mode, closed_outcome, closed_at, closed_duration_days, closed_guarantee_held,
       offer_started_on)
     values ($1, $2, $3, $4, $5, 'care_coordinator', $3, $6, 'by_hand', 'zorg', $7, 'lesweken',
       $8, $9, $10, $11, $12)`,
    [
      c.id,
      c.pupilId,
      c.schoolId ?? "12AB00",
      c.phase,
      c.ownerId,
      c.openedAt,
      c.absenceStart,
      c.outcome ?? null,
      c.closedAt ?? null,
      c.closedAt ? 60 : null,
      c.closedAt ? true : null,
      c.offerStartedOn ?? null,
    ],
  );
  await db.sql.query(
    `insert into case_participants (case_id, seq, person_id, role, organisation, since)
     values ($1, 1, $2, 'care_coordinator', $3, $4)`,
    [c.id, c.ownerId, c.schoolId ?? "12AB00", c.openedAt],
  );
  let seq = 0;
  for (const t of c.transitions ?? []) {
    await db.sql.query(
      `insert into case_transitions (case_id, seq, command, from_phase, to_phase, at, by_kind,
         by_job, reason, basis) values ($1, $2, $3, $4, $5, $6, 'system', 'test', 'test', 'decision')`,
      [c.id, ++seq, t.command, t.from, t.to, t.at],
    );
  }
}

/** 5 cases in SCHOOL (< 4 weeks), 2 with the case director (3–6 months), 1 closed. */
export async function seedMonitorRegion(db: Database, ownerId: string): Promise<void> {
  await seedRegion(db, {
    pupils: MONITOR_PUPILS.map((id) => ({
      pupilId: id,
      givenName: `Kind${id}`,
      familyName: "Monitorkind",
      birthDate: "2014-04-01",
      municipality: "Zandstad",
    })),
    enrolments: MONITOR_PUPILS.map((id) => ({
      pupilId: id,
      schoolId: "12AB00",
      startDate: "2022-08-22",
      grade: "6",
    })),
    population: ABSENT_PERSONS.map((id) => ({
      personId: id,
      givenName: `Per${id}`,
      familyName: "Registerkind",
      birthDate: "2014-02-01",
      municipality: "Zandstad",
      registeredFrom: "2014-02-10",
    })),
  });
  for (const id of MONITOR_PUPILS.slice(0, 5)) {
    await insertCaseRow(db, {
      id: `case-${id}`,
      pupilId: id,
      phase: "SCHOOL",
      openedAt: "2026-02-23",
      absenceStart: "2026-02-16",
      ownerId,
    });
  }
  for (const id of MONITOR_PUPILS.slice(5, 7)) {
    await insertCaseRow(db, {
      id: `case-${id}`,
      pupilId: id,
      phase: "CASE_DIRECTOR",
      openedAt: "2025-11-10",
      absenceStart: "2025-11-03",
      ownerId,
      transitions: [
        { at: "2025-12-01", from: "SCHOOL", to: "CASE_DIRECTOR", command: "hand_to_director" },
      ],
    });
  }
  await insertCaseRow(db, {
    id: "case-P1008",
    pupilId: "P1008",
    phase: "CLOSED",
    openedAt: "2025-10-06",
    absenceStart: "2025-10-01",
    ownerId,
    closedAt: "2026-01-15",
    outcome: "special_education",
    offerStartedOn: "2025-12-15",
    transitions: [{ at: "2026-01-15", from: "SCHOOL", to: "CLOSED", command: "close" }],
  });
}

/** Every pupil/person id and name of the fixtures, to assert none leaks into a response. */
export function personalStrings(): string[] {
  return [
    "P0001",
    "P0002",
    "P0003",
    "P0004",
    ...MONITOR_PUPILS,
    ...ABSENT_PERSONS,
    ...FIXTURE_NAMES,
    "Fenna",
    "Daan",
    "Liv",
    "Mees",
  ];
}

/**
 * Thuiszitters at 2026-03-02: P1001 and P1002 absent without reason, P1003 sick, for all
 * scheduled time of 12AB00 in the 4 complete lesweken before (2026-02-02 … 2026-02-27).
 */
export async function seedLongTermAbsence(db: Database): Promise<void> {
  await db.sql.exec(`
    insert into attendance (pupil_id, date, period, school_id, minutes, reason)
    select p.id, d::date, 'day', '12AB00',
           case extract(isodow from d) when 3 then 180 else 300 end, p.reason
    from (values ('P1001', 'unreported'), ('P1002', 'truant'), ('P1003', 'sick')) as p(id, reason),
         generate_series('2026-02-02'::date, '2026-02-27'::date, interval '1 day') as d
    where extract(isodow from d) between 1 and 5;
  `);
}
