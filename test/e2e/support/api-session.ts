// A logged-in API client for browser tests (session cookie and CSRF token), to set up data and
// to check from outside what the screens did.
import { DEMO_PASSWORD } from "./demo-app.ts";

export interface ApiAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test code reads JSON answers loosely
  body: any;
}

/** Logs in as a demo account (or any e-mail address with its password). */
export async function apiSession(url: string, account: string, password = DEMO_PASSWORD) {
  const login = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      email: account.includes("@") ? account : `${account}@demo.aanwezig.nl`,
      password,
    }),
  });
  if (!login.ok) throw new Error(`login ${account}: ${login.status}`);
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const me = (await login.json()) as {
    user: { id: string };
    csrf_token: string;
    scopes: { pupil_ids: string[]; municipalities: string[] };
  };
  const call = async (method: string, path: string, body?: unknown): Promise<ApiAnswer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": me.csrf_token,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  return { me, call };
}

/** A pupil of the first demo school with a signal on the demo date, as its care coordinator sees it. */
export async function demoSchoolPupil(
  url: string,
  asOf: string,
): Promise<{ school: string; pupil: string }> {
  const { call } = await apiSession(url, "zorgcoordinator");
  const signals = await call("GET", `/api/signals?as_of=${asOf}`);
  const signal = (signals.body as { pupil_id: string; school_id: string }[]).find(
    (s) => s.school_id !== "",
  );
  if (!signal) throw new Error("the demo school has no signals");
  return { school: signal.school_id, pupil: signal.pupil_id };
}
