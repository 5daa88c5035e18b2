import { describe, expect, it } from "vitest";
import { duoDueNote, isDuoOverdue } from "./duo-due-note.ts";

const due = "2026-03-18";

describe("the note beside a DUO report's due date", () => {
  it("calls a report not sent yet and past its due date overdue, not reported late", () => {
    const concept = { status: "concept", due_date: due, timeliness: "overdue" as const };
    expect(duoDueNote(concept, "2026-03-19")).toBe("Melding te laat");
    expect(isDuoOverdue(concept, "2026-03-19")).toBe(true);
    // An older server without `timeliness`: the concept's dates decide.
    expect(duoDueNote({ status: "concept", due_date: due }, "2026-03-19")).toBe("Melding te laat");
    expect(duoDueNote({ status: "concept", due_date: due }, due)).toBeUndefined();
  });

  it("says reported late only for a report sent after its due date", () => {
    const sent = (timeliness: "on_time" | "sent_late" | null) => ({
      status: "geregistreerd",
      due_date: due,
      overdue: false,
      timeliness,
    });
    expect(duoDueNote(sent("sent_late"), "2026-04-01")).toBe("Te laat gemeld");
    expect(isDuoOverdue(sent("sent_late"), "2026-04-01")).toBe(false);
    expect(duoDueNote(sent("on_time"), "2026-04-01")).toBeUndefined();
    expect(duoDueNote(sent(null), "2026-04-01")).toBeUndefined();
  });
});
