// The next meeting a parent should know of: the earliest recorded meeting or breakthrough-team
// date from today on.
import type { CaseDetail } from "../../api/cases.ts";

export interface UpcomingMeeting {
  kind: CaseDetail["meetings"][number]["kind"];
  date: string;
}

export function nextMeeting(detail: CaseDetail, today: string): UpcomingMeeting | undefined {
  const dates: UpcomingMeeting[] = [
    ...detail.meetings.map((m) => ({ kind: m.kind, date: m.date })),
    ...detail.breakthrough_agenda.flatMap((a) =>
      a.meeting_date === null ? [] : [{ kind: "breakthrough_team" as const, date: a.meeting_date }],
    ),
  ];
  return dates.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}
