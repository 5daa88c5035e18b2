// GET /api/pupils/{pupil_id}/attendance (the pupil page's absence calendar): per school day the
// scheduled minutes and the absent minutes by kind (domain.md §3). Visible exactly when
// GET /api/pupils/{id} is (404 otherwise, audited); the absence itself per school the user may
// see it for (staff: their own school's records only); authorized absence (sick included) for
// leerplicht only with consent (a) (domain.md §5: without (a) leerplicht does not see the pupil's
// authorized absence). Notes are never sent: they stay with the school (interfaces.md).
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { gate, may, type PupilRecordFacts, recordScope } from "../../access/index.ts";
import type { Orm } from "../../db/connect.ts";
import { activeParticipantsOfPupil } from "../../db/repositories/cases.ts";
import { loadPupilFile, loadSchoolCalendars } from "../../db/repositories/cases-pupil.ts";
import { loadConsentFile } from "../../db/repositories/consent.ts";
import { attendance, schools } from "../../db/schema/region.ts";
import { addDays, isIsoDate } from "../../domain/calendar/dates.ts";
import { type EnrolmentSpan, schoolsOfSchoolYear } from "../../domain/calendar/school-year.ts";
import { hasConsent } from "../../domain/cases/consent.ts";
import type { Action, PupilScope } from "../../domain/policy/resources.ts";
import { UNAUTHORIZED_REASONS } from "../../domain/signals/types.ts";
import type { HttpContext } from "../context.ts";
import { PupilId } from "../input-schemas.ts";
import { type PupilAttendanceBody, PupilAttendanceSchema } from "../presenters/attendance.ts";
import { forbidden, HttpProblem, problemResponses } from "../problem.ts";
import { admitted, commandActor } from "./cases-http.ts";

const MAX_RANGE_DAYS = 400;
const IsoDate = z.string().refine(isIsoDate, "a date YYYY-MM-DD");

type Day = PupilAttendanceBody["days"][number];

