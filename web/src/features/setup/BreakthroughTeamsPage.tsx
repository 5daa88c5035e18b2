// The breakthrough teams' composition (/inrichting/doorbraakteams, partnership; domain.md §5):
// one standing team per municipality, members chosen with the people lookup, memberships ended
// (never deleted). The server checks the role, validates and audits every change.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  addTeamMember,
  type BreakthroughTeam,
  createTeam,
  endTeamMember,
  fetchTeams,
  fieldErrorsOf,
  type Person,
  type TeamMember,
} from "../../api/setup.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { PeoplePicker } from "./PeoplePicker.tsx";

const s = t.setup.teams;
const DISCIPLINES = [
  "onderwijs",
  "jeugdhulp",
  "jeugdgezondheidszorg",
  "leerplicht",
  "raad voor de kinderbescherming",
  "veiligheidshuis",
  "jeugdbescherming",
];
const QUERY = ["breakthrough-teams"];

export function BreakthroughTeamsPage() {
  const teams = useQuery({ queryKey: QUERY, queryFn: ({ signal }) => fetchTeams(signal) });
  const [notice, setNotice] = useState("");
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <NewTeam onCreated={(name) => setNotice(s.created(name))} />
      <Heading level={2}>{s.list}</Heading>
      {teams.isPending && <Loading />}
      {teams.isError && <ProblemAlert error={teams.error} />}
      {teams.data?.length === 0 && <Paragraph>{s.none}</Paragraph>}
      {teams.data?.map((team) => (
        <TeamSection key={team.id} team={team} onNotice={setNotice} />
      ))}
    </>
  );
}

function NewTeam({ onCreated }: { onCreated: (name: string) => void }) {
  const queryClient = useQueryClient();
  const [municipality, setMunicipality] = useState("");
  const [name, setName] = useState("");
  const create = useMutation({
    mutationFn: createTeam,
    onSuccess: async (team) => {
      setMunicipality("");
      setName("");
      onCreated(team.name);
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const errors = fieldErrorsOf(create.error);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ municipality: municipality.trim(), name: name.trim() });
  }
  return (
    <section aria-labelledby="new-team-heading">
      <Heading level={2} id="new-team-heading">
        {s.newTeam}
      </Heading>
      {create.isError && <ProblemAlert error={create.error} />}
      <form noValidate onSubmit={onSubmit}>
        <TextField
          id="team-municipality"
          label={s.municipality}
          value={municipality}
          error={errors.municipality}
          onChange={(e) => setMunicipality(e.currentTarget.value)}
        />
        <TextField
          id="team-name"
          label={s.teamName}
          value={name}
          error={errors.name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Button type="submit" purpose="primary" busy={create.isPending || undefined}>
          {s.create}
        </Button>
      </form>
    </section>
  );
}

function TeamSection({
  team,
  onNotice,
}: {
  team: BreakthroughTeam;
  onNotice: (text: string) => void;
}) {
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const end = useMutation({
    mutationFn: (member: TeamMember) => endTeamMember(team.id, member.seq),
    onSuccess: async (_team, member) => {
      onNotice(s.endedNotice(member.name));
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const headingId = `team-${team.id}`;
  return (
    <section aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {s.members(team.name)}
      </Heading>
      <Paragraph>
        {team.missing_disciplines.length > 0
          ? s.missing(team.missing_disciplines.join(", "))
          : s.complete}
      </Paragraph>
      {end.isError && <ProblemAlert error={end.error} />}
      {team.members.length > 0 && (
        <DataTable<TeamMember>
          title={s.members(team.name)}
          exportDate={appToday(me)}
          rows={team.members}
          rowKey={(m) => String(m.seq)}
          columns={[
            { key: "name", header: s.memberName, value: (m) => m.name, rowHeader: true },
            { key: "discipline", header: s.discipline, value: (m) => m.discipline },
            { key: "organisation", header: s.organisation, value: (m) => m.organisation },
            {
              key: "account",
              header: s.account,
              value: (m) => (m.user_id ? "ja" : s.noAccount),
            },
            {
              key: "status",
              header: s.status,
              value: (m) => (m.ended_on ? s.ended(formatDate(m.ended_on)) : s.active),
            },
            {
              key: "action",
              header: s.end,
              noExport: true,
              value: () => "",
              cell: (m) =>
                m.ended_on ? null : (
                  <Button type="button" purpose="secondary" onClick={() => end.mutate(m)}>
                    {s.end}
                    <span className="aanwezig-visually-hidden"> {m.name}</span>
                  </Button>
                ),
            },
          ]}
        />
      )}
      <AddMember team={team} onAdded={(name) => onNotice(s.added(name))} />
    </section>
  );
}

function AddMember({ team, onAdded }: { team: BreakthroughTeam; onAdded: (name: string) => void }) {
  const queryClient = useQueryClient();
  const [person, setPerson] = useState<Person | null>(null);
  const [discipline, setDiscipline] = useState("");
  const [organisation, setOrganisation] = useState("");
  const [local, setLocal] = useState<string | undefined>(undefined);
  const add = useMutation({
    mutationFn: () =>
      addTeamMember(team.id, {
        discipline,
        organisation: organisation.trim(),
        ...(person ? { user_id: person.id } : {}),
      }),
    onSuccess: async () => {
      onAdded(person?.name ?? "");
      setPerson(null);
      setDiscipline("");
      setOrganisation("");
      await queryClient.invalidateQueries({ queryKey: QUERY });
    },
  });
  const errors = fieldErrorsOf(add.error);
  const prefix = `member-${team.id}`;
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!person) {
      setLocal(s.personRequired);
      document.getElementById(`${prefix}-search`)?.focus();
      return;
    }
    setLocal(undefined);
    add.mutate();
  }
  return (
    <section aria-labelledby={`${prefix}-heading`}>
      <Heading level={4} id={`${prefix}-heading`}>
        {s.addMember(team.name)}
      </Heading>
      <PeoplePicker id={`${prefix}-search`} onPick={setPerson} />
      {local && <p className="utrecht-form-field-error-message">{local}</p>}
      {add.isError && <ProblemAlert error={add.error} />}
      <form noValidate onSubmit={onSubmit}>
        <SelectField
          id={`${prefix}-discipline`}
          label={s.discipline}
          placeholder={s.chooseDiscipline}
          value={discipline}
          error={errors.discipline}
          onChange={setDiscipline}
          options={DISCIPLINES.map((d) => ({ value: d, label: d }))}
        />
        <TextField
          id={`${prefix}-organisation`}
          label={s.organisation}
          value={organisation}
          error={errors.organisation}
          onChange={(e) => setOrganisation(e.currentTarget.value)}
        />
        <Button type="submit" purpose="primary" busy={add.isPending || undefined}>
          {s.add}
        </Button>
      </form>
    </section>
  );
}
