// The session endpoints (interfaces.md "HTTP API": POST/DELETE /api/session, GET /api/me) and
// the shape of /api/me as src/http/presenters/me.ts presents it.
import { apiRequest, isApiError, setCsrfToken } from "./client.ts";
import type { Schemas } from "./schema.ts";

export type RoleAssignment = Schemas["RoleAssignment"];
export type Me = Schemas["Me"];
/** What the user may do in general (src/domain/policy/capabilities.ts). */
export type Capabilities = Me["capabilities"];
export type Capability = keyof Capabilities;

/** The logged-in user, or null when there is no (valid) session. */
export async function fetchMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>("GET", "/api/me", signal ? { signal } : {});
    setCsrfToken(me.csrf_token);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export async function logIn(credentials: { email: string; password: string }): Promise<Me> {
  const me = await apiRequest<Me>("POST", "/api/session", { body: credentials });
  setCsrfToken(me.csrf_token);
  return me;
}

export async function logOut(): Promise<void> {
  await apiRequest<void>("DELETE", "/api/session");
  setCsrfToken(null);
}

/** What the login page may offer (GET /api/auth/options; public). */
export type LoginOptions = Schemas["LoginOptions"];

export function fetchLoginOptions(signal?: AbortSignal): Promise<LoginOptions> {
  return apiRequest<LoginOptions>("GET", "/api/auth/options", signal ? { signal } : {});
}
