// M@ZL (domain.md §2: the youth doctor follows sick absence, advises on load capacity, and is the
// sole reader of medical details): the school's referral (aanmelding), the youth doctor's
// feedback to the school (terugkoppeling, one per referral) and the youth doctor's medical notes.
// All three are append-only (triggers in the custom part of the migration): a referral is
// answered by adding its feedback, never by changing it. src/domain/youth-doctor/referrals.ts.
import { date, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { pupils, schools } from "./region.ts";

const day = (name: string) => date(name, { mode: "string" });

export const youthDoctorReferrals = pgTable(
  "youth_doctor_referrals",
  {
    id: text("id").primaryKey(),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    /** The referring school (the pupil's school on the referral's day). */
    schoolId: text("school_id")
      .notNull()
      .references(() => schools.schoolId),
    question: text("question").notNull(),
    /** The day the parents (and the child by age, §5) agreed to involving the youth doctor. */
    consentOn: day("consent_on").notNull(),
    referredOn: day("referred_on").notNull(),
    /** The user who referred (mentor or care coordinator). */
    referredBy: text("referred_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("youth_doctor_referrals_pupil_idx").on(t.pupilId),
    index("youth_doctor_referrals_school_idx").on(t.schoolId),
  ],
);

/** The feedback to the school: advice on load capacity only, never medical details. */
export const youthDoctorFeedback = pgTable("youth_doctor_feedback", {
  referralId: text("referral_id")
    .primaryKey()
    .references(() => youthDoctorReferrals.id),
  /** LoadCapacity: full | limited | none_for_now */
  loadCapacity: text("load_capacity").notNull(),
  advice: text("advice").notNull(),
  givenOn: day("given_on").notNull(),
  givenBy: text("given_by").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The youth doctor's own notes on a referral: read by the youth doctor only (read_medical_notes). */
export const medicalNotes = pgTable(
  "medical_notes",
  {
    id: text("id").primaryKey(),
    referralId: text("referral_id")
      .notNull()
      .references(() => youthDoctorReferrals.id),
    pupilId: text("pupil_id")
      .notNull()
      .references(() => pupils.pupilId),
    text: text("text").notNull(),
    writtenOn: day("written_on").notNull(),
    writtenBy: text("written_by").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("medical_notes_referral_idx").on(t.referralId)],
);
