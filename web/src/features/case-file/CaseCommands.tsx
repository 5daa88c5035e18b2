// The commands of the case file (issue 5): open → plan, consent, stagnation, escalate, convene
// the breakthrough team, start arbitration, close with an outcome. Each is offered only when the
// server's `allowed_actions` names it; the server checks every command again.
import { type CaseDetail, runCaseCommand, updateActionStatus } from "../../api/cases.ts";
import { personLabel } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import { workKeys } from "../cases/queries.ts";
import { organisationOfOwner } from "./action-owner.ts";
import type { UiCommand } from "./allowed.ts";
import { CommandForm, type FieldSpec, type Values } from "./CommandForm.tsx";

const c = t.caseFile.commands;
export const options = (table: Record<string, string>) =>
  Object.entries(table).map(([value, label]) => ({ value, label }));

export function refreshKeys(caseId: string) {
  return [workKeys.case(caseId), workKeys.cases, ["signals"]] as const;
}

interface Props {
  detail: CaseDetail;
  myId: string;
  today: string;
  allowed: ReadonlySet<UiCommand>;
  onDone: (message: string) => void;
}

function notBefore(today: string) {
  return (value: string) => (value < today ? t.common.dateNotPast : undefined);
}

export function AddActionForm({ detail, myId, today, onDone }: Omit<Props, "allowed">) {
  const active = detail.participants.filter((p) => p.until === null);
  const fields: FieldSpec[] = [
    {
      name: "description",
      kind: "textarea",
      label: t.caseFile.plan.description,
      required: t.caseFile.plan.descriptionRequired,
    },
    {
      name: "owner",
      kind: "select",
      label: t.caseFile.plan.ownerPerson,
      description: t.caseFile.plan.ownerPersonHint,
      options: active.map((p) => ({ value: p.person_id, label: personLabel(p, myId) })),
      required: t.caseFile.plan.ownerRequired,
    },
    {
      name: "due",
      kind: "date",
      label: t.caseFile.plan.dueDate,
      required: c.dueRequired,
      check: notBefore(today),
    },
  ];
  const me = active.find((p) => p.person_id === myId);
  return (
    <CommandForm
      id="add-action"
      label={t.caseFile.plan.addAction}
      fields={fields}
      initial={me ? { owner: me.person_id } : {}}
      submit={(v: Values) => {
        // The chosen owner's organisation in the case (a field of its own went stale).
        const organisation = organisationOfOwner(active, v.owner ?? "");
        return runCaseCommand(detail.id, "actions", {
          description: v.description?.trim() ?? "",
          owner_person_id: v.owner ?? "",
          ...(organisation ? { owner_organisation: organisation } : {}),
          due_date: v.due ?? "",
        });
      }}
      done={t.caseFile.plan.added}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

export function AddGoalForm({ detail, today, onDone }: Omit<Props, "allowed" | "myId">) {
  return (
    <CommandForm
      id="add-goal"
      label={c.addGoal}
      fields={[
        {
          name: "domain",
          kind: "select",
          label: c.goalDomain,
          options: options(t.goalDomains),
          required: t.common.required,
        },
        { name: "text", kind: "textarea", label: c.goalText, required: c.goalTextRequired },
        {
          name: "measure",
          kind: "textarea",
          label: c.goalMeasure,
          required: c.goalMeasureRequired,
        },
        {
          name: "target",
          kind: "date",
          label: c.goalTarget,
          required: c.goalTargetRequired,
          check: notBefore(today),
        },
      ]}
      submit={(v) =>
        runCaseCommand(detail.id, "goals", {
          domain: v.domain === "care" ? "care" : "education",
          text: v.text?.trim() ?? "",
          measure: v.measure?.trim() ?? "",
          target_date: v.target ?? "",
        })
      }
      done={c.goalAdded}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

/** A new parent (not yet in the consent records) is named in a text field. */
const OTHER_PARENT = "__other";

export function ConsentForm({ detail, onDone }: Pick<Props, "detail" | "onDone">) {
  const k = t.caseFile.consent;
  // The parents who decided before, by the person key their records carry.
  const known = [
    ...new Set(
      detail.consent.records
        .filter((r) => r.giver.kind === "parent" && r.giver.person_id)
        .map((r) => r.giver.person_id as string),
    ),
  ];
  const isParent = (v: Values) => v.giver === "parent";
  const namesNewParent = (v: Values) =>
    isParent(v) && (known.length === 0 || v.parent === OTHER_PARENT);
  return (
    <CommandForm
      id="record-consent"
      label={k.record}
      fields={[
        {
          name: "purpose",
          kind: "select",
          label: k.purposeLabel,
          options: options(t.consentPurposes),
          required: c.purposeRequired,
        },
        {
          name: "subject",
          kind: "text",
          label: k.subjectLabel,
          description: k.subjectHint,
          required: k.subjectRequired,
          when: (v) => v.purpose === "involve_partner",
        },
        {
          name: "decision",
          kind: "select",
          label: k.decisionLabel,
          options: options(k.decisions),
          required: c.decisionRequired,
        },
        {
          name: "giver",
          kind: "select",
          label: c.giver,
          options: [
            { value: "parent", label: c.giverParent },
            { value: "child", label: c.giverChild },
          ],
          required: t.common.required,
        },
        {
          name: "parent",
          kind: "select",
          label: c.whichParent,
          options: [
            ...known.map((id, i) => ({ value: id, label: c.knownParent(i + 1) })),
            { value: OTHER_PARENT, label: c.otherParent },
          ],
          required: c.parentRequired,
          when: (v) => isParent(v) && known.length > 0,
        },
        {
          name: "parentName",
          kind: "text",
          label: c.parentName,
          description: c.parentNameHint,
          required: c.parentRequired,
          when: namesNewParent,
        },
      ]}
      initial={{ giver: "parent", ...(known[0] ? { parent: known[0] } : {}) }}
      submit={(v) =>
        runCaseCommand(detail.id, "consent", {
          purpose: v.purpose ?? "",
          ...(v.purpose === "involve_partner" && v.subject ? { subject: v.subject.trim() } : {}),
          decision: (v.decision ?? "given") as "given" | "refused" | "withdrawn",
          giver:
            v.giver === "child"
              ? { kind: "child" as const }
              : {
                  kind: "parent" as const,
                  person_id: (namesNewParent(v) ? v.parentName : v.parent)?.trim() ?? "",
                },
        })
      }
      done={k.recorded}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

export function StagnationForm({ detail, onDone }: Pick<Props, "detail" | "onDone">) {
  const s = t.caseFile.stagnation;
  return (
    <CommandForm
      id="flag-stagnation"
      label={s.flag}
      fields={[
        {
          name: "cause",
          kind: "select",
          label: s.causeLabel,
          options: options(t.stagnationCauses),
          required: s.causeRequired,
        },
        { name: "note", kind: "textarea", label: s.noteLabel, required: s.noteRequired },
      ]}
      submit={(v) =>
        runCaseCommand(detail.id, "stagnation", {
          cause: v.cause ?? "",
          note: v.note?.trim() ?? "",
        })
      }
      done={s.flagged}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}

export const reasonField: FieldSpec = {
  name: "reason",
  kind: "textarea",
  label: c.reason,
  description: c.reasonHint,
  required: c.reasonRequired,
};

export function PhaseCommands({ detail, today, allowed, onDone }: Omit<Props, "myId">) {
  const refresh = refreshKeys(detail.id);
  return (
    <>
      {allowed.has("escalate") && detail.phase === "SCHOOL" && (
        <CommandForm
          id="escalate"
          label={c.escalate}
          fields={[{ ...reasonField, description: c.escalateHint }]}
          submit={(v) => runCaseCommand(detail.id, "escalate", { reason: v.reason?.trim() ?? "" })}
          done={c.done.escalate ?? ""}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("breakthrough") && detail.phase === "CASE_DIRECTOR" && (
        <CommandForm
          id="breakthrough"
          label={c.breakthrough}
          fields={[
            reasonField,
            { name: "meeting", kind: "date", label: c.meetingDate, check: notBefore(today) },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "breakthrough", {
              reason: v.reason?.trim() ?? "",
              ...(v.meeting ? { meeting_date: v.meeting } : {}),
            })
          }
          done={c.done.breakthrough ?? ""}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("arbitration") && detail.phase === "BREAKTHROUGH" && (
        <CommandForm
          id="arbitration"
          label={c.arbitration}
          fields={[
            reasonField,
            {
              name: "parents",
              kind: "text",
              label: c.parentsRepresentative,
              required: c.memberRequired,
            },
            {
              name: "own",
              kind: "text",
              label: c.ownPartnershipMember,
              required: c.memberRequired,
            },
            {
              name: "neighbour",
              kind: "text",
              label: c.neighbouringPartnershipMember,
              required: c.memberRequired,
            },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "arbitration", {
              reason: v.reason?.trim() ?? "",
              committee: {
                parents_representative: v.parents?.trim() ?? "",
                own_partnership_member: v.own?.trim() ?? "",
                neighbouring_partnership_member: v.neighbour?.trim() ?? "",
              },
            })
          }
          done={c.done.arbitration ?? ""}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("close") && detail.phase !== "CLOSED" && (
        <CommandForm
          id="close"
          label={c.close}
          danger
          fields={[
            {
              name: "outcome",
              kind: "select",
              label: c.outcome,
              options: options(t.outcomes),
              required: c.outcomeRequired,
            },
            reasonField,
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "close", {
              outcome: v.outcome ?? "",
              reason: v.reason?.trim() ?? "",
            })
          }
          done={c.done.close ?? ""}
          refresh={refresh}
          onDone={onDone}
        />
      )}
    </>
  );
}

export function markActionDone(caseId: string, actionId: string) {
  return updateActionStatus(caseId, actionId, "done");
}
