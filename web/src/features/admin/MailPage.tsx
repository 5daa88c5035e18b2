// Outgoing mail (/beheer/e-mail, app_admin; issue 16 item 2): the region's SMTP server, TLS,
// login and sender — the password is write-only, the page says only whether one is stored —
// what is in force now (AANWEZIG_SMTP_URL overrides), and the outbox: every mail still to go or
// failed, with its error and attempts, and "Opnieuw aanbieden" for one the queue gave up on.
import { Button } from "@nl-design-system-candidate/button-react";
import { Heading } from "@nl-design-system-candidate/heading-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  fetchMailOutbox,
  fetchMailSettings,
  type MailSettings,
  type MailSettingsInput,
  type OutboxMail,
  retryMail,
  saveMailSettings,
} from "../../api/notifications.ts";
import { fieldErrorsOf } from "../../api/setup.ts";
import { type Column, DataTable } from "../../components/DataTable.tsx";
import { SelectField } from "../../components/FormFields.tsx";
import { formatDate } from "../../components/format.ts";
import { Loading, ProblemAlert } from "../../components/ProblemAlert.tsx";
import { StatusText } from "../../components/StatusText.tsx";
import { TextField } from "../../components/TextField.tsx";
import { appToday } from "../../components/today.ts";
import { t } from "../../i18n/index.ts";
import { useCurrentUser } from "../auth/use-current-user.ts";

const s = t.notifications.mail;

export function MailPage() {
  const settings = useQuery({
    queryKey: ["mail-settings"],
    queryFn: ({ signal }) => fetchMailSettings(signal),
  });
  return (
    <>
      <section aria-labelledby="mail-server">
        <Heading level={2} id="mail-server">
          {s.serverHeading}
        </Heading>
        <Paragraph>{s.serverIntro}</Paragraph>
        {settings.isPending && <Loading />}
        {settings.isError && <ProblemAlert error={settings.error} />}
        {settings.data && <MailServerForm current={settings.data} />}
      </section>
      <Outbox />
    </>
  );
}

function inForceText(current: MailSettings): string {
  const f = current.in_force;
  if (f.source === "none") return s.inForce.none;
  return s.inForce[f.source](f.server ?? "", f.from ?? "");
}

function MailServerForm({ current }: { current: MailSettings }) {
  const queryClient = useQueryClient();
  const [host, setHost] = useState(current.host ?? "");
  const [port, setPort] = useState(String(current.port ?? 587));
  const [security, setSecurity] = useState<MailSettingsInput["security"]>(
    current.security ?? "starttls",
  );
  const [username, setUsername] = useState(current.username ?? "");
  const [password, setPassword] = useState("");
  const [from, setFrom] = useState(current.from ?? "");
  const save = useMutation({
    mutationFn: saveMailSettings,
    onSuccess: (saved) => {
      setPassword("");
      queryClient.setQueryData(["mail-settings"], saved);
    },
  });
  const errors = fieldErrorsOf(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      host,
      port: Number(port),
      security,
      username: username.trim() === "" ? null : username,
      ...(password === "" ? {} : { password }),
      from,
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <Paragraph data-testid="mail-in-force">{inForceText(current)}</Paragraph>
      <TextField
        id="mail-host"
        label={s.host}
        value={host}
        error={errors.host}
        onChange={(e) => setHost(e.target.value)}
      />
      <TextField
        id="mail-port"
        label={s.port}
        inputMode="numeric"
        value={port}
        error={errors.port}
        onChange={(e) => setPort(e.target.value)}
      />
      <SelectField
        id="mail-security"
        label={s.security}
        value={security}
        error={errors.security}
        onChange={(v) => setSecurity(v as MailSettingsInput["security"])}
        options={(["starttls", "tls", "none"] as const).map((v) => ({
          value: v,
          label: s.securityOptions[v],
        }))}
      />
      <TextField
        id="mail-username"
        label={s.username}
        autoComplete="off"
        value={username}
        error={errors.username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <TextField
        id="mail-password"
        label={s.password}
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <Paragraph>{current.password_set ? s.passwordSet : s.passwordNone}</Paragraph>
      <TextField
        id="mail-from"
        label={s.from}
        placeholder={s.fromHint}
        value={from}
        error={errors.from}
        onChange={(e) => setFrom(e.target.value)}
      />
      {save.isError && <ProblemAlert error={save.error} />}
      <Button type="submit" purpose="primary" busy={save.isPending}>
        {s.save}
      </Button>
      <p role="status">{save.isSuccess ? s.saved : ""}</p>
    </form>
  );
}

function Outbox() {
  const queryClient = useQueryClient();
  const today = appToday(useCurrentUser());
  const outbox = useQuery({
    queryKey: ["mail-outbox"],
    queryFn: ({ signal }) => fetchMailOutbox(signal),
  });
  const retry = useMutation({
    mutationFn: retryMail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["mail-outbox"] }),
  });
  const statusOf = (m: OutboxMail) =>
    m.status === "pending" ? s.status.pending : m.given_up ? s.status.givenUp : s.status.failed;
  const columns: Column<OutboxMail>[] = [
    { key: "to", header: s.columns.to, value: (m) => m.to, rowHeader: true, sortable: true },
    { key: "subject", header: s.columns.subject, value: (m) => m.subject },
    {
      key: "created",
      header: s.columns.created,
      value: (m) => m.created_at.slice(0, 10),
      cell: (m) => formatDate(m.created_at.slice(0, 10)),
      sortable: true,
    },
    {
      key: "status",
      header: s.columns.status,
      value: statusOf,
      cell: (m) => (
        <StatusText tone={m.status === "pending" ? "neutral" : "danger"}>{statusOf(m)}</StatusText>
      ),
    },
    { key: "attempts", header: s.columns.attempts, value: (m) => m.attempts },
    { key: "error", header: s.columns.error, value: (m) => m.error ?? "" },
    {
      key: "action",
      header: s.columns.action,
      value: () => "",
      noExport: true,
      cell: (m) =>
        m.status === "failed" ? (
          <Button
            purpose="secondary"
            aria-label={s.retryLabel(m.to)}
            onClick={() => retry.mutate(m.id)}
          >
            {s.retry}
          </Button>
        ) : null,
    },
  ];
  return (
    <section aria-labelledby="mail-outbox">
      <Heading level={2} id="mail-outbox">
        {s.outboxHeading}
      </Heading>
      <Paragraph>{s.outboxIntro}</Paragraph>
      {outbox.isPending && <Loading />}
      {outbox.isError && <ProblemAlert error={outbox.error} />}
      {retry.isError && <ProblemAlert error={retry.error} />}
      <p role="status">{retry.isSuccess ? s.retried : ""}</p>
      {outbox.data &&
        (outbox.data.length === 0 ? (
          <Paragraph>{s.outboxEmpty}</Paragraph>
        ) : (
          <DataTable
            title={s.outboxCaption}
            columns={columns}
            rows={outbox.data}
            rowKey={(m) => m.id}
            exportDate={today}
            exportable={false}
            pageSize={20}
            stack
          />
        ))}
    </section>
  );
}
