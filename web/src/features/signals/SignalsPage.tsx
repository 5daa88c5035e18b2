// /signalen: every signal the user may see at a chosen date (default the app's today), filtered
// by kind, each with why it fired and a way into a case.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { SelectField } from "../../components/FormFields.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { useCases, useSignals } from "../cases/queries.ts";
import { openCasesByPupil, SignalTable } from "./SignalTable.tsx";

export function SignalsPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const [params, setParams] = useSearchParams();
  const asOf = params.get("peildatum") ?? today;
  const code = params.get("soort") ?? "";
  const [draft, setDraft] = useState({ asOf, code });
  const [dateError, setDateError] = useState<string | undefined>();
  const signals = useSignals(asOf);
  const cases = useCases();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.asOf)) {
      setDateError(t.common.dateInvalid);
      document.getElementById("signals-as-of")?.focus();
      return;
    }
    setDateError(undefined);
    const next = new URLSearchParams();
    next.set("peildatum", draft.asOf);
    if (draft.code) next.set("soort", draft.code);
    setParams(next);
  }

  const rows = (signals.data ?? []).filter((s) => !code || s.code === code);
  const codes = Object.entries(t.signalCodes).map(([value, label]) => ({ value, label }));
  return (
    <>
      <PageHeading>{t.signals.title}</PageHeading>
      <Paragraph>{t.signals.intro}</Paragraph>
      <form
        noValidate
        onSubmit={onSubmit}
        aria-label={t.signals.filter}
        className="aanwezig-filter"
      >
        <TextField
          id="signals-as-of"
          label={t.signals.asOf}
          type="date"
          value={draft.asOf}
          error={dateError}
          onChange={(e) => setDraft({ ...draft, asOf: e.target.value })}
        />
        <SelectField
          id="signals-code"
          label={t.signals.code}
          value={draft.code}
          placeholder={t.signals.allCodes}
          options={codes}
          onChange={(value) => setDraft({ ...draft, code: value })}
        />
        <Button type="submit" purpose="secondary">
          {t.signals.show}
        </Button>
      </form>
      {(signals.isPending || cases.isPending) && <Loading />}
      {signals.isError && <ProblemAlert error={signals.error} />}
      {/* Only once the cases are in: a pupil with an open case is not offered a second one. */}
      {signals.data && !cases.isPending && (
        <SignalTable
          title={t.signals.tableTitle}
          signals={rows}
          openCases={openCasesByPupil(cases.data)}
          mayOpenCase={me.capabilities.open_case}
          today={today}
          testId="signals-table"
        />
      )}
    </>
  );
}
