// The next meeting a parent should know of: the earliest recorded meeting or breakthrough-team
// date from today on.
import type { CaseDetail } from "../../api/cases.ts";

export interface UpcomingMeeting {
  kind: string;
  date: string;
}

export function nextMeeting(detail: CaseDetail, today: string): UpcomingMeeting | undefined {
  const dates: UpcomingMeeting[] = [
    ...detail.meetings.map((m) => ({ kind: m.kind, date: m.date })),
    ...detail.breakthrough_agenda
      .filter((a) => a.meeting_date !== null)
      .map((a) => ({ kind: "breakthrough_team", date: a.meeting_date as string })),
  ];
  return dates.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
}
