// Choosing the pupil for a case opened by hand (issue 11 item 3): the pupil search
// (GET /api/pupils?q=) instead of typing a number; choosing a result fills in the pupil number.
// Its own form, beside the case form, so Enter in the search field searches.
import { LookupPicker } from "../../components/LookupPicker.tsx";
import { formatPupil } from "../../components/names.ts";
import { t } from "../../i18n/index.ts";
import { MIN_SEARCH_LENGTH, usePupilSearch } from "../pupil/PupilSearchPage.tsx";

const s = t.pupilSearch;
const TEXTS = { ...s, region: s.title, label: s.pickTitle, hint: s.pickHint };

export function PupilPicker({
  onPick,
  id = "open-case-search",
}: {
  /** The pupil's number, how they read, and the schools of this school year (from the search). */
  onPick: (
    pupilId: string,
    label: string,
    schools: readonly { school_id: string; school_name: string }[],
  ) => void;
  /** The search field's id (one picker per form on a page). */
  id?: string;
}) {
  return (
    <LookupPicker
      id={id}
      texts={TEXTS}
      minLength={MIN_SEARCH_LENGTH}
      useResults={usePupilSearch}
      itemKey={(pupil) => pupil.pupil_id}
      itemLabel={formatPupil}
      onPick={(pupil, label) => onPick(pupil.pupil_id, label, pupil.schools ?? [])}
      resultsTestId={`${id}-results`}
    />
  );
}
