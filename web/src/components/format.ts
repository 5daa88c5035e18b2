// How dates, money and people appear on screen: Dutch day-month-year for the ISO dates of the
// API, euros for the budget's cents.

import { roleTitle } from "../features/auth/role-groups.ts";
import { t } from "../i18n/index.ts";
import { formatOrganisation } from "./names.ts";

const DATE = new Intl.DateTimeFormat("nl-NL", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  timeZone: "UTC",
});

const EUROS = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR" });

/** '2026-03-16' → '16-03-2026'; anything else is shown as it came. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const day = /^\d{4}-\d{2}-\d{2}/.test(iso) ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
  return day && !Number.isNaN(day.getTime()) ? DATE.format(day) : iso;
}

export function formatEuros(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? "" : EUROS.format(cents / 100);
}

export function formatNumber(value: number): string {
  return value.toLocaleString(t.locale);
}

/** A participant as people know them: their role and organisation ("(u)" for oneself). */
export function personLabel(
  person: { person_id: string; role: string; organisation: string },
  myId: string,
  /** The case's school: its BRIN code as organisation reads as the school's name. */
  school?: { school_id: string; school_name?: string | null },
): string {
  const who = `${roleTitle(person.role)} – ${formatOrganisation(person.organisation, school)}`;
  return person.person_id === myId ? `${who} ${t.caseFile.participants.you}` : who;
}

/** Days from `from` to `to` (ISO dates), negative when `to` lies before `from`. */
export function daysBetween(from: string, to: string): number {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Math.round((b - a) / 86_400_000);
}

/** The ISO date `days` after `iso`. */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
