// domain.md §6 "Arrangements and waiting lists": the region's catalogue of places with capacity
// and waiting lists, so that stagnation by waiting list is visible per provider.
import { dayNumber, type IsoDate } from "../calendar/dates.ts";

export type ArrangementKind = "special_education" | "oza" | "day_programme" | "youth_care";

export interface Arrangement {
  id: string;
  providerId: string;
  name: string;
  kind: ArrangementKind;
  capacity: number;
}

export interface Placement {
  arrangementId: string;
  pupilId: string;
  startDate: IsoDate;
  endDate?: IsoDate;
}

export interface WaitingListEntry {
  arrangementId: string;
  pupilId: string;
  caseId?: string;
  since: IsoDate;
  /** Set when the pupil left the list (placed elsewhere, withdrawn). */
  leftOn?: IsoDate;
}

function activeOn(from: IsoDate, to: IsoDate | undefined, date: IsoDate): boolean {
  return from <= date && (to === undefined || to >= date);
}

export function occupiedPlaces(
  arrangementId: string,
  placements: readonly Placement[],
  date: IsoDate,
): number {
  return placements.filter(
    (p) => p.arrangementId === arrangementId && activeOn(p.startDate, p.endDate, date),
  ).length;
}

export function freePlaces(
  arrangement: Arrangement,
  placements: readonly Placement[],
  date: IsoDate,
): number {
  return Math.max(0, arrangement.capacity - occupiedPlaces(arrangement.id, placements, date));
}

/** The list at D, longest waiting first: the order in which places should be offered. */
export function waitingList(
  arrangementId: string,
  entries: readonly WaitingListEntry[],
  date: IsoDate,
): WaitingListEntry[] {
  return entries
    .filter((e) => e.arrangementId === arrangementId && activeOn(e.since, e.leftOn, date))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : 0));
}

export interface ProviderWaiting {
  providerId: string;
  waiting: number;
  freePlaces: number;
  /** Days the longest-waiting pupil has waited at D. */
  longestWaitDays: number;
}

/** Per provider at D: pupils waiting, free places, longest wait — stagnation by waiting list. */
export function waitingByProvider(
  arrangements: readonly Arrangement[],
  placements: readonly Placement[],
  entries: readonly WaitingListEntry[],
  date: IsoDate,
): ProviderWaiting[] {
  const byProvider = new Map<string, ProviderWaiting>();
  for (const arrangement of arrangements) {
    const row = byProvider.get(arrangement.providerId) ?? {
      providerId: arrangement.providerId,
      waiting: 0,
      freePlaces: 0,
      longestWaitDays: 0,
    };
    const list = waitingList(arrangement.id, entries, date);
    row.waiting += list.length;
    row.freePlaces += freePlaces(arrangement, placements, date);
    const oldest = list[0];
    if (oldest) {
      const days = dayNumber(date) - dayNumber(oldest.since);
      row.longestWaitDays = Math.max(row.longestWaitDays, days);
    }
    byProvider.set(arrangement.providerId, row);
  }
  return [...byProvider.values()].sort((a, b) => a.providerId.localeCompare(b.providerId));
}

/** Why a placement cannot be recorded (domain.md §6: a place is taken only while one is free). */
export type PlacementRefusal =
  | { code: "end_before_start" }
  | { code: "already_placed"; since: IsoDate }
  | { code: "no_free_place"; on: IsoDate };

/**
 * Whether a pupil may take a place from `startDate` (to `endDate`, open when absent): the end is
 * not before the start, the pupil holds no overlapping placement there, and on every day a
 * placement starts within the period a place is free (occupation only rises when one starts).
 */
export function placementRefusal(
  arrangement: Arrangement,
  placements: readonly Placement[],
  next: Placement,
): PlacementRefusal | undefined {
  if (next.endDate !== undefined && next.endDate < next.startDate) {
    return { code: "end_before_start" };
  }
  const here = placements.filter((p) => p.arrangementId === arrangement.id);
  const overlaps = (p: Placement) =>
    p.startDate <= (next.endDate ?? "9999-12-31") && (p.endDate ?? "9999-12-31") >= next.startDate;
  const own = here.find((p) => p.pupilId === next.pupilId && overlaps(p));
  if (own) return { code: "already_placed", since: own.startDate };
  const starts = [
    next.startDate,
    ...here
      .map((p) => p.startDate)
      .filter((d) => d > next.startDate && (next.endDate === undefined || d <= next.endDate)),
  ];
  for (const day of starts) {
    if (freePlaces(arrangement, here, day) === 0) return { code: "no_free_place", on: day };
  }
  return undefined;
}
