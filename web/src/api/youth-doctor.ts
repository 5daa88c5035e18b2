// /api/youth-doctor-referrals: the school's referrals to the youth doctor (M@ZL), the feedback,
// and the youth doctor's medical notes.
import { apiRequest } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type YouthDoctorReferral = Schemas["YouthDoctorReferral"];
export type YouthDoctorReferrals = Schemas["YouthDoctorReferrals"];
export type MedicalNote = Schemas["MedicalNote"];
export type LoadCapacity = NonNullable<YouthDoctorReferral["feedback"]>["load_capacity"];

const base = "/api/youth-doctor-referrals";

export function fetchReferrals(
  filter: { pupilId?: string; status?: YouthDoctorReferral["status"] },
  signal?: AbortSignal,
): Promise<YouthDoctorReferrals> {
  const query = new URLSearchParams();
  if (filter.pupilId) query.set("pupil_id", filter.pupilId);
  if (filter.status) query.set("status", filter.status);
  const q = query.toString();
  return apiRequest<YouthDoctorReferrals>(
    "GET",
    q ? `${base}?${q}` : base,
    signal ? { signal } : {},
  );
}

export function referToYouthDoctor(body: {
  pupil_id: string;
  question: string;
  consent_on: string;
  referred_on?: string;
}): Promise<YouthDoctorReferral> {
  return apiRequest<YouthDoctorReferral>("POST", base, { body });
}

export function giveFeedback(
  id: string,
  body: { load_capacity: LoadCapacity; advice: string; given_on?: string },
): Promise<YouthDoctorReferral> {
  return apiRequest<YouthDoctorReferral>("POST", `${base}/${encodeURIComponent(id)}/feedback`, {
    body,
  });
}

export function fetchMedicalNotes(id: string, signal?: AbortSignal): Promise<MedicalNote[]> {
  return apiRequest<MedicalNote[]>(
    "GET",
    `${base}/${encodeURIComponent(id)}/medical-notes`,
    signal ? { signal } : {},
  );
}

export function writeMedicalNote(
  id: string,
  body: { text: string; written_on?: string },
): Promise<MedicalNote> {
  return apiRequest<MedicalNote>("POST", `${base}/${encodeURIComponent(id)}/medical-notes`, {
    body,
  });
}

// /api/pupils/{pupil_id}/sick-observations: SICK_NOTABLE recorded by hand (domain.md §4).
export type SickObservation = Schemas["SickObservation"];
export type SickObservations = Schemas["SickObservations"];

const observations = (pupilId: string) =>
  `/api/pupils/${encodeURIComponent(pupilId)}/sick-observations`;

export function fetchSickObservations(
  pupilId: string,
  signal?: AbortSignal,
): Promise<SickObservations> {
  return apiRequest<SickObservations>("GET", observations(pupilId), signal ? { signal } : {});
}

export function recordSickObservation(
  pupilId: string,
  body: { recorded_on?: string; end_date?: string | null; note: string },
): Promise<SickObservation> {
  return apiRequest<SickObservation>("POST", observations(pupilId), { body });
}
