// The frictiebudget (/inrichting/frictiebudget; domain.md §6 "Shared budget"): the partners —
// policy staff of a municipality and the partnership — see the balance per budget in a year
// (contributed, committed, available) with its contributions, and record their own
// contribution. The ledger is append-only; the server decides the party from the role,
// validates and audits every change.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type BudgetBalance,
  fetchBudgets,
  fieldErrorsOf,
  recordContribution,
} from "../../api/setup.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate, formatEuros } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const s = t.setup.budgets;
type Contribution = BudgetBalance["contributions"][number];

/** "30000", "30.000,50" or "30000,5" → cents; undefined when it is no amount. */
export function centsOf(text: string): number | undefined {
  const clean = text.trim().replace(/^€\s*/, "").replace(/\./g, "").replace(",", ".");
  if (!/^\d+(\.\d{1,2})?$/.test(clean)) return undefined;
  return Math.round(Number(clean) * 100);
}

export function BudgetsPage() {
  const me = useCurrentUser();
  const thisYear = Number(appToday(me).slice(0, 4));
  const [yearText, setYearText] = useState(String(thisYear));
  const [year, setYear] = useState(thisYear);
  const [notice, setNotice] = useState("");
  const budgets = useQuery({
    queryKey: ["budgets", year],
    queryFn: ({ signal }) => fetchBudgets(year, signal),
  });
  const [yearError, setYearError] = useState<string | undefined>(undefined);
  function onShow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^20\d{2}$/.test(yearText.trim())) {
      setYearError(s.yearInvalid);
      return;
    }
    setYearError(undefined);
    setYear(Number(yearText.trim()));
  }
  const rows = budgets.data ?? [];
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <form noValidate onSubmit={onShow} aria-label={s.show}>
        <TextField
          id="budget-year"
          label={s.year}
          inputMode="numeric"
          value={yearText}
          error={yearError}
          onChange={(e) => setYearText(e.currentTarget.value)}
        />
        <Button type="submit" purpose="secondary">
          {s.show}
        </Button>
      </form>
      <Heading level={2}>{s.list(year)}</Heading>
      {budgets.isPending && <Loading />}
      {budgets.isError && <ProblemAlert error={budgets.error} />}
      {budgets.data?.length === 0 && <Paragraph>{s.none}</Paragraph>}
      {rows.length > 0 && (
        <DataTable<BudgetBalance>
          title={s.list(year)}
          exportDate={appToday(me)}
          rows={rows}
          rowKey={(b) => b.budget_id}
          columns={[
            {
              key: "municipality",
              header: s.municipality,
              value: (b) => b.municipality,
              rowHeader: true,
              sortable: true,
            },
            {
              key: "contributed",
              header: s.contributed,
              value: (b) => b.contributed_cents / 100,
              cell: (b) => formatEuros(b.contributed_cents),
            },
            {
              key: "committed",
              header: s.committed,
              value: (b) => b.committed_cents / 100,
              cell: (b) => formatEuros(b.committed_cents),
            },
            {
              key: "available",
              header: s.available,
              value: (b) => b.available_cents / 100,
              cell: (b) => formatEuros(b.available_cents),
            },
          ]}
        />
      )}
      {rows
        .filter((b) => b.contributions.length > 0)
        .map((b) => (
          <DataTable<Contribution>
            key={b.budget_id}
            title={s.contributions(b.municipality, year)}
            exportDate={appToday(me)}
            rows={b.contributions}
            rowKey={(c) => `${c.party_kind}-${c.party_id}-${c.recorded_at}-${c.amount_cents}`}
            columns={[
              {
                key: "party",
                header: s.party,
                value: (c) => c.party_id,
                rowHeader: true,
              },
              {
                key: "amount",
                header: s.amount,
                value: (c) => c.amount_cents / 100,
                cell: (c) =>
                  c.reversed
                    ? `${formatEuros(c.amount_cents)} (${s.reversed})`
                    : formatEuros(c.amount_cents),
              },
              { key: "recorded", header: s.recordedAt, value: (c) => formatDate(c.recorded_at) },
            ]}
          />
        ))}
      <NewContribution
        municipalities={rows.map((b) => b.municipality)}
        year={year}
        onSaved={(m) => setNotice(s.saved(m))}
      />
    </>
  );
}

function NewContribution({
  municipalities,
  year,
  onSaved,
}: {
  municipalities: readonly string[];
  year: number;
  onSaved: (municipality: string) => void;
}) {
  const queryClient = useQueryClient();
  const [municipality, setMunicipality] = useState("");
  const [amount, setAmount] = useState("");
  const [local, setLocal] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: (cents: number) => recordContribution({ municipality, year, amount_cents: cents }),
    onSuccess: async (b) => {
      setAmount("");
      onSaved(b.municipality);
      await queryClient.invalidateQueries({ queryKey: ["budgets"] });
    },
  });
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cents = centsOf(amount);
    if (cents === undefined) {
      setLocal(s.amountInvalid);
      document.getElementById("contribution-amount")?.focus();
      return;
    }
    setLocal(undefined);
    save.mutate(cents);
  }
  return (
    <section aria-labelledby="new-contribution-heading">
      <Heading level={2} id="new-contribution-heading">
        {`${s.newHeading} (${year})`}
      </Heading>
      {save.isError && Object.keys(errors).length === 0 && <ProblemAlert error={save.error} />}
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          id="contribution-municipality"
          label={s.municipality}
          placeholder={s.chooseMunicipality}
          value={municipality}
          error={errors.municipality}
          onChange={setMunicipality}
          options={municipalities.map((m) => ({ value: m, label: m }))}
        />
        <TextField
          id="contribution-amount"
          label={s.amountEuros}
          inputMode="decimal"
          value={amount}
          error={local ?? errors.amount_cents}
          onChange={(e) => setAmount(e.currentTarget.value)}
        />
        <Paragraph>{s.amountHint}</Paragraph>
        <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
          {s.save}
        </Button>
      </form>
    </section>
  );
}
