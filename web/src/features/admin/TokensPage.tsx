// Service tokens (Beheer → Koppelingen): the administrator makes a token for a school system or a
// nightly script, scoped to file kinds and schools (POST /api/tokens), sees it once with a hint
// to copy it, lists the tokens without their secrets and revokes one (DELETE /api/tokens/{id}).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  createServiceToken,
  fetchAdminSchools,
  fetchServiceTokens,
  IMPORT_KIND_ORDER,
  type NewServiceToken,
  revokeServiceToken,
  type ServiceToken,
} from "../../api/admin.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { CheckboxField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { tokensNl as s } from "../../i18n/nl/tokens.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { ConfirmAction } from "./ConfirmAction.tsx";

export function TokensPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const queryClient = useQueryClient();
  const tokens = useQuery({
    queryKey: ["admin", "tokens"],
    queryFn: ({ signal }) => fetchServiceTokens(signal),
  });
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (token: ServiceToken) => revokeServiceToken(token.id).then(() => token),
    onSuccess: async (token) => {
      setConfirming(null);
      setNotice(s.revokedNotice(token.name));
      await queryClient.invalidateQueries({ queryKey: ["admin", "tokens"] });
    },
  });
  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <CreateToken />
      <Heading level={2}>{s.table}</Heading>
      {revoke.isError && <ProblemAlert error={revoke.error} />}
      {tokens.isPending && <Loading />}
      {tokens.isError && <ProblemAlert error={tokens.error} />}
      {tokens.data && (
        <DataTable<ServiceToken>
          title={s.table}
          exportDate={today}
          rows={tokens.data}
          rowKey={(x) => x.id}
          emptyText={s.none}
          columns={[
            { key: "name", header: s.name, value: (x) => x.name, sortable: true, rowHeader: true },
            {
              key: "scopes",
              header: s.scopes,
              value: (x) => x.scopes.map((scope) => scope.replace(/^imports:/, "")).join(", "),
            },
            {
              key: "schools",
              header: s.schoolIds,
              value: (x) => x.school_ids.join(", ") || s.allRegion,
            },
            {
              key: "created",
              header: s.createdAt,
              value: (x) => x.created_at,
              cell: (x) => formatDate(x.created_at.slice(0, 10)),
              sortable: true,
            },
            {
              key: "status",
              header: s.status,
              value: (x) =>
                x.revoked_at ? s.revoked(formatDate(x.revoked_at.slice(0, 10))) : s.active,
            },
            {
              key: "action",
              header: s.action,
              noExport: true,
              value: () => "",
              cell: (x) =>
                x.revoked_at ? null : (
                  <ConfirmAction
                    confirming={confirming === x.id}
                    busy={revoke.isPending}
                    label={s.revoke}
                    name={x.name}
                    confirmLabel={s.confirmRevoke(x.name)}
                    onStart={() => {
                      setNotice("");
                      setConfirming(x.id);
                    }}
                    onConfirm={() => revoke.mutate(x)}
                    onCancel={() => setConfirming(null)}
                  />
                ),
            },
          ]}
        />
      )}
    </>
  );
}

function CreateToken() {
  const queryClient = useQueryClient();
  const schools = useQuery({
    queryKey: ["admin", "schools"],
    queryFn: ({ signal }) => fetchAdminSchools(signal),
  });
  const [name, setName] = useState("");
  const [kinds, setKinds] = useState<string[]>([]);
  const [schoolIds, setSchoolIds] = useState<string[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState("");
  const errors = {
    name: submitted && !name.trim() ? s.nameRequired : undefined,
    kinds: submitted && kinds.length === 0 ? s.kindsRequired : undefined,
  };
  const create = useMutation({
    mutationFn: (input: NewServiceToken) => createServiceToken(input),
    onSuccess: async ({ token }) => {
      setCreated(token);
      setCopied("");
      setName("");
      setKinds([]);
      setSchoolIds([]);
      setSubmitted(false);
      await queryClient.invalidateQueries({ queryKey: ["admin", "tokens"] });
    },
  });
  const toggle = (list: string[], value: string, on: boolean) =>
    on ? [...list, value] : list.filter((x) => x !== value);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!name.trim()) {
      document.getElementById("token-name")?.focus();
      return;
    }
    if (kinds.length === 0) {
      document.getElementById(`token-kind-${IMPORT_KIND_ORDER[0]}`)?.focus();
      return;
    }
    create.mutate({
      name: name.trim(),
      scopes: kinds.map((k) => `imports:${k}`),
      school_ids: schoolIds,
    });
  }

  return (
    <section aria-labelledby="token-new">
      <Heading level={2} id="token-new">
        {s.newToken}
      </Heading>
      {created && (
        <div className="utrecht-alert" role="alert">
          <Heading level={3}>{s.createdTitle}</Heading>
          <Paragraph>{s.createdHint}</Paragraph>
          <p>
            <code data-testid="new-token">{created}</code>
          </p>
          <Button
            type="button"
            purpose="secondary"
            onClick={() =>
              navigator.clipboard?.writeText(created).then(
                () => setCopied(s.copied),
                () => setCopied(""),
              )
            }
          >
            {s.copy}
          </Button>
          <p role="status">{copied}</p>
        </div>
      )}
      {create.isError && <ProblemAlert error={create.error} />}
      <form
        noValidate
        onSubmit={onSubmit}
        className="aanwezig-admin__form"
        aria-labelledby="token-new"
      >
        <TextField
          id="token-name"
          label={s.name}
          value={name}
          error={errors.name}
          autoComplete="off"
          onChange={(e) => setName(e.target.value)}
        />
        <p className="aanwezig-hint">{s.nameHint}</p>
        <fieldset>
          <legend>{s.kinds}</legend>
          {errors.kinds && <p className="aanwezig-hint">{errors.kinds}</p>}
          {IMPORT_KIND_ORDER.map((kind) => (
            <CheckboxField
              key={kind}
              id={`token-kind-${kind}`}
              label={kind}
              checked={kinds.includes(kind)}
              onChange={(on) => setKinds(toggle(kinds, kind, on))}
            />
          ))}
        </fieldset>
        <fieldset>
          <legend>{s.schools}</legend>
          <p className="aanwezig-hint">{s.schoolsHint}</p>
          {schools.isError && <ProblemAlert error={schools.error} />}
          {(schools.data ?? []).map((school) => (
            <CheckboxField
              key={school.school_id}
              id={`token-school-${school.school_id}`}
              label={`${school.name} (${school.school_id})`}
              checked={schoolIds.includes(school.school_id)}
              onChange={(on) => setSchoolIds(toggle(schoolIds, school.school_id, on))}
            />
          ))}
        </fieldset>
        <Button type="submit" purpose="primary" busy={create.isPending || undefined}>
          {s.create}
        </Button>
      </form>
    </section>
  );
}
