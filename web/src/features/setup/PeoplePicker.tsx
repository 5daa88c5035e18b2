// Choosing a person for a set-up form (issue 14 item 2: a people lookup where a form asked for an
// id): GET /api/people?q= by name or e-mail address; choosing a result hands its account id to
// the form. Its own form, beside the member form, so Enter in the search field searches.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { type Person, searchPeople } from "../../api/setup.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";

const s = t.setup.people;

export function personLabel(p: Person): string {
  const roles = p.roles.map((r) => roleTitle(r.role)).join(", ");
  return roles ? `${p.name} (${roles})` : p.name;
}

export function PeoplePicker({ id, onPick }: { id: string; onPick: (person: Person) => void }) {
  const [term, setTerm] = useState("");
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const results = useQuery({
    queryKey: ["people", q],
    queryFn: ({ signal }) => searchPeople(q, signal),
    enabled: q.length >= 2,
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = term.trim();
    if (wanted.length < 2) {
      setError(s.tooShort);
      return;
    }
    setError(undefined);
    setPicked(undefined);
    setQ(wanted);
  }

  return (
    <search aria-label={s.search}>
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id={id}
          label={s.search}
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
      {q.length >= 2 && results.isPending && <Loading />}
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
            <ul>
              {results.data.map((person) => {
                const label = personLabel(person);
                return (
                  <li key={person.id}>
                    <Button
                      type="button"
                      purpose="subtle"
                      aria-pressed={picked === label}
                      onClick={() => {
                        setPicked(label);
                        onPick(person);
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
