// The placements of an arrangement (Inrichting → Arrangementen, partnership; domain.md §6): who
// holds a place from when to when — pupils of cases the user takes part in by name, the others
// counted — a pupil placed with the pupil search (which takes them off the waiting list), and a
// placement's end date corrected or set. The server checks the free place, validates and audits.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type Arrangement,
  changePlacementEnd,
  fetchPlacements,
  fieldErrorsOf,
  type Placement,
  recordPlacement,
} from "../../api/setup.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { type PickedPupil, PickedPupilForm } from "./PickedPupilForm.tsx";

const s = t.setup.arrangements;
const placementKey = (p: Placement) => `${p.pupil_id ?? "?"}-${p.start_date}-${p.end_date ?? ""}`;

export function PlacementsSection({
  arrangements,
  onNotice,
}: {
  arrangements: readonly Arrangement[];
  onNotice: (text: string) => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [id, setId] = useState(arrangements[0]?.id ?? "");
  const [editing, setEditing] = useState<Placement | null>(null);
  const chosen = arrangements.find((a) => a.id === id);
  const key = ["placements", id];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchPlacements(id, signal),
    enabled: id !== "",
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: ["arrangements"] });
    await queryClient.invalidateQueries({ queryKey: ["waiting-list", id] });
  };
  return (
    <section aria-labelledby="placements-heading">
      <Heading level={2} id="placements-heading">
        {s.placementsHeading}
      </Heading>
      <SelectField
        id="placements-arrangement"
        label={s.arrangement}
        value={id}
        onChange={(value) => {
          setId(value);
          setEditing(null);
        }}
        options={arrangements.map((a) => ({ value: a.id, label: a.name }))}
      />
      {list.isPending && id !== "" && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <DataTable<Placement>
          title={s.placementsOf(chosen?.name ?? "")}
          exportDate={appToday(me)}
          rows={list.data}
          rowKey={placementKey}
          emptyText={s.placementsNone}
          columns={[
            {
              key: "pupil",
              header: s.pupil,
              value: (p) => (p.pupil_id ? `${p.pupil_name} (${p.pupil_id})` : s.hidden),
              rowHeader: true,
            },
            { key: "start", header: s.placementStart, value: (p) => formatDate(p.start_date) },
            {
              key: "end",
              header: s.placementEnd,
              value: (p) => (p.end_date ? formatDate(p.end_date) : s.placementOpen),
            },
            {
              key: "active",
              header: s.placementActive,
              value: (p) => (p.active ? s.yes : s.no),
            },
            {
              key: "action",
              header: s.changeEnd,
              noExport: true,
              value: () => "",
              cell: (p) =>
                p.pupil_id ? (
                  <Button
                    type="button"
                    purpose="secondary"
                    aria-label={`${s.changeEnd}: ${p.pupil_name ?? ""} ${formatDate(p.start_date)}`}
                    onClick={() => setEditing(p)}
                  >
                    {s.changeEnd}
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      {editing && (
        <PlacementEnd
          key={placementKey(editing)}
          placement={editing}
          onDone={async (name) => {
            setEditing(null);
            if (name !== null) {
              onNotice(s.endSaved(name));
              await refresh();
            }
          }}
        />
      )}
      <NewPlacement
        arrangementId={id}
        onPlaced={async (name) => {
          onNotice(s.placed(name));
          await refresh();
        }}
      />
    </section>
  );
}

function PlacementEnd({
  placement,
  onDone,
}: {
  placement: Placement;
  onDone: (name: string | null) => void;
}) {
  const [end, setEnd] = useState(placement.end_date ?? "");
  const save = useMutation({
    mutationFn: () => changePlacementEnd(placement, end.trim() === "" ? null : end),
    onSuccess: () => onDone(placement.pupil_name ?? ""),
  });
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate();
  }
  const heading = s.changeEndOf(placement.pupil_name ?? "", formatDate(placement.start_date));
  return (
    <section aria-labelledby="placement-end-heading">
      <Heading level={3} id="placement-end-heading">
        {heading}
      </Heading>
      {save.isError && !errors.end_date && <ProblemAlert error={save.error} />}
      <form noValidate onSubmit={onSubmit} aria-labelledby="placement-end-heading">
        <TextField
          id="placement-end"
          type="date"
          label={`${s.placementEnd} (${s.endHint})`}
          value={end}
          error={errors.end_date}
          onChange={(e) => setEnd(e.currentTarget.value)}
        />
        <span className="aanwezig-parent__buttons">
          <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
            {s.saveEnd}
          </Button>
          <Button type="button" purpose="secondary" onClick={() => onDone(null)}>
            {s.cancel}
          </Button>
        </span>
      </form>
    </section>
  );
}

function NewPlacement({
  arrangementId,
  onPlaced,
}: {
  arrangementId: string;
  onPlaced: (name: string) => Promise<void>;
}) {
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const place = useMutation({
    mutationFn: (pupil: PickedPupil) =>
      recordPlacement(arrangementId, {
        pupil_id: pupil.id,
        start_date: start,
        end_date: end.trim() === "" ? null : end,
      }),
    onSuccess: async (_placed, pupil) => {
      setStart("");
      setEnd("");
      await onPlaced(pupil.label);
    },
  });
  const errors = fieldErrorsOf(place.error);
  return (
    <PickedPupilForm
      headingId="placement-add-heading"
      heading={s.placeHeading}
      hint={s.placeHint}
      searchId="placement-pupil-search"
      namedForm
      submitLabel={s.place}
      busy={place.isPending}
      problem={place.isError && Object.keys(errors).length === 0 ? place.error : null}
      send={place.mutateAsync}
    >
      <TextField
        id="placement-start"
        type="date"
        label={s.placementStart}
        value={start}
        error={errors.start_date}
        onChange={(e) => setStart(e.currentTarget.value)}
      />
      <TextField
        id="placement-end-new"
        type="date"
        label={s.placementEndOptional}
        value={end}
        error={errors.end_date}
        onChange={(e) => setEnd(e.currentTarget.value)}
      />
    </PickedPupilForm>
  );
}
