// The filter bar above a worklist (issue 11 deliverable 5): what to show (everything, only what
// is late, only new signals), one kind of signal or report, one of the user's municipalities.
// The choice lives in the address (?toon=&soort=&gemeente=), so Back and a bookmark keep it; the
// lists below follow at once and their headings carry the counts.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useId } from "react";
import { useSearchParams } from "react-router";
import { SelectField } from "../../components/FormFields.tsx";
import "./worklists.css";
import { t } from "../../i18n/index.ts";
import { isFiltered, NO_FILTER, type ShowFilter, type WorklistFilter } from "./worklist-filters.ts";

const SHOWS: readonly ShowFilter[] = ["all", "overdue", "new"];

export function useWorklistFilter(): [WorklistFilter, (f: WorklistFilter) => void] {
  const [params, setParams] = useSearchParams();
  const show = params.get("toon");
  const filter: WorklistFilter = {
    show: SHOWS.includes(show as ShowFilter) ? (show as ShowFilter) : "all",
    kind: params.get("soort") ?? "",
    municipality: params.get("gemeente") ?? "",
  };
  const set = (f: WorklistFilter) => {
    const next = new URLSearchParams();
    if (f.show !== "all") next.set("toon", f.show);
    if (f.kind) next.set("soort", f.kind);
    if (f.municipality) next.set("gemeente", f.municipality);
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return [filter, set];
}

export interface KindOption {
  value: string;
  label: string;
}

export function WorklistFilters({
  filter,
  onChange,
  shows,
  kinds,
  municipalities,
}: {
  filter: WorklistFilter;
  onChange: (f: WorklistFilter) => void;
  /** The "show" choices that make sense for the role. */
  shows: readonly ShowFilter[];
  kinds: readonly KindOption[];
  /** The user's municipalities; the field is there only with more than one. */
  municipalities: readonly string[];
}) {
  const id = useId();
  const f = t.work.filters;
  const showLabel: Record<ShowFilter, string> = {
    all: f.showAll,
    overdue: f.showOverdue,
    new: f.showNew,
  };
  const parts = [
    filter.show !== "all" ? showLabel[filter.show].toLowerCase() : "",
    filter.kind ? (kinds.find((k) => k.value === filter.kind)?.label ?? filter.kind) : "",
    filter.municipality,
  ].filter(Boolean);
  return (
    <search className="aanwezig-worklist-filters" aria-labelledby={`${id}-legend`}>
      <fieldset className="aanwezig-worklist-filters__fields">
        <legend id={`${id}-legend`}>{f.legend}</legend>
        <div className="aanwezig-worklist-filters__row">
          <SelectField
            id={`${id}-show`}
            label={f.show}
            value={filter.show}
            onChange={(v) => onChange({ ...filter, show: v as ShowFilter })}
            options={shows.map((s) => ({ value: s, label: showLabel[s] }))}
          />
          {kinds.length > 0 && (
            <SelectField
              id={`${id}-kind`}
              label={f.kind}
              value={filter.kind}
              onChange={(v) => onChange({ ...filter, kind: v })}
              options={[{ value: "", label: f.allKinds }, ...kinds]}
            />
          )}
          {municipalities.length > 1 && (
            <SelectField
              id={`${id}-municipality`}
              label={f.municipality}
              value={filter.municipality}
              onChange={(v) => onChange({ ...filter, municipality: v })}
              options={[
                { value: "", label: f.allMunicipalities },
                ...municipalities.map((m) => ({ value: m, label: m })),
              ]}
            />
          )}
          {isFiltered(filter) && (
            <Button type="button" purpose="secondary" onClick={() => onChange(NO_FILTER)}>
              {f.reset}
            </Button>
          )}
        </div>
        <Paragraph role="status" className="aanwezig-hint">
          {f.summary(parts)}
        </Paragraph>
      </fieldset>
    </search>
  );
}
