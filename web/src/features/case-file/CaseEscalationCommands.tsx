// The case file's further phase commands (domain.md §5): the week-8 breakthrough decision,
// afschalen, the start of a suitable offer, the arbitration ruling and the referral to the OM.
// Built like CaseCommands: each is offered only when `allowed_actions` names it, and the server
// checks it again. The work inside the case is in CaseWorkCommands, the budget in
// CaseBudgetCommands.
import { useRef } from "react";
import { type CaseDetail, runCaseCommand } from "../../api/cases.ts";
import { formatDate } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import type { UiCommand } from "./allowed.ts";
import { options, reasonField, refreshKeys } from "./CaseCommands.tsx";
import { CommandForm, pastDateField } from "./CommandForm.tsx";

const m = t.caseCommands;
const yesNo = [
  { value: "yes", label: m.yes },
  { value: "no", label: m.no },
];

export interface CaseCommandProps {
  detail: CaseDetail;
  myId: string;
  today: string;
  allowed: ReadonlySet<UiCommand>;
  onDone: (message: string) => void;
}

/** Phases in their order; afschalen goes to an open phase below the current one. */
const PHASE_ORDER = ["SCHOOL", "CASE_DIRECTOR", "BREAKTHROUGH", "ARBITRATION"] as const;
type LowerPhase = (typeof PHASE_ORDER)[number];

function lowerPhases(phase: string): LowerPhase[] {
  const rank = phase === "PROSECUTOR" ? PHASE_ORDER.length : PHASE_ORDER.indexOf(phase as never);
  return rank <= 0 ? [] : PHASE_ORDER.slice(0, rank);
}

/** The commands of this file that belong with the phase commands ("Wat u kunt doen"). */
export const ESCALATION_COMMANDS = [
  "breakthroughCheck",
  "deescalate",
  "offer",
  "arbitrationRuling",
  "prosecutor",
] as const satisfies readonly UiCommand[];

export function EscalationCommands({
  detail,
  today,
  allowed,
  onDone,
}: Omit<CaseCommandProps, "myId">) {
  const refresh = refreshKeys(detail.id);
  const answer = useRef<string | undefined>(undefined);
  const check = detail.breakthrough_check;
  const lower = lowerPhases(detail.phase);
  return (
    <>
      {allowed.has("breakthroughCheck") && check.decided_at === null && (
        <CommandForm
          id="breakthrough-check"
          label={m.breakthroughCheck.label}
          fields={[
            {
              name: "answer",
              kind: "select",
              label: m.breakthroughCheck.question,
              description: [
                check.requested_at
                  ? m.breakthroughCheck.requestedOn(formatDate(check.requested_at))
                  : "",
                m.breakthroughCheck.questionHint,
              ]
                .filter(Boolean)
                .join(" "),
              options: [
                { value: "yes", label: m.breakthroughCheck.yes },
                { value: "no", label: m.breakthroughCheck.no },
              ],
              required: m.breakthroughCheck.answerRequired,
            },
            { ...reasonField, label: m.breakthroughCheck.reason },
          ]}
          submit={(v) => {
            answer.current = v.answer;
            return runCaseCommand(detail.id, "breakthrough-check", {
              offer_expected_within_4_weeks: v.answer === "yes",
              reason: v.reason?.trim() ?? "",
            });
          }}
          done={m.breakthroughCheck.doneYes}
          refresh={refresh}
          onDone={() =>
            onDone(
              answer.current === "no" ? m.breakthroughCheck.doneNo : m.breakthroughCheck.doneYes,
            )
          }
        />
      )}
      {allowed.has("offer") && detail.phase !== "CLOSED" && (
        <CommandForm
          id="offer"
          label={m.offer.label}
          fields={[
            pastDateField({
              name: "started",
              label: m.offer.startedOn,
              required: m.offer.startedOnRequired,
              today,
              notAfterToday: m.offer.notAfterToday,
              from: detail.absence_start_date,
              notBefore: m.offer.notBeforeAbsence,
            }),
          ]}
          initial={{ started: today }}
          submit={(v) => runCaseCommand(detail.id, "offer", { started_on: v.started ?? "" })}
          done={m.offer.done}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("arbitrationRuling") && detail.phase === "ARBITRATION" && (
        <CommandForm
          id="arbitration-ruling"
          label={m.ruling.label}
          fields={[
            {
              name: "ruling",
              kind: "textarea",
              label: m.ruling.ruling,
              required: m.ruling.rulingRequired,
            },
            {
              name: "accept",
              kind: "select",
              label: m.ruling.accept,
              options: yesNo,
              required: m.ruling.acceptRequired,
            },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "arbitration/ruling", {
              ruling: v.ruling?.trim() ?? "",
              parents_accept: v.accept === "yes",
            })
          }
          done={m.ruling.done}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("prosecutor") && (
        <CommandForm
          id="prosecutor"
          label={m.prosecutor.label}
          danger
          fields={[
            {
              name: "route",
              kind: "select",
              label: m.prosecutor.route,
              options: options(t.caseFile.prosecutor.routes),
              required: m.prosecutor.routeRequired,
            },
            reasonField,
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "prosecutor", {
              route: v.route === "criminal" ? "criminal" : "civil",
              reason: v.reason?.trim() ?? "",
            })
          }
          done={m.prosecutor.done}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("deescalate") && lower.length > 0 && (
        <CommandForm
          id="deescalate"
          label={m.deescalate.label}
          fields={[
            {
              name: "to",
              kind: "select",
              label: m.deescalate.to,
              options: lower.map((phase) => ({ value: phase, label: t.phases[phase] })),
              required: m.deescalate.toRequired,
            },
            reasonField,
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "deescalate", {
              to: (lower.find((p) => p === v.to) ?? "SCHOOL") as LowerPhase,
              reason: v.reason?.trim() ?? "",
            })
          }
          done={m.deescalate.done}
          refresh={refresh}
          onDone={onDone}
        />
      )}
    </>
  );
}
