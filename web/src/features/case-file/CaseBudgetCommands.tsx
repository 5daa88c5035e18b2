// The frictiebudget on the case file (domain.md §6): commit spending, record who should have paid
// a commitment, reverse an entry (nothing is ever deleted) — and attaching a document. Offered
// only when `allowed_actions` names the command; the server checks it again.
import { type CaseDetail, runCaseCommand } from "../../api/cases.ts";
import { formatDate, formatEuros } from "../../components/format.ts";
import { t } from "../../i18n/index.ts";
import { refreshKeys } from "./CaseCommands.tsx";
import type { CaseCommandProps } from "./CaseEscalationCommands.tsx";
import { CommandForm, fileData, type Values } from "./CommandForm.tsx";
import { euroCents, euroShareCents } from "./euro-input.ts";

const b = t.caseCommands.budget;
type Entry = NonNullable<CaseDetail["budget"]>[number];

/** Entries not reversed yet, of the given kinds. */
function standing(budget: readonly Entry[], kinds: readonly string[]): Entry[] {
  const reversed = new Set(budget.filter((e) => e.kind === "reversal").map((e) => e.refers_to));
  return budget.filter((e) => kinds.includes(e.kind) && !reversed.has(e.id));
}

function entryOption(e: Entry) {
  return {
    value: e.id,
    label: b.entryOption(
      t.budgetKinds[e.kind] ?? e.kind,
      formatEuros(e.amount_cents),
      e.purpose ?? "",
      formatDate(e.recorded_at),
    ),
  };
}

export function BudgetCommands({
  detail,
  allowed,
  onDone,
}: Omit<CaseCommandProps, "myId" | "today">) {
  const budget = detail.budget ?? [];
  const refresh = refreshKeys(detail.id);
  const commitments = standing(budget, ["commitment"]);
  const reversible = standing(budget, ["commitment", "attribution"]);
  const amountOf = (id: string | undefined) => commitments.find((e) => e.id === id)?.amount_cents;
  const sharesCheck = (_: string, v: Values) => {
    const total = amountOf(v.commitment);
    const a = euroShareCents(v.municipalityAmount ?? "");
    const p = euroShareCents(v.partnershipAmount ?? "");
    if (total === undefined || total === null || a === undefined || p === undefined) return;
    return a + p === total ? undefined : b.sharesDoNotAddUp(formatEuros(total));
  };
  const shareAmount = (value: string) =>
    euroShareCents(value) === undefined ? b.amountInvalid : undefined;
  return (
    <>
      {allowed.has("commitBudget") && (
        <CommandForm
          id="commit-budget"
          label={b.commit}
          fields={[
            {
              name: "amount",
              kind: "text",
              label: b.amount,
              description: b.amountHint,
              required: b.amountRequired,
              check: (value) => (euroCents(value) === undefined ? b.amountInvalid : undefined),
            },
            { name: "purpose", kind: "textarea", label: b.purpose, required: b.purposeRequired },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "budget/commitments", {
              amount_cents: euroCents(v.amount ?? "") ?? 0,
              purpose: v.purpose?.trim() ?? "",
            })
          }
          done={b.committed}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("attributeBudget") && commitments.length > 0 && (
        <CommandForm
          id="attribute-budget"
          label={b.attribute}
          fields={[
            {
              name: "commitment",
              kind: "select",
              label: b.commitment,
              options: commitments.map(entryOption),
              required: b.commitmentRequired,
            },
            {
              name: "municipality",
              kind: "text",
              label: b.municipality,
              required: b.partyRequired,
            },
            {
              name: "municipalityAmount",
              kind: "text",
              label: b.municipalityAmount,
              description: b.amountHint,
              required: b.amountRequired,
              check: shareAmount,
            },
            { name: "partnership", kind: "text", label: b.partnership, required: b.partyRequired },
            {
              name: "partnershipAmount",
              kind: "text",
              label: b.partnershipAmount,
              required: b.amountRequired,
              check: (value, v) => shareAmount(value) ?? sharesCheck(value, v),
            },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "budget/attributions", {
              commitment_id: v.commitment ?? "",
              shares: [
                {
                  party: { kind: "municipality", id: v.municipality?.trim() ?? "" },
                  amount_cents: euroShareCents(v.municipalityAmount ?? "") ?? 0,
                },
                {
                  party: { kind: "partnership", id: v.partnership?.trim() ?? "" },
                  amount_cents: euroShareCents(v.partnershipAmount ?? "") ?? 0,
                },
              ],
            })
          }
          done={b.attributed}
          refresh={refresh}
          onDone={onDone}
        />
      )}
      {allowed.has("reverseBudget") && reversible.length > 0 && (
        <CommandForm
          id="reverse-budget"
          label={b.reverse}
          danger
          fields={[
            {
              name: "entry",
              kind: "select",
              label: b.entry,
              options: reversible.map(entryOption),
              required: b.entryRequired,
            },
            { name: "reason", kind: "textarea", label: b.reason, required: b.reasonRequired },
          ]}
          submit={(v) =>
            runCaseCommand(detail.id, "budget/reversals", {
              entry_id: v.entry ?? "",
              reason: v.reason?.trim() ?? "",
            })
          }
          done={b.reversed}
          refresh={refresh}
          onDone={onDone}
        />
      )}
    </>
  );
}

/** The API's limit (src/db/repositories/documents.ts MAX_DOCUMENT_BYTES). */
const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
const VISIBILITIES = ["professionals", "also_parents", "jgz_only"] as const;

export function UploadDocumentForm({
  detail,
  onDone,
}: Pick<CaseCommandProps, "detail" | "onDone">) {
  const d = t.caseCommands.documents;
  return (
    <CommandForm
      id="upload-document"
      label={d.upload}
      fields={[
        {
          name: "file",
          kind: "file",
          label: d.file,
          description: d.fileHint,
          required: d.fileRequired,
          check: (_, v) =>
            Number(v["file:size"] ?? "0") > MAX_DOCUMENT_BYTES ? d.fileTooLarge : undefined,
        },
        {
          name: "visibility",
          kind: "select",
          label: d.visibility,
          options: VISIBILITIES.map((value) => ({
            value,
            label: t.documentVisibility[value] ?? value,
          })),
          required: d.visibilityRequired,
        },
      ]}
      initial={{ visibility: "professionals" }}
      submit={(v) => {
        const file = fileData(v, "file");
        return runCaseCommand(detail.id, "documents", {
          name: v.file ?? "",
          mime_type: /^[\w.+-]+\/[\w.+-]+$/.test(file.type)
            ? file.type
            : "application/octet-stream",
          visibility: VISIBILITIES.find((x) => x === v.visibility) ?? "professionals",
          content_base64: file.base64,
        });
      }}
      done={d.uploaded}
      refresh={refreshKeys(detail.id)}
      onDone={onDone}
    />
  );
}
