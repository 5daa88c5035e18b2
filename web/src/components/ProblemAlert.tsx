// The server's refusals in plain Dutch: an RFC 9457 problem document (src/http/problem.ts)
// becomes one sentence a professional understands, with the server's own detail and the field
// errors of a 400 below it. Shown in an alert with role="alert", so it is read out at once.
import { Paragraph } from "@nl-design-system-candidate/paragraph-react";
import { Alert } from "@utrecht/component-library-react";
import { ApiError, isApiError, type ProblemCode } from "../api/client.ts";
import { t } from "../i18n/index.ts";

const PROBLEM_TYPE_PREFIX = "urn:aanwezig:problem:";

function isProblemCode(code: string): code is ProblemCode {
  return Object.hasOwn(t.problem.codes, code);
}

/** The refusal's code from the problem type (urn:aanwezig:problem:<code>), if the app knows it. */
export function problemCode(error: ApiError): ProblemCode | undefined {
  const type: string = error.problem?.type ?? "";
  if (!type.startsWith(PROBLEM_TYPE_PREFIX)) return undefined;
  const code = type.slice(PROBLEM_TYPE_PREFIX.length);
  return isProblemCode(code) ? code : undefined;
}

export function problemMessage(error: unknown): string {
  if (!isApiError(error)) return t.problem.failed;
  const code = problemCode(error);
  if (code !== undefined) return t.problem.codes[code];
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
  const known = code !== undefined;
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
