// OIDC login routes: /api/auth/oidc/login sends the browser to the identity provider,
// /api/auth/oidc/callback takes it back, maps the identity onto an existing user and starts a
// session. Both answer 404 while OIDC is not configured.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { createSession, findOrBindOidcUser } from "../../db/repositories/users.ts";
import type { PendingLogin } from "../auth/oidc.ts";
import { setSessionCookie } from "../auth/session-cookie.ts";
import type { HttpContext } from "../context.ts";
import { HttpProblem, notFound, problemResponses } from "../problem.ts";

const PENDING_COOKIE = "aanwezig_oidc";
const PENDING_PATH = "/api/auth/oidc";

export function registerOidcRoutes(app: FastifyInstance, ctx: HttpContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const provider = () => {
    if (!ctx.oidc) throw notFound("Login through the identity provider is not configured.");
    return ctx.oidc;
  };

  // What the login page may offer before anyone is logged in: the organisation's identity
  // provider when one is configured, and whether this is a demo database (not personal data).
  api.get(
    "/api/auth/options",
    {
      schema: {
        summary: "Login options: the identity provider if configured, and the demo date",
        tags: ["session"],
        security: [],
        response: {
          200: z
            .object({
              oidc_login_url: z.string().nullable(),
              demo_as_of: z.iso.date().nullable(),
            })
            .meta({ id: "LoginOptions" }),
          // The input hygiene layer refuses a query with a control character, here too.
          ...problemResponses(400),
        },
      },
    },
    async () => ({
      oidc_login_url: ctx.oidc ? `${PENDING_PATH}/login` : null,
      demo_as_of: ctx.demoAsOf ?? null,
    }),
  );

  api.get(
    `${PENDING_PATH}/login`,
    {
      schema: {
        summary: "Start login at the organisation's identity provider (redirect)",
        tags: ["session"],
        security: [],
        response: { 302: z.undefined(), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const { url, pending } = await provider().startLogin();
      // SameSite=Lax: the provider's redirect back is a top-level GET, which carries it.
      reply.setCookie(PENDING_COOKIE, JSON.stringify(pending), {
        path: PENDING_PATH,
        httpOnly: true,
        sameSite: "lax",
        secure: ctx.settings.secureCookies || request.protocol === "https",
        maxAge: 10 * 60,
      });
      return reply.redirect(url.href, 302);
    },
  );

  api.get(
    `${PENDING_PATH}/callback`,
    {
      schema: {
        summary: "Return from the identity provider; starts a session for a known user",
        tags: ["session"],
        security: [],
        response: { 302: z.undefined(), ...problemResponses(400, 403, 404) },
      },
    },
    async (request, reply) => {
      const oidc = provider();
      const pending = readPending(request.cookies[PENDING_COOKIE]);
      reply.clearCookie(PENDING_COOKIE, { path: PENDING_PATH });
      // A browser (it asks for a page) goes back to the login page, which says in Dutch what
      // went wrong; any other client gets the problem+json.
      const refuse = (status: 400 | 403, detail: string, reason: OidcRefusal) => {
        if (!wantsPage(request.headers.accept)) throw new HttpProblem(status, detail);
        return reply.redirect(`/inloggen?${OIDC_REFUSAL_PARAM}=${reason}`, 302);
      };
      if (!pending) {
        return refuse(400, "No login in progress, or it took too long.", "mislukt");
      }
      const callbackUrl = new URL(request.url, oidc.settings.redirectUrl);
      let identity: Awaited<ReturnType<typeof oidc.finishLogin>>;
      try {
        identity = await oidc.finishLogin(callbackUrl, pending);
      } catch (error) {
        request.log.warn({ err: error }, "OIDC login failed");
        return refuse(400, "The identity provider's answer could not be verified.", "mislukt");
      }
      const user = await findOrBindOidcUser(ctx.db.orm, identity.subject, identity.email);
      if (!user) {
        return refuse(
          403,
          "There is no account for this identity; ask the administrator.",
          "onbekend-account",
        );
      }
      const grant = await createSession(
        ctx.db.orm,
        user.id,
        "oidc",
        ctx.settings.sessionLifetimeMs,
        ctx.now(),
      );
      setSessionCookie(request, reply, ctx, grant);
      return reply.redirect("/", 302);
    },
  );
}

/** `/inloggen?oidc=…`: why a login through the organisation was refused (web/src/i18n/nl/auth.ts). */
export const OIDC_REFUSAL_PARAM = "oidc";
export type OidcRefusal = "onbekend-account" | "mislukt";

/** A browser's navigation asks for text/html; fetch and API clients do not. */
function wantsPage(accept: string | undefined): boolean {
  return accept?.split(",").some((type) => type.trim().startsWith("text/html")) ?? false;
}

function readPending(raw: string | undefined): PendingLogin | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<PendingLogin>;
    const ok = [value.state, value.nonce, value.codeVerifier].every((v) => typeof v === "string");
    return ok ? (value as PendingLogin) : undefined;
  } catch {
    return undefined;
  }
}
