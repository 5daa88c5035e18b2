// Choosing one result of a search for a form (the pupil for a case opened by hand, a person for a
// set-up form): its own form, beside the form it fills in, so Enter in the search field searches;
// a term shorter than minLength is refused with a field error; choosing a result hands it to
// onPick and the status line says what was chosen.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Loading, ProblemAlert } from "./ProblemAlert.tsx";
import { TextField } from "./TextField.tsx";

export interface LookupTexts {
  /** The search landmark's name. */
  region: string;
  label: string;
  hint: string;
  submit: string;
  tooShort: string;
  none: string;
  count: (n: number) => string;
  pick: (label: string) => string;
  picked: (label: string) => string;
}

export interface LookupPickerProps<T> {
  id: string;
  texts: LookupTexts;
  minLength: number;
  /** The query for a term; called on every render, as a hook. */
  useResults: (q: string) => UseQueryResult<T[]>;
  itemKey: (item: T) => string;
  itemLabel: (item: T) => string;
  onPick: (item: T, label: string) => void;
  /** A new search clears what was chosen from the results before. */
  forgetPickOnSearch?: boolean;
  resultsTestId?: string;
}

export function LookupPicker<T>({
  id,
  texts: s,
  minLength,
  useResults,
  itemKey,
  itemLabel,
  onPick,
  forgetPickOnSearch = false,
  resultsTestId,
}: LookupPickerProps<T>) {
  const [term, setTerm] = useState("");
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const results = useResults(q);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = term.trim();
    if (wanted.length < minLength) {
      setError(s.tooShort);
      return;
    }
    setError(undefined);
    if (forgetPickOnSearch) setPicked(undefined);
    setQ(wanted);
  }

  return (
    <search aria-label={s.region}>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={id}
          label={s.label}
          type="search"
          autoComplete="off"
          value={term}
          error={error}
          onChange={(e) => setTerm(e.currentTarget.value)}
        />
        <Paragraph className="aanwezig-hint">{s.hint}</Paragraph>
        <Button type="submit" purpose="secondary">
          {s.submit}
        </Button>
      </form>
      {q.length >= minLength && results.isPending && <Loading />}
      {results.isError && <ProblemAlert error={results.error} />}
      {results.data && (
        <>
          <p role="status">
            {picked
              ? s.picked(picked)
              : results.data.length === 0
                ? s.none
                : s.count(results.data.length)}
          </p>
          {results.data.length > 0 && (
            <ul data-testid={resultsTestId}>
              {results.data.map((item) => {
                const label = itemLabel(item);
                return (
                  <li key={itemKey(item)}>
                    <Button
                      type="button"
                      purpose="subtle"
                      aria-pressed={picked === label}
                      onClick={() => {
                        setPicked(label);
                        onPick(item, label);
                      }}
                    >
                      {s.pick(label)}
                    </Button>
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}
    </search>
  );
}
