// The arrangements catalogue (/inrichting/arrangementen, partnership; domain.md §6): places with
// provider, kind and capacity, taken, free and waiting; a place is taken out of the catalogue,
// never deleted. The waiting list of a chosen place names only the pupils the user may read
// (the others keep their place without a name); a pupil is chosen with the pupil search.
// The server checks the role, validates and audits every change.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type Arrangement,
  type ArrangementInput,
  addToWaitingList,
  createArrangement,
  endArrangement,
  fetchArrangements,
  fetchWaitingList,
  fieldErrorsOf,
  leaveWaitingList,
  updateArrangement,
  type WaitingListEntry,
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
import { PlacementsSection } from "./PlacementsSection.tsx";

const s = t.setup.arrangements;
const KINDS = ["special_education", "oza", "day_programme", "youth_care"] as const;
const QUERY = ["arrangements"];
const kindLabel = (kind: string) => s.kinds[kind] ?? kind;

export function ArrangementsPage() {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: QUERY, queryFn: ({ signal }) => fetchArrangements(signal) });
  const [notice, setNotice] = useState("");
  const end = useMutation({
    mutationFn: (a: Arrangement) => endArrangement(a.id),
    onSuccess: async (a) => {
      setNotice(s.endedNotice(a.name));
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const rows = list.data ?? [];
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <NewArrangement onCreated={(name) => setNotice(s.created(name))} />
      <Heading level={2}>{s.list}</Heading>
      {list.isPending && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {end.isError && <ProblemAlert error={end.error} />}
      {list.data?.length === 0 && <Paragraph>{s.none}</Paragraph>}
      {rows.length > 0 && (
        <DataTable<Arrangement>
          title={s.list}
          exportDate={appToday(me)}
          rows={rows}
          rowKey={(a) => a.id}
          columns={[
            { key: "name", header: s.name, value: (a) => a.name, rowHeader: true, sortable: true },
            { key: "provider", header: s.provider, value: (a) => a.provider, sortable: true },
            { key: "kind", header: s.kind, value: (a) => kindLabel(a.kind) },
            { key: "capacity", header: s.capacity, value: (a) => a.capacity },
            { key: "occupied", header: s.occupied, value: (a) => a.occupied },
            { key: "free", header: s.free, value: (a) => a.free },
            { key: "waiting", header: s.waiting, value: (a) => a.waiting },
            {
              key: "status",
              header: s.status,
              value: (a) => (a.ended_on ? s.ended(formatDate(a.ended_on)) : s.active),
            },
            {
              key: "action",
              header: s.end,
              noExport: true,
              value: () => "",
              cell: (a) =>
                a.ended_on ? null : (
                  <Button type="button" purpose="secondary" onClick={() => end.mutate(a)}>
                    {s.end}
                    <span className="aanwezig-visually-hidden"> {a.name}</span>
                  </Button>
                ),
            },
          ]}
        />
      )}
      {rows.length > 0 && (
        <>
          <Capacity arrangements={rows} onNotice={setNotice} />
          <WaitingList arrangements={rows.filter((a) => !a.ended_on)} onNotice={setNotice} />
          <PlacementsSection arrangements={rows} onNotice={setNotice} />
        </>
      )}
    </>
  );
}

function NewArrangement({ onCreated }: { onCreated: (name: string) => void }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ provider: "", name: "", kind: "", capacity: "" });
  const create = useMutation({
    mutationFn: (input: ArrangementInput) => createArrangement(input),
    onSuccess: async (a) => {
      setDraft({ provider: "", name: "", kind: "", capacity: "" });
      onCreated(a.name);
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const errors = fieldErrorsOf(create.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({
      provider: draft.provider.trim(),
      name: draft.name.trim(),
      // The server names a missing or wrong kind and capacity at their fields.
      kind: draft.kind as ArrangementInput["kind"],
      capacity: draft.capacity.trim() === "" ? Number.NaN : Number(draft.capacity),
    });
  }
  return (
    <section aria-labelledby="new-arrangement-heading">
      <Heading level={2} id="new-arrangement-heading">
        {s.newHeading}
      </Heading>
      {create.isError && Object.keys(errors).length === 0 && <ProblemAlert error={create.error} />}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="arrangement-provider"
          label={s.provider}
          value={draft.provider}
          error={errors.provider}
          onChange={(e) => setDraft({ ...draft, provider: e.currentTarget.value })}
        />
        <TextField
          id="arrangement-name"
          label={s.name}
          value={draft.name}
          error={errors.name}
          onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
        />
        <SelectField
          id="arrangement-kind"
          label={s.kind}
          placeholder={s.chooseKind}
          value={draft.kind}
          error={errors.kind}
          onChange={(kind) => setDraft({ ...draft, kind })}
          options={KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
        />
        <TextField
          id="arrangement-capacity"
          label={s.capacity}
          inputMode="numeric"
          value={draft.capacity}
          error={errors.capacity}
          onChange={(e) => setDraft({ ...draft, capacity: e.currentTarget.value })}
        />
        <Button type="submit" purpose="primary" busy={create.isPending || undefined}>
          {s.create}
        </Button>
      </form>
    </section>
  );
}

function Capacity({
  arrangements,
  onNotice,
}: {
  arrangements: readonly Arrangement[];
  onNotice: (text: string) => void;
}) {
  const queryClient = useQueryClient();
  const [id, setId] = useState("");
  const [capacity, setCapacity] = useState("");
  const [local, setLocal] = useState<string | undefined>(undefined);
  const save = useMutation({
    mutationFn: () =>
      updateArrangement(id, {
        capacity: capacity.trim() === "" ? Number.NaN : Number(capacity),
      }),
    onSuccess: async (a) => {
      onNotice(s.capacitySaved(a.name, a.capacity));
      setCapacity("");
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const errors = fieldErrorsOf(save.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!id) {
      setLocal(s.chooseFirst);
      return;
    }
    setLocal(undefined);
    save.mutate();
  }
  return (
    <section aria-labelledby="capacity-heading">
      <Heading level={2} id="capacity-heading">
        {s.capacityHeading}
      </Heading>
      {save.isError && !errors.capacity && <ProblemAlert error={save.error} />}
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          id="capacity-arrangement"
          label={s.arrangement}
          placeholder={s.chooseArrangement}
          value={id}
          error={local}
          onChange={setId}
          options={arrangements.map((a) => ({ value: a.id, label: a.name }))}
        />
        <TextField
          id="capacity-value"
          label={s.capacity}
          inputMode="numeric"
          value={capacity}
          error={errors.capacity}
          onChange={(e) => setCapacity(e.currentTarget.value)}
        />
        <Button type="submit" purpose="primary" busy={save.isPending || undefined}>
          {s.saveCapacity}
        </Button>
      </form>
    </section>
  );
}

function WaitingList({
  arrangements,
  onNotice,
}: {
  arrangements: readonly Arrangement[];
  onNotice: (text: string) => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [id, setId] = useState(arrangements[0]?.id ?? "");
  const chosen = arrangements.find((a) => a.id === id);
  const key = ["waiting-list", id];
  const list = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchWaitingList(id, signal),
    enabled: id !== "",
  });
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: key });
    await queryClient.invalidateQueries({ queryKey: QUERY });
  };
  const leave = useMutation({
    mutationFn: (e: WaitingListEntry) => leaveWaitingList(id, e.pupil_id ?? ""),
    onSuccess: async (_a, e) => {
      onNotice(s.left(e.pupil_name ?? ""));
      await refresh();
    },
  });
  const [since, setSince] = useState("");
  const add = useMutation({
    mutationFn: (pupil: PickedPupil) =>
      addToWaitingList(id, { pupil_id: pupil.id, ...(since ? { since } : {}) }),
    onSuccess: async (_added, pupil) => {
      onNotice(s.added(pupil.label));
      setSince("");
      await refresh();
    },
  });
  const errors = fieldErrorsOf(add.error);
  const title = s.waitingOf(chosen?.name ?? "");
  return (
    <section aria-labelledby="waiting-heading">
      <Heading level={2} id="waiting-heading">
        {s.waitingHeading}
      </Heading>
      <SelectField
        id="waiting-arrangement"
        label={s.arrangement}
        value={id}
        onChange={setId}
        options={arrangements.map((a) => ({ value: a.id, label: a.name }))}
      />
      {list.isPending && id !== "" && <Loading />}
      {list.isError && <ProblemAlert error={list.error} />}
      {leave.isError && <ProblemAlert error={leave.error} />}
      {list.data && (
        <DataTable<WaitingListEntry>
          title={title}
          exportDate={appToday(me)}
          rows={list.data}
          rowKey={(e) => `${e.position}`}
          emptyText={s.waitingNone}
          columns={[
            { key: "position", header: s.position, value: (e) => e.position, rowHeader: true },
            { key: "since", header: s.since, value: (e) => formatDate(e.since) },
            {
              key: "pupil",
              header: s.pupil,
              value: (e) => (e.pupil_id ? `${e.pupil_name} (${e.pupil_id})` : s.hidden),
            },
            {
              key: "action",
              header: s.leave,
              noExport: true,
              value: () => "",
              cell: (e) =>
                e.pupil_id ? (
                  <Button type="button" purpose="secondary" onClick={() => leave.mutate(e)}>
                    {s.leave}
                    <span className="aanwezig-visually-hidden"> {e.pupil_name}</span>
                  </Button>
                ) : null,
            },
          ]}
        />
      )}
      <PickedPupilForm
        headingId="waiting-add-heading"
        heading={s.addHeading}
        searchId="waiting-pupil-search"
        submitLabel={s.add}
        busy={add.isPending}
        problem={add.isError && !errors.since ? add.error : null}
        send={add.mutateAsync}
      >
        <TextField
          id="waiting-since"
          type="date"
          label={s.sinceDate}
          value={since}
          error={errors.since}
          onChange={(e) => setSince(e.currentTarget.value)}
        />
      </PickedPupilForm>
    </section>
  );
}
