// The server's refusals in plain Dutch: an RFC 9457 problem document (src/http/problem.ts)
// becomes one sentence a professional understands, with the server's own detail and the field
// errors of a 400 below it. Shown in an alert with role="alert", so it is read out at once.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { ApiError, isApiError } from "../api/client.ts";
import { t } from "../i18n/index.ts";

/** The domain's refusal code from the problem type (urn:aanwezig:problem:<code> or …/<code>). */
export function problemCode(error: ApiError): string | undefined {
  const type = error.problem?.type ?? "";
  const code = type.split(/[:/]/).pop();
  return code ? code.replaceAll("_", "-") : undefined;
}

export function problemMessage(error: unknown): string {
  if (!isApiError(error)) return t.problem.failed;
  const code = problemCode(error);
  const known = code ? t.problem.codes[code] : undefined;
  if (known) return known;
  switch (error.status) {
    case 400:
    case 422:
      return t.problem.invalid;
    case 401:
      return t.problem.session;
    case 403:
      return t.problem.forbidden;
    case 404:
      return t.problem.notFound;
    case 409:
      return t.problem.conflict;
    default:
      return t.problem.failed;
  }
}

export function ProblemAlert({ error }: { error: unknown }) {
  // The server's own detail is English, for developers and logs: it is shown only after the
  // generic "this cannot be done now:" of a refusal that has no Dutch sentence of its own.
  const code = error instanceof ApiError ? problemCode(error) : undefined;
  const known = code !== undefined && t.problem.codes[code] !== undefined;
  const detail =
    error instanceof ApiError && error.status === 409 && !known ? error.problem?.detail : undefined;
  const fieldErrors = error instanceof ApiError ? (error.problem?.errors ?? []) : [];
  return (
    <Alert type="error" role="alert">
      <Paragraph>{problemMessage(error)}</Paragraph>
      {detail && <Paragraph>{t.problem.serverSaid(detail)}</Paragraph>}
      {fieldErrors.length > 0 && (
        <ul>
          {fieldErrors.map((e) => (
            <li key={`${e.in}-${e.path}-${e.message}`}>
              {e.path}: {e.message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function Loading() {
  return (
    <Paragraph>
      <span role="status">{t.app.loading}</span>
    </Paragraph>
  );
}
