// What every route module gets: the database, the clock, and the settings of this deployment.
import type { Database } from "../db/connect.ts";
import type { MailDelivery } from "../services/notifications.ts";
import type { LoginLimits } from "./auth/login-throttle.ts";
import type { OidcProvider } from "./auth/oidc.ts";

export interface HttpSettings {
  /** Cookies carry Secure. Requests that arrive over https get it regardless. */
  secureCookies: boolean;
  sessionLifetimeMs: number;
  loginLimits: LoginLimits;
  /** The origin browsers load the web app from; state-changing requests must come from it. */
  publicOrigin: string | undefined;
}

export interface HttpContext {
  db: Database;
  /** Wall clock for sessions and tokens; tests pin it. */
  now: () => Date;
  /**
   * The domain's date ("today" for access rules, signals, case clocks and deadlines): the Dutch
   * date of now(), or the date a demo database is frozen at (src/db/repositories/settings.ts).
   */
  today: () => string;
  /** Set when the database is a demo frozen at that date; the web app shows it. */
  demoAsOf: string | undefined;
  settings: HttpSettings;
  oidc: OidcProvider | null;
  /** Queues the mail of notifications a command raised (serve's job queue); absent: the sweep's. */
  mail: MailDelivery | null;
}

export const DEFAULT_SETTINGS: HttpSettings = {
  secureCookies: process.env.NODE_ENV === "production",
  // One working day: long enough not to interrupt a day's work, short enough for shared PCs.
  sessionLifetimeMs: 10 * 60 * 60 * 1000,
  // Failed logins only. Ten per account keeps online guessing hopeless (NIST 800-63B allows up
  // to 100); 25 per source lets a school behind one NAT address mistype, yet stops a sweep over
  // many e-mail addresses.
  loginLimits: { perAccount: 10, perSource: 25, windowMs: 15 * 60 * 1000 },
  publicOrigin: process.env.AANWEZIG_PUBLIC_ORIGIN,
};

/** 'YYYY-MM-DD' of the given instant in the Netherlands, where school days are. */
export { todayInNetherlands } from "../db/repositories/settings.ts";
