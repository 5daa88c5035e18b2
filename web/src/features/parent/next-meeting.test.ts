import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../api/cases.ts";
import { nextMeeting } from "./next-meeting.ts";

type Input = Pick<CaseDetail, "meetings" | "breakthrough_agenda">;
const meeting = (kind: string, date: string) =>
  ({ id: date, kind, date, participant_ids: [], decisions: [] }) as Input["meetings"][number];

describe("nextMeeting", () => {
  it("finds the breakthrough team's meeting on the agenda (the demo's 5 March)", () => {
    const detail: Input = {
      meetings: [meeting("mdo_zat", "2026-01-20")],
      breakthrough_agenda: [
        { team: "Doorbraakteam Lindendaal", added_on: "2026-02-09", meeting_date: "2026-03-05" },
      ],
    };
    expect(nextMeeting(detail, "2026-03-02")).toEqual({
      kind: "breakthrough_team",
      date: "2026-03-05",
      team: "Doorbraakteam Lindendaal",
    });
  });

  it("takes the earliest date from today on, a meeting of today included", () => {
    const detail: Input = {
      meetings: [meeting("mdo_zat", "2026-03-02"), meeting("mdo_zat", "2026-02-01")],
      breakthrough_agenda: [
        { team: "Doorbraakteam Lindendaal", added_on: "2026-02-09", meeting_date: "2026-03-05" },
      ],
    };
    expect(nextMeeting(detail, "2026-03-02")).toEqual({ kind: "mdo_zat", date: "2026-03-02" });
  });

  it("has none when every meeting lies behind and the team has no date yet", () => {
    const detail: Input = {
      meetings: [meeting("mdo_zat", "2026-02-01")],
      breakthrough_agenda: [
        { team: "Doorbraakteam Lindendaal", added_on: "2026-02-09", meeting_date: null },
        { team: "Doorbraakteam Oud", added_on: "2026-01-09", meeting_date: "2026-01-15" },
      ],
    };
    expect(nextMeeting(detail, "2026-03-02")).toBeUndefined();
  });
});
