// The case's story in date order (issue 5: "timeline of absence, signals, phases and
// decisions"): the first day of absence, the signals it was opened from, every phase change
// and recorded decision, contacts and reviews, meetings, consent, stagnation, the ladder and
// the plan's goals.
import type { CaseDetail } from "../../api/cases.ts";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";
import { codeOfSignalId, signalName } from "../signals/explain.ts";

export interface TimelineEntry {
  key: string;
  date: string;
  what: string;
  detail: string;
  by: string;
}

const name = (table: Record<string, string>, code: string) => table[code] ?? code;

export function caseTimeline(c: CaseDetail): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    {
      key: "absence",
      date: c.absence_start_date,
      what: t.caseFile.timeline.absenceStart,
      detail: "",
      by: "",
    },
    {
      key: "opened",
      date: c.opened_at,
      what: t.caseFile.timeline.opened,
      detail:
        c.opening.kind === "signals"
          ? t.caseFile.openingBySignals(c.opening.signal_ids.length)
          : (c.opening.reason ?? t.caseFile.openingByHand),
      by: roleTitle(c.owner.role),
    },
  ];
  for (const id of c.opening.signal_ids) {
    const code = codeOfSignalId(id);
    entries.push({
      key: `signal-${id}`,
      date: c.opened_at,
      what: t.caseFile.timeline.signal(code ? signalName(code) : id),
      detail: "",
      by: "",
    });
  }
  c.history.forEach((h, i) => {
    const check =
      h.command === "record_breakthrough_check" &&
      c.breakthrough_check.offer_expected_within_4_weeks !== null
        ? t.caseFile.timeline.breakthroughCheck(c.breakthrough_check.offer_expected_within_4_weeks)
        : undefined;
    const phaseChange =
      h.from !== h.to ? ` (${name(t.phases, h.from)} → ${name(t.phases, h.to)})` : "";
    entries.push({
      key: `history-${i}`,
      date: h.at,
      what: (check ?? name(t.transitionCommands, h.command)) + phaseChange,
      detail: h.reason,
      by: h.by.kind === "system" ? t.caseFile.timeline.system : roleTitle(h.by.role ?? ""),
    });
  });
  for (const e of c.events) {
    entries.push({
      key: `event-${e.id}`,
      date: e.date,
      what: name(t.caseFile.events, e.kind),
      detail: "",
      by: "",
    });
  }
  for (const m of c.meetings) {
    entries.push({
      key: `meeting-${m.id}`,
      date: m.date,
      what: t.caseFile.timeline.meeting(name(t.meetingKinds, m.kind)),
      detail: m.decisions.map((d) => d.text).join("; "),
      by: "",
    });
  }
  for (const r of c.consent.records) {
    entries.push({
      key: `consent-${r.id}`,
      date: r.at,
      what: t.caseFile.timeline.consent(
        name(t.consentPurposes, r.purpose),
        name(t.caseFile.consent.decisions, r.decision),
      ),
      detail: r.subject ?? "",
      by: r.giver.kind === "child" ? t.caseFile.consent.giverChild : t.caseFile.consent.giverParent,
    });
  }
  for (const s of c.stagnation) {
    const cause = name(t.stagnationCauses, s.cause);
    entries.push({
      key: `stagnation-${s.id}`,
      date: s.flagged_at,
      what: t.caseFile.timeline.stagnation(cause),
      detail: s.note,
      by: "",
    });
    if (s.resolved_at) {
      entries.push({
        key: `stagnation-${s.id}-resolved`,
        date: s.resolved_at,
        what: t.caseFile.timeline.stagnationResolved(cause),
        detail: "",
        by: "",
      });
    }
  }
  c.ladder.forEach((l, i) => {
    entries.push({
      key: `ladder-${i}`,
      date: l.at,
      what: t.caseFile.timeline.ladder(
        name(t.ladderSituations, l.situation),
        name(t.workingModes, l.mode),
      ),
      detail: l.reason,
      by: "",
    });
  });
  for (const g of c.plan.goals) {
    entries.push({
      key: `goal-${g.id}`,
      date: g.set_on,
      what: t.caseFile.timeline.goal(g.text),
      detail: g.measure,
      by: "",
    });
  }
  // Stable: same-day entries keep the order above (absence, opening, signals, decisions …).
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i))
    .map(({ e }) => e);
}
