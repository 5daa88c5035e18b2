// The demo's M@ZL referrals (domain.md §2: the youth doctor follows sick absence), written with
// the service the API uses (src/services/youth-doctor.ts): the care coordinator of the first
// school referred the pupil with the most sick absence; the youth doctor wrote a medical note and
// answered with load capacity and advice. The mentor referred a second pupil, still open on the
// youth doctor's worklist. Pupils in a case are left out, so the cases' stories stay as they are.
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { insertFeedback, insertMedicalNote, insertReferral } from "../services/youth-doctor.ts";
import type { DemoRegion } from "./types.ts";
import type { DemoAccounts } from "./users.ts";

/** Pupils of the school, living in its municipality, without a case: most sick days first. */
async function sickPupils(
  db: Database,
  school: { schoolId: string; municipality: string },
  asOf: IsoDate,
  exclude: readonly string[],
): Promise<string[]> {
  const rows = await db.sql.query<{ pupil_id: string }>(
    `select p.pupil_id from pupils p
       join enrolments e on e.pupil_id = p.pupil_id
       join attendance a on a.pupil_id = p.pupil_id and a.school_id = e.school_id
      where e.school_id = $1 and p.municipality = $2 and not (p.pupil_id = any($4::text[]))
        and e.start_date <= $3::date and (e.end_date is null or e.end_date >= $3::date)
        and a.reason = 'sick' and a.date between ($3::date - 60) and $3::date
        and not exists (select 1 from cases c where c.pupil_id = p.pupil_id)
      group by p.pupil_id order by count(*) desc, p.pupil_id limit 2`,
    [school.schoolId, school.municipality, asOf, exclude],
  );
  return rows.map((r) => r.pupil_id);
}

export async function writeDemoYouthDoctorReferrals(
  db: Database,
  region: DemoRegion,
  accounts: DemoAccounts,
  asOf: IsoDate,
  exclude: readonly string[],
): Promise<number> {
  const school = region.schools[0];
  if (!school) return 0;
  const [answered, open] = await sickPupils(db, school, asOf, exclude);
  let n = 0;
  if (answered) {
    const referral = await insertReferral(
      db.sql,
      answered,
      school.schoolId,
      {
        question:
          "Vaak kort ziek en regelmatig naar huis gestuurd. Wat kan deze leerling op school aan, en hoe kunnen wij helpen?",
        consentOn: "2026-02-10",
        referredOn: "2026-02-11",
      },
      accounts.zorgcoordinator,
    );
    await insertMedicalNote(
      db.sql,
      referral,
      {
        text: "Spreekuur met leerling en moeder (synthetische demotekst, alleen jeugdarts).",
        writtenOn: "2026-02-19",
      },
      accounts.jeugdarts,
    );
    await insertFeedback(
      db.sql,
      referral.id,
      {
        loadCapacity: "limited",
        advice:
          "Vier ochtenden per week naar school, gym voorlopig aangepast. Over vier weken kijk ik opnieuw; bel bij nieuwe ziekmeldingen.",
        givenOn: "2026-02-20",
      },
      accounts.jeugdarts,
    );
    n++;
  }
  if (open) {
    await insertReferral(
      db.sql,
      open,
      school.schoolId,
      {
        question:
          "Sinds januari elke week een dag ziek gemeld. Is er iets waar wij rekening mee moeten houden?",
        consentOn: "2026-02-25",
        referredOn: "2026-02-26",
      },
      accounts.mentor,
    );
    n++;
  }
  return n;
}
