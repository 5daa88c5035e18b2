// Logging in with e-mail address and password. The form checks itself first (clear Dutch
// messages next to each field, focus on the first problem), then asks the server; a wrong
// password or a blocked attempt is reported above the form.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { isApiError } from "../../api/client.ts";
import { AppShell } from "../../components/AppShell.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import { type LoginInput, validateLogin } from "./login-validation.ts";
import { useLogin, useLoginOptions, useMe } from "./use-session.ts";

export function LoginPage() {
  const me = useMe();
  const login = useLogin();
  const options = useLoginOptions().data;
  const location = useLocation();
  // The server sends the browser back here when a login through the organisation was refused
  // (src/http/routes/oidc.ts, `?oidc=`).
  const oidcRefusal = oidcRefusalText(new URLSearchParams(location.search).get("oidc"));
  const [values, setValues] = useState<LoginInput>({ email: "", password: "" });
  const [submitted, setSubmitted] = useState(false);
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Once the form was sent, the messages follow what the user types, so they disappear as
  // soon as a field is right.
  const errors = submitted ? validateLogin(values) : {};

  if (me.data) return <Navigate to={returnPath(location.state)} replace />;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validateLogin(values);
    if (found.email) emailRef.current?.focus();
    else if (found.password) passwordRef.current?.focus();
    else login.mutate({ email: values.email.trim(), password: values.password });
  }

  return (
    <AppShell>
      <div className="aanwezig-narrow">
        <PageHeading>{t.login.title}</PageHeading>
        {options?.demo_as_of && (
          <Alert type="info">
            <Paragraph>
              <strong>{t.login.demoTitle}.</strong> {t.login.demoAccounts}
            </Paragraph>
          </Alert>
        )}
        {options?.oidc_login_url && (
          <>
            <Paragraph>{t.login.oidcIntro}</Paragraph>
            <Paragraph>
              {/* A full page load: the identity provider takes over the browser. */}
              <a className="nl-button nl-button--secondary" href={options.oidc_login_url}>
                {t.login.oidc}
              </a>
            </Paragraph>
            <Paragraph>{t.login.orLocal}</Paragraph>
          </>
        )}
        <Paragraph>{t.login.intro}</Paragraph>
        {oidcRefusal && !login.isError && (
          <Alert type="error" role="alert">
            <Paragraph>{oidcRefusal}</Paragraph>
          </Alert>
        )}
        {login.isError && (
          <Alert type="error" role="alert">
            <Paragraph>{loginFailure(login.error)}</Paragraph>
          </Alert>
        )}
        <form noValidate onSubmit={onSubmit} aria-label={t.login.title}>
          <TextField
            id="login-email"
            ref={emailRef}
            label={t.login.email}
            type="email"
            name="email"
            autoComplete="username"
            spellCheck={false}
            value={values.email}
            error={errors.email}
            onChange={(e) => setValues({ ...values, email: e.target.value })}
          />
          <TextField
            id="login-password"
            ref={passwordRef}
            label={t.login.password}
            type="password"
            name="password"
            autoComplete="current-password"
            value={values.password}
            error={errors.password}
            onChange={(e) => setValues({ ...values, password: e.target.value })}
          />
          <Button type="submit" purpose="primary" busy={login.isPending}>
            {login.isPending ? t.login.submitting : t.login.submit}
          </Button>
        </form>
      </div>
    </AppShell>
  );
}

function loginFailure(error: unknown): string {
  if (isApiError(error, 401)) return t.login.badCredentials;
  if (isApiError(error, 429)) return t.login.tooManyAttempts;
  return t.login.failed;
}

/** Back to the page that sent the user here, but only to a path inside this app. */
function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === "string" && from.startsWith("/") && !from.startsWith("//") ? from : "/";
}

function oidcRefusalText(reason: string | null): string | undefined {
  if (reason === "onbekend-account") return t.login.oidcUnknownAccount;
  if (reason === "mislukt") return t.login.oidcFailed;
  return undefined;
}
