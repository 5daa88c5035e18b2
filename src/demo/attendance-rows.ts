// Turns one day's planned absence into attendance rows (interfaces.md "attendance"): VO by
// lesson number, PO and SO by dagdeel (am/pm) or the whole day. Rows never add up to more
// than the day's scheduled minutes.
import { VO_LESSON_MINUTES } from "./region.ts";
import type { DemoSector } from "./types.ts";

export type AbsenceReason =
  | "sick"
  | "medical"
  | "leave"
  | "religious"
  | "suspended"
  | "other_authorized"
  | "unreported"
  | "truant"
  | "luxury"
  | "late"
  | "removed"
  | "other_unauthorized"
  | "exempt_11a";

/**
 * What a pupil misses on one day: the whole day, the morning or afternoon, a late arrival
 * (minutes late at the first lesson), or a run of lessons (an appointment, skipped lessons).
 */
export interface DayIntent {
  reason: AbsenceReason;
  portion: "day" | "am" | "pm" | "late" | "lessons";
  /** Minutes late, or minutes of an appointment in PO. */
  minutes?: number;
  /** First lesson (1-based) and number of lessons for `lessons`. */
  firstLesson?: number;
  lessonCount?: number;
  note?: string;
}

export interface PeriodMinutes {
  period: string;
  minutes: number;
}

/** PO morning: up to 3.5 hours; the rest of the day is the afternoon. */
const PO_MORNING_MINUTES = 210;

export function rowsForIntent(
  intent: DayIntent,
  sector: DemoSector,
  scheduled: number,
): PeriodMinutes[] {
  if (scheduled <= 0) return [];
  return sector === "vo" ? lessonRows(intent, scheduled) : dagdeelRows(intent, scheduled);
}

function dagdeelRows(intent: DayIntent, scheduled: number): PeriodMinutes[] {
  const morning = Math.min(scheduled, PO_MORNING_MINUTES);
  const afternoon = scheduled - morning;
  switch (intent.portion) {
    case "day":
      return [{ period: "day", minutes: scheduled }];
    case "am":
      return [{ period: "am", minutes: morning }];
    case "pm":
      return afternoon > 0
        ? [{ period: "pm", minutes: afternoon }]
        : [{ period: "am", minutes: morning }];
    case "late":
      return [{ period: "am", minutes: Math.min(intent.minutes ?? 10, morning) }];
    case "lessons": {
      // An appointment: in the afternoon when the day has one and the slot is later.
      const inAfternoon = afternoon > 0 && (intent.firstLesson ?? 1) > 3;
      const available = inAfternoon ? afternoon : morning;
      return [
        {
          period: inAfternoon ? "pm" : "am",
          minutes: Math.min(intent.minutes ?? 60, available),
        },
      ];
    }
  }
}

function lessonRows(intent: DayIntent, scheduled: number): PeriodMinutes[] {
  const lessons = Math.floor(scheduled / VO_LESSON_MINUTES);
  const range = (first: number, last: number): PeriodMinutes[] => {
    const rows: PeriodMinutes[] = [];
    for (let lesson = Math.max(1, first); lesson <= Math.min(lessons, last); lesson++) {
      rows.push({ period: String(lesson), minutes: VO_LESSON_MINUTES });
    }
    return rows;
  };
  const half = Math.ceil(lessons / 2);
  switch (intent.portion) {
    case "day":
      return range(1, lessons);
    case "am":
      return range(1, half);
    case "pm":
      return range(half + 1, lessons);
    case "late": {
      const lesson = Math.min(intent.firstLesson ?? 1, lessons);
      return [
        { period: String(lesson), minutes: Math.min(intent.minutes ?? 10, VO_LESSON_MINUTES) },
      ];
    }
    case "lessons": {
      const count = intent.lessonCount ?? 1;
      // Keep the run inside the day: move it earlier when it would run past the last lesson.
      const first = Math.max(1, Math.min(intent.firstLesson ?? 1, lessons - count + 1));
      return range(first, first + count - 1);
    }
  }
}
