// Consent per purpose for a parent (domain.md §5 "Informed consent"): what each purpose means,
// where it stands now, and buttons to give, refuse or withdraw it. Withdrawing asks once more,
// in the page itself (no browser dialog), and takes effect at once on the server.
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

export function ConsentSection({ detail }: { detail: CaseDetail }) {
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const s = t.more.parent;
  const record = useMutation({
    mutationFn: (input: { row: ConsentStatusRow; decision: Decision }) =>
      runCaseCommand(detail.id, "consent", {
        purpose: input.row.purpose,
        ...(input.row.subject ? { subject: input.row.subject } : {}),
        decision: input.decision,
      }),
    onSuccess: async () => {
      setConfirming(null);
      setNotice(t.parent.recorded);
      await queryClient.invalidateQueries({ queryKey: ["case", detail.id] });
    },
  });
  const closed = detail.phase === "CLOSED";
  const keyOf = (row: ConsentStatusRow) => `${row.purpose}|${row.subject ?? ""}`;

  function decide(row: ConsentStatusRow, decision: Decision) {
    setNotice("");
    record.mutate({ row, decision });
  }

  return (
    <section aria-labelledby={`consent-${detail.id}`} className="aanwezig-parent__block">
      <Heading level={3} id={`consent-${detail.id}`}>
        {t.parent.consent}
      </Heading>
      <Paragraph>{t.parent.consentIntro}</Paragraph>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      {record.isError && <ProblemAlert error={record.error} />}
      <ul className="aanwezig-parent__consents">
        {detail.consent.status.map((row) => {
          const name = purposeName(row);
          const key = keyOf(row);
          const state = t.consentStates[row.state];
          const busy = record.isPending && record.variables && keyOf(record.variables.row) === key;
          const childDecides = row.authority === "child";
          return (
            <li key={key} className="aanwezig-parent__consent" data-purpose={row.purpose}>
              <Heading level={4}>{name}</Heading>
              <Paragraph>{s.purposeExplained[row.purpose] ?? ""}</Paragraph>
              <Paragraph>
                <strong>{t.parent.consentNow(state.toLowerCase())}</strong>{" "}
                {t.consentAuthority[row.authority] ?? ""}
              </Paragraph>
              {childDecides && <Paragraph>{s.childDecides}</Paragraph>}
              {!closed && !childDecides && confirming !== key && (
                <div className="aanwezig-parent__buttons">
                  {row.state === "given" ? (
                    <Button
                      type="button"
                      purpose="secondary"
                      aria-label={t.parent.withdrawFor(name)}
                      onClick={() => {
                        setNotice("");
                        setConfirming(key);
                      }}
                    >
                      {t.parent.withdraw}
                    </Button>
                  ) : (
                    <>
                      <Button
                        type="button"
                        purpose="primary"
                        busy={busy || undefined}
                        aria-label={t.parent.giveFor(name)}
                        onClick={() => decide(row, "given")}
                      >
                        {t.parent.give}
                      </Button>
                      {row.state !== "refused" && (
                        <Button
                          type="button"
                          purpose="secondary"
                          aria-label={t.parent.refuseFor(name)}
                          onClick={() => decide(row, "refused")}
                        >
                          {t.parent.refuse}
                        </Button>
                      )}
                    </>
                  )}
                </div>
              )}
              {confirming === key && (
                <div className="aanwezig-parent__confirm">
                  <Paragraph>{t.parent.confirmWithdraw(name)}</Paragraph>
                  <div className="aanwezig-parent__buttons">
                    <Button
                      type="button"
                      purpose="primary"
                      busy={busy || undefined}
                      onClick={() => decide(row, "withdrawn")}
                    >
                      {s.confirmWithdraw}
                    </Button>
                    <Button type="button" purpose="secondary" onClick={() => setConfirming(null)}>
                      {t.common.cancel}
                    </Button>
                  </div>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
