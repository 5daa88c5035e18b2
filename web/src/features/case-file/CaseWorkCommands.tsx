// The work inside a case on the case file (domain.md §5): meetings (MDO/ZAT, doorbraakteam,
// arbitration hearing) whose decisions can become plan actions, adding and ending participants
// (a partner needs consent (b): the server refuses otherwise), the ladder of effectiveness and a
// resolved stagnation. Each is offered only when `allowed_actions` names it.

import {
  CASE_PROFESSIONAL_ROLES,
  type RoleCode,
  SCHOOL_STAFF_ROLES,
} from "../../../../src/domain/policy/roles.ts";
import { endParticipation, resolveStagnation, runCaseCommand } from "../../api/cases.ts";
import { formatDate, personLabel } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import { options, refreshKeys } from "./CaseCommands.tsx";
import type { CaseCommandProps } from "./CaseEscalationCommands.tsx";
import {
  CommandForm,
  type FieldSpec,
  listValue,
  pastDateField,
  type Values,
} from "./CommandForm.tsx";

const m = t.caseCommands;

const DECISION_SLOTS = [1, 2, 3] as const;

export function MeetingForm({ detail, myId, today, onDone }: Omit<CaseCommandProps, "allowed">) {
  const active = detail.participants.filter((p) => p.until === null);
  const people = active.map((p) => ({ value: p.person_id, label: personLabel(p, myId, detail) }));
  const organisationOf = new Map(active.map((p) => [p.person_id, p.organisation]));
  const decisionFields = DECISION_SLOTS.flatMap((n): FieldSpec[] => {
    const filled = (v: Values) => (v[`decision${n}`] ?? "").trim() !== "";
    const previousFilled = (v: Values) => n === 1 || (v[`decision${n - 1}`] ?? "").trim() !== "";
    return [
      {
        name: `decision${n}`,
        kind: "textarea",
        label: m.meeting.decision(n),
        description: n === 1 ? m.meeting.decisionHint : undefined,
        when: previousFilled,
      },
      {
        name: `owner${n}`,
        kind: "select",
        label: m.meeting.owner(n),
        description: m.meeting.ownerHint,
        options: people,
        when: (v) => previousFilled(v) && filled(v),
      },
      {
        name: `due${n}`,
        kind: "date",
        label: m.meeting.due(n),
        required: m.meeting.dueRequired,
        when: (v) => previousFilled(v) && filled(v) && (v[`owner${n}`] ?? "") !== "",
        check: (value) => (value < today ? t.common.dateNotPast : undefined),
      },
    ];
  });
  return (
    <CommandForm
      id="record-meeting"
      label={m.meeting.label}
      fields={[
        {
          name: "kind",
          kind: "select",
          label: m.meeting.kind,
          options: options(t.meetingKinds),
          required: m.meeting.kindRequired,
        },
        pastDateField({
          name: "date",
          label: m.meeting.date,
          required: m.meeting.dateRequired,
          today,
          notAfterToday: m.meeting.dateNotFuture,
        }),
        {
          name: "participants",
          kind: "checkboxes",
          label: m.meeting.participants,
          description: m.meeting.participantsHint,
          options: people,
          required: m.meeting.participantsRequired,
        },
        ...decisionFields,
      ]}
      initial={{ date: today }}
      submit={(v) => {
        const decisions = [];
        for (const n of DECISION_SLOTS) {
          const text = (v[`decision${n}`] ?? "").trim();
          if (!text) break;
          const owner = v[`owner${n}`] ?? "";
          decisions.push({
            text,
            ...(owner
              ? {
                  action: {
                    owner_person_id: owner,
                    owner_organisation: organisationOf.get(owner) ?? "",
                    due_date: v[`due${n}`] ?? "",
                  },
                }
              : {}),
          });
        }
        return runCaseCommand(detail.id, "meetings", {
          kind: (v.kind ?? "mdo_zat") as "mdo_zat" | "breakthrough_team" | "arbitration_hearing",
          date: v.date ?? "",
          participant_ids: listValue(v, "participants"),
          decisions,
        });
      }}
      done={m.meeting.done}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

/** Roles that take part in a case (parents, policy, administration and privacy never do). */
const CASE_ROLES = [
  ...SCHOOL_STAFF_ROLES,
  "attendance_officer",
  ...CASE_PROFESSIONAL_ROLES,
] as const satisfies readonly RoleCode[];

export function ParticipantCommands({
  detail,
  myId,
  allowed,
  onDone,
}: Omit<CaseCommandProps, "today">) {
  const p = m.participants;
  const refresh = refreshKeys(detail.id);
  const consented = detail.consent.status
    .filter((s) => s.purpose === "involve_partner" && s.state === "given" && s.subject)
    .map((s) => s.subject)
    .join(", ");
  const leaving = detail.participants.filter(
    (x) => x.until === null && x.person_id !== detail.owner.person_id,
  );
  return (
    <>
      {allowed.has("addParticipant") && (
        <CommandForm
          id="add-participant"
          label={p.add}
          fields={[
            {
              name: "role",
              kind: "select",
              label: p.role,
              options: CASE_ROLES.map((role) => ({ value: role, label: t.roles[role] })),
              required: p.roleRequired,
            },
            {
              name: "user",
              kind: "text",
              label: p.userId,
              description: p.userIdHint,
              required: p.userIdRequired,
            },
            {
              name: "organisation",
              kind: "text",
              label: p.organisation,
              description: p.organisationHint(consented),
            },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "participants", {
              user_id: v.user?.trim() ?? "",
              role: v.role ?? "",
              ...(v.organisation?.trim() ? { organisation: v.organisation.trim() } : {}),
            })
          }
          done={p.added}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("endParticipation") && leaving.length > 0 && (
        <CommandForm
          id="end-participation"
          label={p.end}
          fields={[
            {
              name: "person",
              kind: "select",
              label: p.who,
              options: leaving.map((x) => ({ value: x.person_id, label: personLabel(x, myId) })),
              required: p.whoRequired,
            },
          ]}
          submit={(v) => endParticipation(detail.id, v.person ?? "")}
          done={p.ended}
          refresh={refresh}
          onDone={onDone}
        />
      )}
    </>
  );
}

// The names tables list the codes in the ladder's order (i18n/nl/domain.ts, as in domain.md §5).
const SITUATIONS = Object.keys(t.ladderSituations);
const MODES = Object.keys(t.workingModes);

/** Higher in situation or working mode than the current step (the first step: than the lowest). */
function movesUp(current: { situation: string; mode: string } | undefined, v: Values): boolean {
  const from = (list: string[], code: string | undefined) => (code ? list.indexOf(code) : 0);
  return (
    SITUATIONS.indexOf(v.situation ?? "") > from(SITUATIONS, current?.situation) ||
    MODES.indexOf(v.mode ?? "") > from(MODES, current?.mode)
  );
}

export function LadderForm({ detail, onDone }: Pick<CaseCommandProps, "detail" | "onDone">) {
  const l = m.ladder;
  const current = detail.ladder.at(-1);
  return (
    <CommandForm
      id="record-ladder"
      label={l.label}
      fields={[
        {
          name: "situation",
          kind: "select",
          label: l.situation,
          options: options(t.ladderSituations),
          required: l.situationRequired,
        },
        {
          name: "mode",
          kind: "select",
          label: l.mode,
          options: options(t.workingModes),
          required: l.modeRequired,
        },
        {
          name: "reason",
          kind: "textarea",
          label: l.reason,
          description: l.reasonHint,
          // domain.md §5: moving up is allowed only with a recorded reason (the server checks).
          required: (v) => (movesUp(current, v) ? l.reasonRequired : undefined),
        },
      ]}
      initial={current ? { situation: current.situation, mode: current.mode } : {}}
      submit={(v) =>
        runCaseCommand(detail.id, "ladder", {
          situation: v.situation ?? "",
          mode: v.mode ?? "",
          reason: v.reason?.trim() ?? "",
        })
      }
      done={l.done}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

export function ResolveStagnationForm({
  detail,
  onDone,
}: Pick<CaseCommandProps, "detail" | "onDone">) {
  const s = m.stagnation;
  const open = detail.stagnation.filter((flag) => flag.resolved_at === null);
  if (open.length === 0) return null;
  return (
    <CommandForm
      id="resolve-stagnation"
      label={s.resolve}
      fields={[
        {
          name: "flag",
          kind: "select",
          label: s.flag,
          options: open.map((flag) => ({
            value: flag.id,
            label: s.flagOption(t.stagnationCauses[flag.cause], formatDate(flag.flagged_at)),
          })),
          required: s.flagRequired,
        },
      ]}
      initial={open.length === 1 && open[0] ? { flag: open[0].id } : {}}
      submit={(v) => resolveStagnation(detail.id, v.flag ?? "")}
      done={s.resolved}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}
