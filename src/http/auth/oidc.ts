// Login through the organisation's identity provider (OpenID Connect, authorization code flow
// with PKCE). Configured by environment; off when none of its variables is set. It maps the
// provider's subject (or, at first login, its verified e-mail address) onto an existing user:
// accounts and roles are still made by the application admin, never by the provider.
import * as client from "openid-client";

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  /**
   * The ID token claim that names the Aanwezig account (its e-mail address) at first login:
   * `email` (the default, only when `email_verified` is true) or a claim the organisation
   * manages itself, such as Entra ID's `upn`.
   */
  accountClaim?: string;
}

/** Optional: `AANWEZIG_OIDC_ACCOUNT_CLAIM`, the claim that maps to the account (`email`). */
export const OIDC_ACCOUNT_CLAIM_ENV = "AANWEZIG_OIDC_ACCOUNT_CLAIM";
export const DEFAULT_ACCOUNT_CLAIM = "email";

export const OIDC_ENV = {
  issuer: "AANWEZIG_OIDC_ISSUER",
  clientId: "AANWEZIG_OIDC_CLIENT_ID",
  clientSecret: "AANWEZIG_OIDC_CLIENT_SECRET",
  redirectUrl: "AANWEZIG_OIDC_REDIRECT_URL",
} as const;

export class OidcConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OidcConfigurationError";
  }
}

/** null when OIDC is off; throws when it is half configured, so a typo cannot go unnoticed. */
export function oidcSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
  const entries = Object.entries(OIDC_ENV).map(([key, name]) => [key, env[name]?.trim() ?? ""]);
  const missing = entries.filter(([, value]) => value === "").map(([key]) => key);
  if (missing.length === entries.length) return null;
  if (missing.length > 0) {
    const names = missing.map((key) => OIDC_ENV[key as keyof typeof OIDC_ENV]);
    throw new OidcConfigurationError(`OIDC is half configured: set ${names.join(", ")} as well`);
  }
  const settings = Object.fromEntries(entries) as unknown as OidcSettings;
  const accountClaim = env[OIDC_ACCOUNT_CLAIM_ENV]?.trim();
  if (accountClaim) {
    if (!/^[\w:.-]+$/.test(accountClaim)) {
      throw new OidcConfigurationError(`${OIDC_ACCOUNT_CLAIM_ENV} is not a claim name`);
    }
    settings.accountClaim = accountClaim;
  }
  for (const key of ["issuer", "redirectUrl"] as const) {
    if (!URL.canParse(settings[key])) {
      throw new OidcConfigurationError(`${OIDC_ENV[key]} is not a URL: ${settings[key]}`);
    }
  }
  return settings;
}

/** What the browser must bring back to the callback: kept in a short-lived HttpOnly cookie. */
export interface PendingLogin {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  subject: string;
  /**
   * The account's e-mail address from the configured claim: from `email` only when the provider
   * says the address is verified.
   */
  email: string | undefined;
}

export interface OidcProvider {
  settings: OidcSettings;
  startLogin(): Promise<{ url: URL; pending: PendingLogin }>;
  finishLogin(callbackUrl: URL, pending: PendingLogin): Promise<OidcIdentity>;
}

/**
 * `configure` defaults to discovery at the issuer (done once, at first use, so the API starts
 * even while the provider is briefly unreachable); tests pass a fixed configuration.
 */
export function createOidcProvider(
  settings: OidcSettings,
  configure: () => Promise<client.Configuration> = () =>
    client.discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret),
): OidcProvider {
  let configuration: Promise<client.Configuration> | undefined;
  const config = () => {
    configuration ??= configure().catch((error) => {
      configuration = undefined;
      throw error;
    });
    return configuration;
  };
  return {
    settings,
    async startLogin() {
      const pending: PendingLogin = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(await config(), {
        redirect_uri: settings.redirectUrl,
        scope: "openid email profile",
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: "S256",
      });
      return { url, pending };
    },
    async finishLogin(callbackUrl, pending) {
      const tokens = await client.authorizationCodeGrant(await config(), callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error("identity provider returned no ID token");
      const name = settings.accountClaim ?? DEFAULT_ACCOUNT_CLAIM;
      const value = claims[name];
      const trusted = name !== "email" || claims.email_verified === true;
      const email = typeof value === "string" && value !== "" && trusted ? value : undefined;
      return { subject: claims.sub, email };
    },
  };
}
