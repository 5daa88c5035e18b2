import { describe, expect, it } from "vitest";
import { OidcConfigurationError, oidcSettingsFromEnv } from "./oidc.ts";

const FULL = {
  AANWEZIG_OIDC_ISSUER: "https://login.gemeente.example/realms/onderwijs",
  AANWEZIG_OIDC_CLIENT_ID: "aanwezig",
  AANWEZIG_OIDC_CLIENT_SECRET: "s3cret",
  AANWEZIG_OIDC_REDIRECT_URL: "https://aanwezig.gemeente.example/api/auth/oidc/callback",
};

describe("OIDC settings from the environment", () => {
  it("is off when none of the variables is set", () => {
    expect(oidcSettingsFromEnv({})).toBeNull();
    expect(oidcSettingsFromEnv({ AANWEZIG_OIDC_ISSUER: "  " })).toBeNull();
  });

  it("reads a complete configuration", () => {
    expect(oidcSettingsFromEnv(FULL)).toEqual({
      issuer: FULL.AANWEZIG_OIDC_ISSUER,
      clientId: "aanwezig",
      clientSecret: "s3cret",
      redirectUrl: FULL.AANWEZIG_OIDC_REDIRECT_URL,
    });
  });

  it("refuses a half configuration, naming what is missing", () => {
    const { AANWEZIG_OIDC_CLIENT_SECRET: _secret, ...partial } = FULL;
    expect(() => oidcSettingsFromEnv(partial)).toThrow(OidcConfigurationError);
    expect(() => oidcSettingsFromEnv(partial)).toThrow(/AANWEZIG_OIDC_CLIENT_SECRET/);
  });

  it("reads the optional claim that maps to the account", () => {
    expect(oidcSettingsFromEnv({ ...FULL, AANWEZIG_OIDC_ACCOUNT_CLAIM: " upn " })).toMatchObject({
      accountClaim: "upn",
    });
    expect(oidcSettingsFromEnv(FULL)).not.toHaveProperty("accountClaim");
    expect(() => oidcSettingsFromEnv({ ...FULL, AANWEZIG_OIDC_ACCOUNT_CLAIM: "e mail" })).toThrow(
      /AANWEZIG_OIDC_ACCOUNT_CLAIM/,
    );
    // The claim alone does not switch OIDC on.
    expect(oidcSettingsFromEnv({ AANWEZIG_OIDC_ACCOUNT_CLAIM: "upn" })).toBeNull();
  });

  it("refuses an issuer that is not a URL", () => {
    expect(() => oidcSettingsFromEnv({ ...FULL, AANWEZIG_OIDC_ISSUER: "login.gemeente" })).toThrow(
      /AANWEZIG_OIDC_ISSUER is not a URL/,
    );
  });
});
