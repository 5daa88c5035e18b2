// Choosing a person for a set-up form (issue 14 item 2: a people lookup where a form asked for an
// id): GET /api/people?q= by name or e-mail address; choosing a result hands its account id to
// the form. Its own form, beside the member form, so Enter in the search field searches.
import { useQuery } from "@tanstack/react-query";
import { type Person, searchPeople } from "../../api/setup.ts";
import { LookupPicker } from "../../components/LookupPicker.tsx";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";

const s = t.setup.people;
const MIN_LENGTH = 2;
const TEXTS = { ...s, region: s.search, label: s.search };

export function personLabel(p: Person): string {
  const roles = p.roles.map((r) => roleTitle(r.role)).join(", ");
  return roles ? `${p.name} (${roles})` : p.name;
}

function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ["people", q],
    queryFn: ({ signal }) => searchPeople(q, signal),
    enabled: q.length >= MIN_LENGTH,
  });
}

export function PeoplePicker({ id, onPick }: { id: string; onPick: (person: Person) => void }) {
  return (
    <LookupPicker
      id={id}
      texts={TEXTS}
      minLength={MIN_LENGTH}
      useResults={usePeopleSearch}
      itemKey={(person) => person.id}
      itemLabel={personLabel}
      onPick={(person) => onPick(person)}
      forgetPickOnSearch
    />
  );
}
