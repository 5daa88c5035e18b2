// Accounts and roles: every account with its roles and scopes, a form to create one with a
// role and the scope that role needs (the server says which: GET /api/admin/roles), and
// deactivation, which the server makes take effect at once (sessions and tokens end).
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  type Account,
  createAccount,
  deactivateAccount,
  fetchAccounts,
  fetchAdminSchools,
  fetchRoleScopes,
  type NewAccount,
  type ScopeKind,
} from "../../api/admin.ts";
import { DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { roleTitle } from "../auth/role-groups.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";
import { ConfirmAction } from "./ConfirmAction.tsx";

function scopeText(r: Account["roles"][number]): string {
  const s = t.adminScreens;
  if (r.school_id) return s.scopeSchool(r.school_id);
  if (r.municipality) return s.scopeMunicipality(r.municipality);
  if (r.partnership) return s.scopePartnership(r.partnership);
  if (r.pupil_id) return s.scopePupil(r.pupil_id);
  if (r.region) return s.scopeRegion(r.region);
  return s.scopeNone;
}

export function UsersPage() {
  const me = useCurrentUser();
  const today = appToday(me);
  const queryClient = useQueryClient();
  const accounts = useQuery({
    queryKey: ["admin", "users"],
    queryFn: ({ signal }) => fetchAccounts(signal),
  });
  const [notice, setNotice] = useState("");
  const [confirming, setConfirming] = useState<string | null>(null);
  const s = t.adminScreens;
  const deactivate = useMutation({
    mutationFn: (id: string) => deactivateAccount(id),
    onSuccess: async (account) => {
      setConfirming(null);
      setNotice(s.deactivated(account.email));
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });

  return (
    <>
      <p role="status" className="aanwezig-notice">
        {notice}
      </p>
      <CreateAccount onCreated={(email) => setNotice(s.created(email))} />
      <Heading level={2}>{s.usersTable}</Heading>
      {deactivate.isError && <ProblemAlert error={deactivate.error} />}
      {accounts.isPending && <Loading />}
      {accounts.isError && <ProblemAlert error={accounts.error} />}
      {accounts.data && (
        <DataTable<Account>
          title={s.usersTable}
          exportDate={today}
          rows={accounts.data}
          rowKey={(a) => a.id}
          initialSort={{ key: "email", direction: "ascending" }}
          columns={[
            { key: "name", header: s.name, value: (a) => a.name, sortable: true, rowHeader: true },
            { key: "email", header: s.email, value: (a) => a.email, sortable: true },
            {
              key: "roles",
              header: s.roles,
              value: (a) => a.roles.map((r) => `${roleTitle(r.role)} (${scopeText(r)})`).join("; "),
              sortable: true,
            },
            {
              key: "status",
              header: s.status,
              value: (a) => (a.active ? s.active : s.inactive(formatDate(a.disabled_at))),
              sortable: true,
            },
            {
              key: "action",
              header: s.action,
              noExport: true,
              value: () => "",
              cell: (a) =>
                !a.active || a.id === me.user.id ? null : (
                  <ConfirmAction
                    confirming={confirming === a.id}
                    busy={deactivate.isPending}
                    label={s.deactivate}
                    name={a.email}
                    confirmLabel={s.confirmDeactivate(a.email)}
                    onStart={() => {
                      setNotice("");
                      setConfirming(a.id);
                    }}
                    onConfirm={() => deactivate.mutate(a.id)}
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

interface Draft {
  name: string;
  email: string;
  password: string;
  role: string;
  scope: string;
}

const EMPTY: Draft = { name: "", email: "", password: "", role: "", scope: "" };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function validate(
  draft: Draft,
  scope: ScopeKind | undefined,
): Partial<Record<keyof Draft, string>> {
  const s = t.adminScreens;
  const errors: Partial<Record<keyof Draft, string>> = {};
  if (!draft.name.trim()) errors.name = s.nameRequired;
  if (!EMAIL.test(draft.email.trim())) errors.email = s.emailInvalid;
  if (draft.password && draft.password.length < 12) errors.password = s.passwordShort;
  if (!draft.role) errors.role = s.roleRequired;
  else if (scope && scope !== "none" && !draft.scope.trim()) errors.scope = s.scopeRequired[scope];
  return errors;
}

function CreateAccount({ onCreated }: { onCreated: (email: string) => void }) {
  const queryClient = useQueryClient();
  const roles = useQuery({
    queryKey: ["admin", "roles"],
    queryFn: ({ signal }) => fetchRoleScopes(signal),
  });
  const schools = useQuery({
    queryKey: ["admin", "schools"],
    queryFn: ({ signal }) => fetchAdminSchools(signal),
  });
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const s = t.adminScreens;
  const scope = roles.data?.find((r) => r.role === draft.role)?.scope;
  const errors = submitted ? validate(draft, scope) : {};
  const create = useMutation({
    mutationFn: (input: NewAccount) => createAccount(input),
    onSuccess: async (account) => {
      setDraft(EMPTY);
      setSubmitted(false);
      onCreated(account.email);
      await queryClient.invalidateQueries({ queryKey: ["admin", "users"] });
    },
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(draft, scope);
    const first = (["name", "email", "password", "role", "scope"] as const).find((k) => found[k]);
    if (first) {
      document.getElementById(`account-${first}`)?.focus();
      return;
    }
    const value = draft.scope.trim();
    create.mutate({
      name: draft.name.trim(),
      email: draft.email.trim(),
      role: draft.role as NewAccount["role"],
      ...(draft.password ? { password: draft.password } : {}),
      ...(scope === "school" ? { school_id: value } : {}),
      ...(scope === "municipality" ? { municipality: value } : {}),
      ...(scope === "partnership" ? { partnership: value } : {}),
      ...(scope === "pupil" ? { pupil_id: value } : {}),
    });
  }

  const set = (key: keyof Draft) => (value: string) => setDraft({ ...draft, [key]: value });
  return (
    <section aria-labelledby="account-new">
      <Heading level={2} id="account-new">
        {s.newAccount}
      </Heading>
      {create.isError && <ProblemAlert error={create.error} />}
      <form
        noValidate
        onSubmit={onSubmit}
        className="aanwezig-admin__form"
        aria-labelledby="account-new"
      >
        <TextField
          id="account-name"
          label={s.name}
          value={draft.name}
          error={errors.name}
          autoComplete="off"
          onChange={(e) => set("name")(e.target.value)}
        />
        <TextField
          id="account-email"
          label={s.email}
          type="email"
          value={draft.email}
          error={errors.email}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => set("email")(e.target.value)}
        />
        <TextField
          id="account-password"
          label={s.password}
          type="password"
          value={draft.password}
          error={errors.password}
          autoComplete="new-password"
          onChange={(e) => set("password")(e.target.value)}
        />
        <p className="aanwezig-hint">{s.passwordHint}</p>
        {roles.isError && <ProblemAlert error={roles.error} />}
        <SelectField
          id="account-role"
          label={s.role}
          value={draft.role}
          placeholder={s.chooseRole}
          error={errors.role}
          options={(roles.data ?? []).map((r) => ({ value: r.role, label: roleTitle(r.role) }))}
          onChange={(role) => setDraft({ ...draft, role, scope: "" })}
        />
        {scope === "school" && (
          <SelectField
            id="account-scope"
            label={s.scopeLabel.school}
            value={draft.scope}
            placeholder={s.chooseSchool}
            error={errors.scope}
            options={(schools.data ?? []).map((sc) => ({
              value: sc.school_id,
              label: `${sc.name} (${sc.school_id})`,
            }))}
            onChange={set("scope")}
          />
        )}
        {scope && scope !== "none" && scope !== "school" && (
          <TextField
            id="account-scope"
            label={s.scopeLabel[scope]}
            value={draft.scope}
            error={errors.scope}
            onChange={(e) => set("scope")(e.target.value)}
          />
        )}
        {scope === "none" && <Paragraph>{s.noScopeNeeded}</Paragraph>}
        <Button type="submit" purpose="primary" busy={create.isPending || undefined}>
          {s.create}
        </Button>
      </form>
    </section>
  );
}
