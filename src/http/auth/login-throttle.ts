// Failed-login limiting (issue 20 item 5, issue 11 item 5). Only failures count, per account (the
// normalised e-mail address, whether or not it exists, so a limited answer tells nothing about
// the account) and per source address (failures across any accounts, so guessing many e-mail
// addresses from one place is limited too). A successful login clears its account's count: a
// trainer switching demo roles all day is never locked out.
//
// The counts live in this process's memory: Aanwezig runs as one server process (a second
// `serve --no-jobs` would keep its own counts, so the limits would be per process). Memory is
// bounded by MAX_TRACKED_KEYS; when full, expired windows go first, then the oldest keys.

export interface LoginLimits {
  /** Failed logins for one e-mail address within the window before it is refused. */
  perAccount: number;
  /** Failed logins from one source address (any e-mail) within the window before it is refused. */
  perSource: number;
  windowMs: number;
}

interface Window {
  failures: number;
  endsAt: number;
}

export const MAX_TRACKED_KEYS = 50_000;

export class LoginThrottle {
  readonly #limits: LoginLimits;
  readonly #windows = new Map<string, Window>();

  constructor(limits: LoginLimits) {
    this.#limits = limits;
  }

  /** Milliseconds until this account and source may try again; 0 when they may now. */
  waitMs(account: string, source: string, now: number): number {
    return Math.max(
      this.#wait(`account:${account}`, this.#limits.perAccount, now),
      this.#wait(`source:${source}`, this.#limits.perSource, now),
    );
  }

  recordFailure(account: string, source: string, now: number): void {
    this.#count(`account:${account}`, now);
    this.#count(`source:${source}`, now);
  }

  /** How many windows are kept (bounded by MAX_TRACKED_KEYS). */
  get trackedKeys(): number {
    return this.#windows.size;
  }

  recordSuccess(account: string): void {
    this.#windows.delete(`account:${account}`);
  }

  #wait(key: string, limit: number, now: number): number {
    const window = this.#windows.get(key);
    if (!window || window.endsAt <= now || window.failures < limit) return 0;
    return window.endsAt - now;
  }

  #count(key: string, now: number): void {
    const window = this.#windows.get(key);
    if (window && window.endsAt > now) {
      window.failures += 1;
      return;
    }
    this.#windows.delete(key);
    this.#makeRoom(now);
    this.#windows.set(key, { failures: 1, endsAt: now + this.#limits.windowMs });
  }

  #makeRoom(now: number): void {
    if (this.#windows.size < MAX_TRACKED_KEYS) return;
    for (const [key, window] of this.#windows) {
      if (window.endsAt <= now) this.#windows.delete(key);
    }
    // Still full: drop the oldest windows (a Map iterates in insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < MAX_TRACKED_KEYS) break;
      this.#windows.delete(key);
    }
  }
}
