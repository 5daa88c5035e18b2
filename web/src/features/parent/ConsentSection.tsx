// Consent per purpose for a parent (domain.md §5 "Informed consent"): what each purpose means,
// where it stands now, who decides (by the child's age), what giving and withdrawing mean and
// for whom, and one button to give or to withdraw it. Withdrawing is as easy as giving (AVG
// art. 7(3)): one press each, no extra confirmation; the message under the card says what was
// recorded and that a withdrawal counts from today, and the same button now offers the
// opposite, so a mistake is undone with one more press. Focus stays on that button.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type CaseDetail, type ConsentStatusRow, runCaseCommand } from "../../api/cases.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { t } from "../../i18n/index.ts";

type Decision = "given" | "refused" | "withdrawn";

function purposeName(row: ConsentStatusRow): string {
  const name = t.consentPurposes[row.purpose];
  return row.subject ? `${name}: ${row.subject}` : name;
}

const keyOf = (row: ConsentStatusRow) => `${row.purpose}|${row.subject ?? ""}`;

export function ConsentSection({ detail }: { detail: CaseDetail }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ key: string; text: string } | null>(null);
  const record = useMutation({
    mutationFn: (input: { row: ConsentStatusRow; decision: Decision }) =>
      runCaseCommand(detail.id, "consent", {
        purpose: input.row.purpose,
        ...(input.row.subject ? { subject: input.row.subject } : {}),
        decision: input.decision,
      }),
    onSuccess: async (_, { row, decision }) => {
      setNotice({
        key: keyOf(row),
        text: `${t.parent.recorded} ${t.parent.recordedAs[decision](purposeName(row))}`,
      });
      await queryClient.invalidateQueries({ queryKey: ["case", detail.id] });
      // A refusal removes its own button: focus goes to the card's remaining button.
      if (document.activeElement === document.body) {
        document
          .querySelector<HTMLElement>(`[data-consent-key="${CSS.escape(keyOf(row))}"] button`)
          ?.focus();
      }
    },
  });
  const closed = detail.phase === "CLOSED";

  function decide(row: ConsentStatusRow, decision: Decision) {
    setNotice(null);
    record.mutate({ row, decision });
  }

  return (
    <section aria-labelledby={`consent-${detail.id}`} className="aanwezig-parent__block">
      <Heading level={3} id={`consent-${detail.id}`}>
        {t.parent.consent}
      </Heading>
      <Paragraph>{t.parent.consentIntro}</Paragraph>
      {record.isError && <ProblemAlert error={record.error} />}
      <ul className="aanwezig-parent__consents">
        {detail.consent.status.map((row) => {
          const name = purposeName(row);
          const key = keyOf(row);
          const state = t.consentStates[row.state];
          const busy = record.isPending && record.variables && keyOf(record.variables.row) === key;
          const childDecides = row.authority === "child";
          const given = row.state === "given";
          const subject = row.subject ?? "";
          return (
            <li
              key={key}
              className="aanwezig-parent__consent"
              data-purpose={row.purpose}
              data-consent-key={key}
            >
              <Heading level={4}>{name}</Heading>
              <Paragraph>{t.parentPage.purposeExplained[row.purpose] ?? ""}</Paragraph>
              <Paragraph>
                <strong>{t.parent.consentNow(state.toLowerCase())}</strong>
              </Paragraph>
              <Paragraph data-testid="consent-who-decides">
                {t.parent.whoDecides[row.authority] ?? ""}
              </Paragraph>
              <Paragraph>{t.parent.ifGiven[row.purpose]?.(subject) ?? ""}</Paragraph>
              <Paragraph>{t.parent.ifWithdrawn[row.purpose]?.(subject) ?? ""}</Paragraph>
              {childDecides && <Paragraph>{t.parentPage.childDecides}</Paragraph>}
              {!closed && !childDecides && (
                <div className="aanwezig-parent__buttons">
                  {/* One button that gives or withdraws: the same element, so focus stays on it
                      when its label turns to the opposite. */}
                  <Button
                    type="button"
                    purpose={given ? "secondary" : "primary"}
                    busy={busy || undefined}
                    aria-label={given ? t.parent.withdrawFor(name) : t.parent.giveFor(name)}
                    onClick={() => decide(row, given ? "withdrawn" : "given")}
                  >
                    {given ? t.parent.withdraw : t.parent.give}
                  </Button>
                  {row.state === "not_asked" && (
                    <Button
                      type="button"
                      purpose="secondary"
                      aria-label={t.parent.refuseFor(name)}
                      onClick={() => decide(row, "refused")}
                    >
                      {t.parent.refuse}
                    </Button>
                  )}
                </div>
              )}
              <p role="status" className="aanwezig-notice">
                {notice?.key === key ? notice.text : ""}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