export function registerPupilAttendanceRoutes(app: FastifyInstance, ctx: HttpContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/pupils/:pupil_id/attendance",
    {
      schema: {
        summary: "A pupil's absence per school day (absence calendar)",
        tags: ["pupils"],
        params: z.object({ pupil_id: PupilId }),
        querystring: z.object({ from: IsoDate.optional(), to: IsoDate.optional() }),
        response: { 200: PupilAttendanceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const pupilId = request.params.pupil_id;
      const today = ctx.today();
      // The same queries whether or not the pupil exists (issue 20 item 8a).
      const file = await loadPupilFile(ctx.db.orm, pupilId);
      const participantIds = await activeParticipantsOfPupil(ctx.db.orm, pupilId);
      const facts: PupilRecordFacts | null = file
        ? { residenceMunicipality: file.municipality, enrolments: file.enrolments, participantIds }
        : null;
      // The same gate and audit row as GET /api/pupils/{id}: 404 for a pupil one may not see.
      const actor = commandActor(request);
      admitted(
        await gate(
          ctx.db.orm,
          actor,
          "read_pupil",
          facts ? { kind: "pupil", pupil: recordScope(pupilId, facts, today) } : null,
          { action: "read_pupil", resourceType: "pupil", resourceId: pupilId, pupilId },
        ),
      );
      if (!file || !facts) throw forbidden(); // unreachable: the gate refuses a missing pupil

      const { from, to } = range(request.query, today);
      const consent = await loadConsentFile(ctx.db.orm, pupilId);
      const base: PupilScope = {
        ...recordScope(pupilId, facts, today),
        consentShareAuthorizedAbsence:
          !!consent &&
          hasConsent(consent, "share_authorized_absence_with_leerplicht", undefined, today),
      };
      const currentSchools = schoolsOfSchoolYear(facts.enrolments, today);
      // Each school's records on their own: staff of one school see that school's absence only.
      const allows = (action: Action, schoolId: string) =>
        may(actor, action, {
          kind: "pupil",
          pupil: { ...base, schoolIds: currentSchools.includes(schoolId) ? [schoolId] : [] },
        }).ok;
      const schoolIds = [...new Set(file.enrolments.map((e) => e.schoolId))];
      const visible = schoolIds.filter((s) => allows("read_attendance_unauthorized", s));
      const authorizedVisible =
        visible.length > 0 && visible.every((s) => allows("read_attendance_authorized", s));

      // Allowed exactly when some school's absence is visible: the schools above are the pupil's
      // current ones, the same the per-school checks use.
      admitted(
        await gate(
          ctx.db.orm,
          actor,
          "read_attendance_unauthorized",
          { kind: "pupil", pupil: { ...base, schoolIds: currentSchools } },
          {
            action: "read_attendance",
            resourceType: "attendance",
            resourceId: pupilId,
            pupilId,
            context: {
              from,
              to,
              schools: visible.join(","),
              authorized: String(authorizedVisible),
            },
          },
          { visibleWith: { action: "read_pupil" } },
        ),
        "Your roles do not show this pupil's absence.",
      );

      const days = await absenceDays(ctx.db.orm, pupilId, file.enrolments, visible, {
        from,
        to: [to, today].sort()[0] as string,
        authorizedVisible,
      });
      const names = await ctx.db.orm
        .select({ school_id: schools.schoolId, name: schools.name })
        .from(schools)
        .where(inArray(schools.schoolId, visible))
        .orderBy(asc(schools.schoolId));
      return {
        pupil_id: pupilId,
        from,
        to,
        authorized_visible: authorizedVisible,
        schools: names,
        days,
      };
    },
  );
}

/** Default: the school year of today (1 August – 31 July). */
function range(query: { from?: string | undefined; to?: string | undefined }, today: string) {
  const year = Number(today.slice(0, 4));
  const startYear = today.slice(5, 7) >= "08" ? year : year - 1;
  const from = query.from ?? `${startYear}-08-01`;
  const to = query.to ?? `${startYear + 1}-07-31`;
  if (from > to) throw new HttpProblem(400, "'from' lies after 'to'.");
  if (addDays(from, MAX_RANGE_DAYS) < to) {
    throw new HttpProblem(400, `Ask for at most ${MAX_RANGE_DAYS} days at a time.`);
  }
  return { from, to };
}

const AUTHORIZED_OTHER = new Set([
  "medical",
  "leave",
  "religious",
  "suspended",
  "other_authorized",
]);

/** Every school day of the visible enrolments in the range, with that day's absence. */
async function absenceDays(
  orm: Orm,
  pupilId: string,
  enrolments: readonly EnrolmentSpan[],
  schoolIds: readonly string[],
  window: { from: string; to: string; authorizedVisible: boolean },
): Promise<Day[]> {
  const calendars = await loadSchoolCalendars(orm, schoolIds);
  const byKey = new Map<string, Day>();
  const dayOf = (schoolId: string, date: string): Day => {
    const key = `${schoolId}|${date}`;
    let day = byKey.get(key);
    if (!day) {
      day = {
        date,
        school_id: schoolId,
        scheduled_minutes: calendars.get(schoolId)?.scheduledMinutes(date) ?? 0,
        unauthorized_minutes: 0,
        late_minutes: 0,
        late_count: 0,
        sick_minutes: window.authorizedVisible ? 0 : null,
        authorized_minutes: window.authorizedVisible ? 0 : null,
        reasons: [],
      };
      byKey.set(key, day);
    }
    return day;
  };
  for (const e of enrolments) {
    const calendar = calendars.get(e.schoolId);
    if (!calendar || !schoolIds.includes(e.schoolId)) continue;
    let date = [e.startDate, window.from].sort()[1] as string;
    const last = [e.endDate ?? window.to, window.to].sort()[0] as string;
    for (; date <= last; date = addDays(date, 1)) {
      if (calendar.isSchoolDay(date)) dayOf(e.schoolId, date);
    }
  }
  const rows = await orm
    .select({
      date: attendance.date,
      schoolId: attendance.schoolId,
      minutes: attendance.minutes,
      reason: attendance.reason,
    })
    .from(attendance)
    .where(
      and(
        eq(attendance.pupilId, pupilId),
        inArray(attendance.schoolId, [...schoolIds]),
        gte(attendance.date, window.from),
        lte(attendance.date, window.to),
      ),
    );
  for (const row of rows) {
    const day = dayOf(row.schoolId, row.date);
    const reason = row.reason;
    if (reason === "exempt_11a") {
      // Not absence: these minutes leave the pupil's scheduled time (domain.md §3).
      day.scheduled_minutes = Math.max(0, day.scheduled_minutes - row.minutes);
      continue;
    }
    if (reason === "late") {
      day.late_minutes += row.minutes;
      day.late_count += 1;
    } else if ((UNAUTHORIZED_REASONS as ReadonlySet<string>).has(reason)) {
      day.unauthorized_minutes += row.minutes;
    } else if (!window.authorizedVisible) {
      continue; // authorized absence the user may not see: not even its reason code
    } else if (reason === "sick") {
      day.sick_minutes = (day.sick_minutes ?? 0) + row.minutes;
    } else if (AUTHORIZED_OTHER.has(reason)) {
      day.authorized_minutes = (day.authorized_minutes ?? 0) + row.minutes;
    }
    if (!day.reasons.includes(reason)) day.reasons.push(reason);
  }
  for (const day of byKey.values()) day.reasons.sort();
  return [...byKey.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.school_id.localeCompare(b.school_id),
  );
}
