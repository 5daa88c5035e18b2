// "Leerlingen zoeken" (/leerlingen, issue 11 item 3): find a pupil by name or number and go to
// the pupil page. The term lives in the address (?q=), so back and reload keep the results; the
// server decides which pupils the user may see and logs each one it returns.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useSearchParams } from "react-router";
import { type PupilSearchResult, searchPupils } from "../../api/pupil-search.ts";
import { AppLink } from "../../components/AppLink.tsx";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { formatPupil, formatSchool } from "../../components/names.ts";
import { PageHeading } from "../../components/PageHeading.tsx";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const s = t.pupilSearch;
export const MIN_SEARCH_LENGTH = 2;

export function pupilHref(pupilId: string): string {
  return `/leerlingen/${encodeURIComponent(pupilId)}`;
}

export function usePupilSearch(q: string) {
  return useQuery({
    queryKey: ["pupil-search", q],
    queryFn: ({ signal }) => searchPupils(q, signal),
    enabled: q.length >= MIN_SEARCH_LENGTH,
    retry: false,
  });
}

export function PupilSearchPage() {
  const me = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const [term, setTerm] = useState(q);
  const [error, setError] = useState<string | undefined>(undefined);
  const results = usePupilSearch(q);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const wanted = term.trim();
    if (wanted.length < MIN_SEARCH_LENGTH) {
      setError(s.tooShort);
      return;
    }
    setError(undefined);
    setParams({ q: wanted });
  }

  const columns: Column<PupilSearchResult>[] = [
    {
      key: "pupil",
      header: s.pupil,
      value: (p) => formatPupil(p),
      cell: (p) => <AppLink to={pupilHref(p.pupil_id)}>{formatPupil(p)}</AppLink>,
      sortable: true,
      rowHeader: true,
    },
    {
      key: "schools",
      header: s.schools,
      value: (p) => p.schools.map((x) => formatSchool(x)).join(", "),
      sortable: true,
    },
  ];

  return (
    <>
      <PageHeading>{s.title}</PageHeading>
      <Paragraph>{s.intro}</Paragraph>
      <search aria-label={s.title}>
        <form noValidate onSubmit={onSubmit}>
          <TextField
            id="pupil-search-q"
            label={s.label}
            type="search"
            autoComplete="off"
            value={term}
            error={error}
            onChange={(e) => setTerm(e.currentTarget.value)}
          />
          <Button type="submit" purpose="primary">
            {s.submit}
          </Button>
        </form>
      </search>
      {q.length >= MIN_SEARCH_LENGTH && results.isPending && <Loading />}
      {results.isError && <ProblemAlert error={results.error} />}
      {results.data && (
        <>
          <p role="status">{results.data.length === 0 ? s.none : s.count(results.data.length)}</p>
          {results.data.length > 0 && (
            <DataTable
              title={s.resultsLabel}
              columns={columns}
              rows={results.data}
              rowKey={(p) => p.pupil_id}
              exportDate={appToday(me)}
              exportable={false}
              testId="pupil-search-results"
            />
          )}
        </>
      )}
    </>
  );
}
