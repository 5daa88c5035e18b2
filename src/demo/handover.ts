// The demo's warm handovers PO→VO (issue 15 item 6) and notable sickness recorded by hand (item 4,
// SICK_NOTABLE): two pupils in group 8 of the first (primary) school with the most absence, both
// enrolled from 1 August at the first secondary school. The first has a handover the care
// coordinator wrote, with the parents' (and, from 12, the child's) consent for that school: it
// waits, open, for the receiving school's care coordinator (the `zorgcoordinator-vo` account).
// The second is the mentor's observation of notable sickness, which raises SICK_NOTABLE, so the
// pupil qualifies for a handover still to be written. Pupils in a case, the parent's child and
// the youth doctor's are left out, so their stories stay as they are.
import type { Database } from "../db/connect.ts";
import { insertSickObservation } from "../db/repositories/sick-observations.ts";
import { addDays, type IsoDate } from "../domain/calendar/dates.ts";
import { ageOn } from "../domain/cases/consent.ts";
import { insertHandover, recordHandoverConsent } from "../services/handovers.ts";
import type { DemoRegion } from "./types.ts";
import type { DemoAccounts } from "./users.ts";

/** The first day at the secondary school: the start of the next school year. */
function nextSchoolYearStart(asOf: IsoDate): IsoDate {
  const year = Number(asOf.slice(0, 4)) + (asOf.slice(5) >= "08-01" ? 1 : 0);
  return `${year}-08-01`;
}

/** Group-8 pupils of the school with the most absence in the 60 days up to asOf, without a case. */
async function movingPupils(
  db: Database,
  schoolId: string,
  asOf: IsoDate,
  exclude: readonly string[],
): Promise<{ pupil_id: string; birth_date: string }[]> {
  return db.sql.query<{ pupil_id: string; birth_date: string }>(
    `select p.pupil_id, p.birth_date::text from pupils p
       join enrolments e on e.pupil_id = p.pupil_id and e.school_id = $1 and e.grade = '8'
       left join attendance a on a.pupil_id = p.pupil_id and a.school_id = $1
            and a.date between ($2::date - 60) and $2::date and a.reason <> 'late'
      where not (p.pupil_id = any($3::text[]))
        and not exists (select 1 from cases c where c.pupil_id = p.pupil_id)
        and not exists (select 1 from youth_doctor_referrals r where r.pupil_id = p.pupil_id)
      group by p.pupil_id, p.birth_date order by count(a.pupil_id) desc, p.pupil_id limit 2`,
    [schoolId, asOf, exclude],
  );
}

export async function writeDemoHandovers(
  db: Database,
  region: DemoRegion,
  accounts: DemoAccounts,
  asOf: IsoDate,
  exclude: readonly string[],
): Promise<number> {
  const sending = region.schools[0];
  const receiving = region.schools.find((s) => s.sector === "vo");
  if (sending?.sector !== "po" || !receiving) return 0;
  const moveDate = nextSchoolYearStart(asOf);
  const pupils = await movingPupils(db, sending.schoolId, asOf, exclude);
  for (const p of pupils) {
    await db.sql.query(
      `update enrolments set end_date = $3 where pupil_id = $1 and school_id = $2 and end_date is null`,
      [p.pupil_id, sending.schoolId, addDays(moveDate, -1)],
    );
    await db.sql.query(
      `insert into enrolments (pupil_id, school_id, start_date, end_date, grade)
       values ($1, $2, $3, null, '1')`,
      [p.pupil_id, receiving.schoolId, moveDate],
    );
  }
  const [written, observed] = pupils;
  if (observed) {
    await insertSickObservation(db.orm, {
      pupilId: observed.pupil_id,
      schoolId: sending.schoolId,
      recordedOn: addDays(asOf, -7),
      endDate: null,
      note: "Wordt de laatste weken vaak ziek opgehaald, vooral op maandag (demotekst).",
      recordedBy: accounts.mentor,
    });
  }
  if (!written) return 0;
  const handover = await insertHandover(
    db.sql,
    {
      pupilId: written.pupil_id,
      sendingSchoolId: sending.schoolId,
      receivingSchoolId: receiving.schoolId,
      moveDate,
      writtenOn: addDays(asOf, -3),
      whatWasGoingOn:
        "In groep 8 vaak afwezig op maandag en na de vakanties; thuis een zware periode na een verhuizing (synthetische demotekst).",
      whatHelped:
        "Een vaste begroeting door de mentor, een rustige plek voor de eerste les en wekelijks kort contact met moeder.",
    },
    accounts.zorgcoordinator,
  );
  if (!handover) return 0;
  const consentOn = addDays(asOf, -4);
  await recordHandoverConsent(
    db.orm,
    handover,
    null,
    {
      decision: "given",
      giver: { kind: "parent", personId: `${written.pupil_id}:ouders` },
      at: consentOn,
    },
    accounts.zorgcoordinator,
  );
  if (ageOn(written.birth_date, consentOn) >= 12) {
    await recordHandoverConsent(
      db.orm,
      handover,
      null,
      { decision: "given", giver: { kind: "child" }, at: consentOn },
      accounts.zorgcoordinator,
    );
  }
  return 1;
}
