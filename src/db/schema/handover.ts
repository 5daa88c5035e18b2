// The warm handover PO→VO (issue 15 item 6, src/domain/handover/handover.ts): one row per pupil
// and receiving school, written by the sending school's care coordinator or the case director;
// its status moves open → acknowledged → closed at the receiving school. Consent to let the
// receiving school read it is a consent record (purpose involve_partner, subject the receiving
// school's id), not a column here: it can be withdrawn and its history stays in consent_records.
import { date, index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { pupils, schools } from "./region.ts";

const day = (name: string) => date(name, { mode: "string" });

export const handovers = pgTable(
  "handovers",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    sendingSchoolId: text("sending_school_id")
      .notNull()
      .references(() => schools.schoolId),
    receivingSchoolId: text("receiving_school_id")
      .notNull()
      .references(() => schools.schoolId),
    /** The first day at the secondary school. */
    moveDate: day("move_date").notNull(),
    status: text("status").notNull(),
    whatWasGoingOn: text("what_was_going_on").notNull(),
    whatHelped: text("what_helped").notNull(),
    writtenBy: text("written_by").notNull(),
    writtenOn: day("written_on").notNull(),
    acknowledgedBy: text("acknowledged_by"),
    acknowledgedOn: day("acknowledged_on"),
    closedBy: text("closed_by"),
    closedOn: day("closed_on"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("handovers_pupil_receiving_key").on(t.pupilId, t.receivingSchoolId),
    index("handovers_sending_idx").on(t.sendingSchoolId),
    index("handovers_receiving_idx").on(t.receivingSchoolId, t.status),
  ],
);
