// What a client sees of a pupil's absence per school day (GET /api/pupils/{id}/attendance,
// src/http/routes/pupil-attendance.ts). Zod only, so the web app can import the types.
import { z } from "zod";

export const AttendanceDaySchema = z.object({
  date: z.iso.date(),
  school_id: z.string(),
  scheduled_minutes: z.number().int(),
  unauthorized_minutes: z.number().int(),
  late_minutes: z.number().int(),
  late_count: z.number().int(),
  sick_minutes: z.number().int().nullable().describe("null: authorized absence not visible"),
  authorized_minutes: z
    .number()
    .int()
    .nullable()
    .describe("authorized absence other than sick; null when not visible"),
  reasons: z.array(z.string()),
});

export const PupilAttendanceSchema = z
  .object({
    pupil_id: z.string(),
    from: z.iso.date(),
    to: z.iso.date(),
    authorized_visible: z
      .boolean()
      .describe("false: leerplicht without consent (a) sees unauthorized absence only"),
    schools: z.array(z.object({ school_id: z.string(), name: z.string() })),
    days: z.array(AttendanceDaySchema),
  })
  .meta({ id: "PupilAttendance" });

export type PupilAttendanceBody = z.infer<typeof PupilAttendanceSchema>;
