// The next meeting a parent should know of (issue 11, parent page): the earliest date from today
// on among the case's meetings and the breakthrough team's meetings on the case (its agenda's
// meeting date). Meetings are recorded when they took place, so a future date comes from the
// agenda; a meeting recorded today still counts as today's. The server gives parents both
// lists as dates only (src/http/presenters/case.ts).
import type { CaseDetail } from "../../api/cases.ts";

export interface UpcomingMeeting {
  kind: CaseDetail["meetings"][number]["kind"];
  date: string;
  /** The breakthrough team that meets, for a team meeting from the agenda. */
  team?: string;
}

export function nextMeeting(
  detail: Pick<CaseDetail, "meetings" | "breakthrough_agenda">,
  today: string,
): UpcomingMeeting | undefined {
  const dates: UpcomingMeeting[] = [
    ...detail.meetings.map((m) => ({ kind: m.kind, date: m.date })),
    ...detail.breakthrough_agenda.flatMap((a) =>
      a.meeting_date === null
        ? []
        : [{ kind: "breakthrough_team" as const, date: a.meeting_date, team: a.team }],
    ),
  ];
  return dates.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}
