// What a client sees of one pupil: identity and enrolments. Contact details and attendance
// notes are not part of it (need-to-know: they get their own, narrower endpoints).
import { z } from "zod";

export const EnrolmentSchema = z
  .object({
    school_id: z.string(),
    school_name: z.string(),
    start_date: z.iso.date(),
    end_date: z.iso.date().nullable(),
    grade: z.string().nullable(),
  })
  .meta({ id: "Enrolment" });

export const PupilSchema = z
  .object({
    pupil_id: z.string(),
    given_name: z.string(),
    family_name: z.string(),
    birth_date: z.iso.date(),
    municipality: z.string().describe("municipality of residence"),
    enrolments: z.array(EnrolmentSchema),
  })
  .meta({ id: "Pupil" });

export type PupilBody = z.infer<typeof PupilSchema>;

export interface PupilRecord {
  pupilId: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  municipality: string;
  enrolments: {
    schoolId: string;
    schoolName: string;
    startDate: string;
    endDate: string | null;
    grade: string | null;
  }[];
}

export function presentPupil(pupil: PupilRecord): PupilBody {
  return {
    pupil_id: pupil.pupilId,
    given_name: pupil.givenName,
    family_name: pupil.familyName,
    birth_date: pupil.birthDate,
    municipality: pupil.municipality,
    enrolments: pupil.enrolments.map((e) => ({
      school_id: e.schoolId,
      school_name: e.schoolName,
      start_date: e.startDate,
      end_date: e.endDate,
      grade: e.grade,
    })),
  };
}
