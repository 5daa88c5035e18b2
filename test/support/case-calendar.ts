// Test support for cases/*.test.ts: a small hand-made school calendar and a case on it.
// Kerstvakantie 2025-12-20 … 2026-01-04 and voorjaarsvakantie (zuid) 2026-02-14 … 2026-02-22.
import { buildSchoolCalendar } from "../../src/domain/calendar/school-calendar.ts";
import type { ConsentFile } from "../../src/domain/cases/consent.ts";
import { type Case, type CaseActor, type NewCase, openCase } from "../../src/domain/cases/model.ts";

export const calendar = buildSchoolCalendar(
  { schoolId: "99ZZ00", holidayRegion: "zuid", minutesByWeekday: [300, 300, 300, 300, 300] },
  [
    { scope: "all", startDate: "2025-12-20", endDate: "2026-01-04", name: "kerstvakantie" },
    { scope: "zuid", startDate: "2026-02-14", endDate: "2026-02-22", name: "voorjaarsvakantie" },
  ],
);

export const coordinator = {
  personId: "u-zc",
  role: "care_coordinator",
  organisation: "99ZZ00",
} as const;
export const director = {
  personId: "u-cr",
  role: "case_director",
  organisation: "gemeente Voorbeeld",
} as const;
export const system: CaseActor = { kind: "system", job: "daily-escalation" };
export const directorActor: CaseActor = { kind: "person", personId: "u-cr", role: "case_director" };
export const coordinatorActor: CaseActor = {
  kind: "person",
  personId: "u-zc",
  role: "care_coordinator",
};

/** A case opened by hand for an absence that started on Wednesday 2025-11-26. */
export function sampleCase(overrides: Partial<NewCase> = {}): Case {
  const opened = openCase({
    id: "c-1",
    pupilId: "P000001",
    schoolId: "99ZZ00",
    openedAt: "2025-11-26",
    opening: { kind: "by_hand", reason: "mentor maakt zich zorgen" },
    absenceStartDate: "2025-11-26",
    owner: coordinator,
    ...overrides,
  });
  if (!opened.ok) throw new Error(opened.message);
  return opened.case;
}

/** A consent file for a child born 2015-06-01 (10 in 2025-26) with no records yet. */
export function emptyConsent(childBirthDate = "2015-06-01"): ConsentFile {
  return { childBirthDate, records: [] };
}
