// Why a signal fired, in plain Dutch (domain.md §4: "each signal carries its evidence so that a
// professional can see why"): one sentence from the evidence, and the figures themselves with
// Dutch labels for who wants the numbers.
import type { SignalRow } from "../../api/signals.ts";
import { formatDate } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";

type Evidence = SignalRow["evidence"];

const num = (e: Evidence, key: string): number =>
  typeof e[key] === "number" ? (e[key] as number) : 0;
const date = (e: Evidence, key: string): string =>
  typeof e[key] === "string" ? formatDate(e[key] as string) : "";
const hours = (e: Evidence): string =>
  t.common.minutesAsHours(
    typeof e.unauthorized_minutes === "number"
      ? e.unauthorized_minutes
      : num(e, "unauthorized_hours") * 60,
  );
const pct = (e: Evidence): string => `${num(e, "absence_percentage").toLocaleString(t.locale)}%`;

export function explainSignal(signal: Pick<SignalRow, "code" | "evidence">): string {
  const e = signal.evidence;
  const x = t.explain;
  switch (signal.code) {
    case "LEGAL_16H":
      return x.LEGAL_16H(hours(e), date(e, "window_start"), date(e, "window_end"));
    case "PREVENTIVE_10H":
      return x.PREVENTIVE_10H(hours(e), date(e, "window_start"), date(e, "window_end"));
    case "SICK_FREQUENT":
      return x.SICK_FREQUENT(num(e, "episodes"), date(e, "window_start"));
    case "SICK_LONG":
      return x.SICK_LONG(num(e, "sick_days"), date(e, "episode_start"), e.ongoing === true);
    case "SICK_SPREAD":
      return x.SICK_SPREAD(num(e, "sick_days"), num(e, "episodes"), date(e, "window_start"));
    case "SICK_NOTABLE":
      return x.SICK_NOTABLE;
    case "LATE_REPEATED":
      return x.LATE_REPEATED(num(e, "late_arrivals"), date(e, "window_start"));
    case "UNDER_50":
      return x.UNDER_50(pct(e), date(e, "window_start"), date(e, "window_end"));
    case "LONG_TERM_ABSENT":
      return x.LONG_TERM_ABSENT(date(e, "window_start"), date(e, "window_end"));
    case "PERSISTENT_10":
      return x.PERSISTENT_10(pct(e), date(e, "window_start"));
    case "EARLY_YEARS_20":
      return x.EARLY_YEARS_20(pct(e), num(e, "age"));
    case "ABSOLUTE":
      return x.ABSOLUTE(num(e, "age"), date(e, "registered_from"));
    case "EXEMPTION_5A_NO_ADVICE":
      return x.EXEMPTION_5A_NO_ADVICE(date(e, "exemption_start"));
    default:
      return x.fallback;
  }
}

/** The evidence as label–value pairs, dates and booleans in Dutch. */
export function evidenceFacts(
  signal: Pick<SignalRow, "evidence">,
): { label: string; value: string }[] {
  return Object.entries(signal.evidence)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([key, v]) => ({
      label: t.evidence[key] ?? key,
      value: Array.isArray(v)
        ? v.map((d) => formatDate(String(d))).join(", ")
        : typeof v === "boolean"
          ? v
            ? t.common.yes
            : t.common.no
          : typeof v === "number"
            ? v.toLocaleString(t.locale)
            : formatDate(String(v)),
    }));
}

export function signalName(code: string): string {
  return (t.signalCodes as Record<string, string>)[code] ?? code;
}

/**
 * A stable id for a signal as the case remembers it (the API's signals carry none yet): code,
 * pupil, school and the date it held.
 */
export function signalId(
  signal: Pick<SignalRow, "code" | "pupil_id" | "school_id" | "as_of" | "id">,
) {
  return signal.id ?? `${signal.code}:${signal.pupil_id}:${signal.school_id}:${signal.as_of}`;
}

/** The code a signal id made by signalId starts with, if it is one. */
export function codeOfSignalId(id: string): string | undefined {
  const code = id.split(":")[0];
  return code && code in t.signalCodes ? code : undefined;
}

/**
 * The first day of the absence the signal counted: where a case's clock should start. The
 * year-rate signals count since the start of the school year, which is no absence start: the
 * date the signal held is proposed instead (the user can change it).
 */
export function absenceStartOf(signal: Pick<SignalRow, "code" | "evidence" | "as_of">): string {
  const e = signal.evidence;
  if (signal.code === "PERSISTENT_10" || signal.code === "EARLY_YEARS_20") return signal.as_of;
  for (const key of ["first_absence_date", "episode_start"]) {
    const value = e[key];
    if (typeof value === "string") return value;
  }
  // Several sick episodes: the first of them, not the start of the window they were counted in.
  const starts = e.episode_starts;
  if (Array.isArray(starts) && typeof starts[0] === "string") return starts[0];
  if (typeof e.window_start === "string") return e.window_start;
  return signal.as_of;
}
