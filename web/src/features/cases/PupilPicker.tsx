// Choosing the pupil for a case opened by hand (issue 11 item 3): the pupil search
// (GET /api/pupils?q=) instead of typing a number; choosing a result fills in the pupil number.
// Its own form, beside the case form, so Enter in the search field searches.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { type FormEvent, useState } from "react";
import { formatPupil } from "../../components/names.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { MIN_SEARCH_LENGTH, usePupilSearch } from "../pupil/PupilSearchPage.tsx";

const s = t.pupilSearch;

export function PupilPicker({ onPick }: { onPick: (pupilId: string, label: string) => void }) {
  const [term, setTerm] = useState("");
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const results = usePupilSearch(q);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = term.trim();
    if (wanted.length < MIN_SEARCH_LENGTH) {
      setError(s.tooShort);
      return;
    }
    setError(undefined);
    setQ(wanted);
  }

  return (
    <search aria-label={s.title}>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="open-case-search"
          label={s.pickTitle}
          type="search"
          autoComplete="off"
          value={term}
          error={error}
          onChange={(e) => setTerm(e.currentTarget.value)}
        />
        <Paragraph className="aanwezig-hint">{s.pickHint}</Paragraph>
        <Button type="submit" purpose="secondary">
          {s.submit}
        </Button>
      </form>
      {q.length >= MIN_SEARCH_LENGTH && results.isPending && <Loading />}
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
            <ul data-testid="open-case-search-results">
              {results.data.map((pupil) => {
                const label = formatPupil(pupil);
                return (
                  <li key={pupil.pupil_id}>
                    <Button
                      type="button"
                      purpose="subtle"
                      aria-pressed={picked === label}
                      onClick={() => {
                        setPicked(label);
                        onPick(pupil.pupil_id, label);
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
