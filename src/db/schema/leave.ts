// Leave requests (verlof, domain.md §4: Leerplichtwet art. 11/13a/14): registered by a parent or
// the school, decided by the school head (≤ 10 school days) or leerplicht (above). The decision
// keeps its reason and the route of objection for the letter. src/domain/leave has the rules.
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const day = (name: string) => date(name, { mode: "string" });
const at = (name: string) => timestamp(name, { withTimezone: true });

export const leaveRequests = pgTable(
  "leave_requests",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id").notNull(),
    schoolId: text("school_id").notNull(),
    /** job_holiday (art. 13a) or important_circumstances (art. 14). */
    kind: text("kind").notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    /** The applicant's reason, in their words. */
    reason: text("reason").notNull(),
    schoolDays: integer("school_days").notNull(),
    /** school_head or attendance_officer (domain.md §4: by the number of school days). */
    decider: text("decider").notNull(),
    /** requested, approved or refused. */
    status: text("status").notNull(),
    /** parent or school. */
    requestedByKind: text("requested_by_kind").notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedOn: day("requested_on").notNull(),
    decidedBy: text("decided_by"),
    decidedOn: day("decided_on"),
    /** The decider's motivation (required on a refusal). */
    decisionReason: text("decision_reason"),
    /** The §4 rules the request broke when it was decided (codes of src/domain/leave/rules.ts). */
    ruleViolations: jsonb("rule_violations").notNull().default(sql`'[]'::jsonb`),
    /** The route of objection as stated in the decision ("bezwaar binnen 6 weken"). */
    objectionRoute: text("objection_route"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("leave_requests_unit_idx").on(t.schoolId, t.pupilId),
    index("leave_requests_status_idx").on(t.status),
  ],
);
