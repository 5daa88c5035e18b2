// domain.md §5 deadlines: a contact, conversation, home visit or review that happened, recorded
// where the work is done — in the case file (its deadlines section) and on the school's worklist
// (the mentor's same-day contact, the weekly school review). POST /api/cases/{id}/events meets
// the deadlines at once: the case, the lists and the worklists refresh after it. The server
// checks again (who may, a closed case, the date) and audits it (`record_event`).
import { RECORDABLE_EVENT_KINDS } from "../../../../src/domain/cases/deadlines.ts";
import { runCaseCommand } from "../../api/cases.ts";
import { formatDate } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import { refreshKeys } from "./CaseCommands.tsx";
import { CommandForm, type FieldSpec, type Values } from "./CommandForm.tsx";

const e = t.caseCommands.event;

export type RecordableEventKind = (typeof RECORDABLE_EVENT_KINDS)[number];

const KIND_OPTIONS = RECORDABLE_EVENT_KINDS.map((kind) => ({
  value: kind,
  label: t.caseFile.events[kind] ?? kind,
}));

const isKind = (value: string): value is RecordableEventKind =>
  (RECORDABLE_EVENT_KINDS as readonly string[]).includes(value);

/** The kind, date and note fields; the date lies between the absence start and today. */
function eventFields(
  today: string,
  absenceStartOf: (v: Values) => string | undefined,
): FieldSpec[] {
  return [
    {
      name: "kind",
      kind: "select",
      label: e.kind,
      description: e.kindHint,
      options: KIND_OPTIONS,
      required: e.kindRequired,
    },
    {
      name: "date",
      kind: "date",
      label: e.date,
      required: e.dateRequired,
      check: (value, v) => {
        if (value > today) return e.dateNotFuture;
        const start = absenceStartOf(v);
        return start && value < start ? e.dateBeforeAbsence(formatDate(start)) : undefined;
      },
    },
    {
      name: "note",
      kind: "textarea",
      label: e.note,
      check: (value) => (value.length > 10_000 ? e.noteTooLong : undefined),
    },
  ];
}

function send(caseId: string, v: Values) {
  const kind = v.kind ?? "";
  const note = (v.note ?? "").trim();
  return runCaseCommand(caseId, "events", {
    kind: isKind(kind) ? kind : "mentor_contact",
    date: v.date ?? "",
    ...(note ? { note } : {}),
  });
}

/** In the case file: for this case. */
export function RecordEventForm({
  detail,
  today,
  onDone,
}: {
  detail: { id: string; absence_start_date: string };
  today: string;
  onDone: (message: string) => void;
}) {
  return (
    <CommandForm
      id="record-event"
      label={e.label}
      fields={eventFields(today, () => detail.absence_start_date)}
      initial={{ date: today }}
      submit={(v) => send(detail.id, v)}
      done={e.done}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

/** On a worklist: for one of the cases listed (those whose file offers `events`). */
export function WorklistEventForm({
  cases,
  today,
  onDone,
}: {
  cases: readonly { id: string; label: string; absence_start_date: string }[];
  today: string;
  onDone: (message: string) => void;
}) {
  const startOf = new Map(cases.map((c) => [c.id, c.absence_start_date]));
  const only = cases.length === 1 ? cases[0] : undefined;
  return (
    <CommandForm
      id="worklist-record-event"
      label={e.label}
      fields={[
        {
          name: "case",
          kind: "select",
          label: e.case,
          options: cases.map((c) => ({ value: c.id, label: c.label })),
          required: e.caseRequired,
        },
        ...eventFields(today, (v) => startOf.get(v.case ?? "")),
      ]}
      initial={{ date: today, ...(only ? { case: only.id } : {}) }}
      submit={(v) => send(v.case ?? "", v)}
      done={e.done}
      // The worklist's cases and their deadlines: every case file refreshes (prefix "cases").
      refresh={refreshKeys(only?.id ?? "")}
      onDone={onDone}
    />
  );
}
