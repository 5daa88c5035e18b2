// The demo's leave requests (domain.md §4, verlof), registered and decided through the service
// the API uses (src/services/leave-requests.ts): the demo parent's request waiting for the
// school head, a long request of the school waiting for leerplicht, one granted and one refused
// by the rules (a job holiday in the first lesweken). Only pupils without absence in those
// dates take part, so the leave changes none of the demo's signals.
import type { Database } from "../db/connect.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import {
  decideLeaveRequest,
  type NewLeaveRequest,
  registerLeaveRequest,
} from "../services/leave-requests.ts";
import type { DemoRegion } from "./types.ts";
import type { DemoAccounts } from "./users.ts";

/** A pupil of the school living in its municipality, without absence in [from, to]. */
async function quietPupil(
  db: Database,
  school: { schoolId: string; municipality: string },
  exclude: readonly string[],
  from: IsoDate,
  to: IsoDate,
): Promise<string | undefined> {
  const [row] = await db.sql.query<{ pupil_id: string }>(
    `select p.pupil_id from pupils p join enrolments e on e.pupil_id = p.pupil_id
     where e.school_id = $1 and p.municipality = $2 and not (p.pupil_id = any($3::text[]))
       and e.start_date <= $4::date and (e.end_date is null or e.end_date >= $5::date)
       and not exists (select 1 from attendance a where a.pupil_id = p.pupil_id
                       and a.date between $4::date and $5::date)
       and not exists (select 1 from cases c where c.pupil_id = p.pupil_id)
     order by p.pupil_id limit 1`,
    [school.schoolId, school.municipality, exclude, from, to],
  );
  return row?.pupil_id;
}

async function register(db: Database, input: NewLeaveRequest, on: IsoDate): Promise<string> {
  const result = await registerLeaveRequest(db, input, on);
  if (!result.ok) throw new Error(`demo leave request: ${result.error}`);
  return result.request.id;
}

export async function writeDemoLeaveRequests(
  db: Database,
  region: DemoRegion,
  accounts: DemoAccounts,
  parentPupilId: string,
  asOf: IsoDate,
): Promise<number> {
  const school = region.schools[0];
  if (!school) return 0;
  const used = [parentPupilId];
  const pick = async (from: IsoDate, to: IsoDate) => {
    const id = await quietPupil(db, school, used, from, to);
    if (id) used.push(id);
    return id;
  };
  const long = await pick(asOf, "2026-04-03");
  const approved = await pick("2026-02-02", "2026-02-03");
  const refused = await pick("2025-09-08", "2025-09-12");
  let n = 0;
  // The demo parent asks for a job holiday after the demo date: the school head decides.
  await register(
    db,
    {
      pupilId: parentPupilId,
      kind: "job_holiday",
      startDate: "2026-04-13",
      endDate: "2026-04-17",
      reason: "Wij werken allebei in de fruitteelt en kunnen in de zomer niet weg.",
      requestedByKind: "parent",
      requestedBy: accounts.ouder,
    },
    "2026-02-23",
  );
  n++;
  if (long) {
    // The school registers leave of more than 10 school days: leerplicht decides.
    await register(
      db,
      {
        pupilId: long,
        kind: "important_circumstances",
        startDate: "2026-03-16",
        endDate: "2026-04-03",
        reason: "Verblijf bij een ernstig zieke grootouder in het buitenland.",
        requestedByKind: "school",
        requestedBy: accounts.zorgcoordinator,
      },
      "2026-02-26",
    );
    n++;
  }
  if (approved) {
    const id = await register(
      db,
      {
        pupilId: approved,
        kind: "important_circumstances",
        startDate: "2026-02-02",
        endDate: "2026-02-03",
        reason: "Begrafenis van een grootouder.",
        requestedByKind: "parent",
        requestedBy: accounts.ouder,
      },
      "2026-01-26",
    );
    await decideLeaveRequest(
      db,
      id,
      {
        status: "approved",
        reason: "Gewichtige omstandigheid.",
        decidedBy: accounts.schooldirectie,
      },
      "2026-01-27",
    );
    n++;
  }
  if (refused) {
    const id = await register(
      db,
      {
        pupilId: refused,
        kind: "job_holiday",
        startDate: "2025-09-08",
        endDate: "2025-09-12",
        reason: "Goedkopere vakantie na het hoogseizoen.",
        requestedByKind: "parent",
        requestedBy: accounts.ouder,
      },
      "2025-08-25",
    );
    await decideLeaveRequest(
      db,
      id,
      {
        status: "refused",
        reason: "Vakantieverlof kan niet in de eerste twee lesweken van het schooljaar.",
        decidedBy: accounts.schooldirectie,
      },
      "2025-08-27",
    );
    n++;
  }
  return n;
}
