// /wachtwoord-instellen#token=…: the one-time link `aanwezig admin create` prints. The new
// password is checked here first (length, typed twice), then by the server's password policy;
// a used or expired link is said plainly. Afterwards the user logs in as usual.
import { Button } from "@nl-design-system-candidate/button-react";
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { useMutation } from "@tanstack/react-query";
import { Alert } from "@utrecht/component-library-react";
import { type FormEvent, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { apiRequest, isApiError } from "../../api/client.ts";
import { AppShell } from "../../components/AppShell.tsx";
import { PageHeading } from "../../components/PageHeading.tsx";
import { TextField } from "../../components/TextField.tsx";
import { t } from "../../i18n/index.ts";
import {
  type SetPasswordInput,
  tokenFromHash,
  validateSetPassword,
} from "./set-password-validation.ts";

export function SetPasswordPage() {
  const token = tokenFromHash(useLocation().hash);
  const [values, setValues] = useState<SetPasswordInput>({ password: "", repeat: "" });
  const [submitted, setSubmitted] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);
  const setPassword = useMutation({
    mutationFn: (body: { token: string; password: string }) =>
      apiRequest<void>("POST", "/api/password-set", { body }),
  });
  const errors = submitted ? validateSetPassword(values) : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validateSetPassword(values);
    if (found.password) passwordRef.current?.focus();
    else if (found.repeat) repeatRef.current?.focus();
    else if (token) setPassword.mutate({ token, password: values.password });
  }

  return (
    <AppShell>
      <div className="aanwezig-narrow">
        <PageHeading>{t.setPassword.title}</PageHeading>
        {!token ? (
          <Alert type="error" role="alert">
            <Paragraph>{t.setPassword.noToken}</Paragraph>
          </Alert>
        ) : setPassword.isSuccess ? (
          <Alert type="ok" role="status">
            <Paragraph>
              {t.setPassword.done} <Link to="/inloggen">{t.setPassword.toLogin}</Link>
            </Paragraph>
          </Alert>
        ) : (
          <>
            <Paragraph>{t.setPassword.intro}</Paragraph>
            {setPassword.isError && (
              <Alert type="error" role="alert">
                <Paragraph>{failure(setPassword.error)}</Paragraph>
              </Alert>
            )}
            <form noValidate onSubmit={onSubmit} aria-label={t.setPassword.title}>
              <TextField
                id="set-password"
                ref={passwordRef}
                label={t.setPassword.password}
                type="password"
                name="password"
                autoComplete="new-password"
                value={values.password}
                error={errors.password}
                onChange={(e) => setValues({ ...values, password: e.target.value })}
              />
              <TextField
                id="set-password-repeat"
                ref={repeatRef}
                label={t.setPassword.repeat}
                type="password"
                name="repeat"
                autoComplete="new-password"
                value={values.repeat}
                error={errors.repeat}
                onChange={(e) => setValues({ ...values, repeat: e.target.value })}
              />
              <Button type="submit" purpose="primary" busy={setPassword.isPending}>
                {setPassword.isPending ? t.setPassword.submitting : t.setPassword.submit}
              </Button>
            </form>
          </>
        )}
      </div>
    </AppShell>
  );
}

/** The server's own Dutch reason (policy or link), else a general message. */
function failure(error: unknown): string {
  if (isApiError(error, 400) && error.problem?.detail) {
    return error.problem.detail.replace(/^password: /, "");
  }
  return t.setPassword.failed;
}
