// Which reverse proxies may tell us the client's address (X-Forwarded-For) and scheme
// (X-Forwarded-Proto): AANWEZIG_TRUST_PROXY. The client's address keys the login limits
// (auth/login-throttle.ts), so it must never be whatever a client writes into X-Forwarded-For:
// `true` (Fastify then takes the left-most, client-controlled entry) is refused.
//
//   unset, "", "0"        no proxy: the socket's peer is the client
//   a hop count, "1"      that many proxies in front; with 1 the client is the address the one
//                         proxy appended (the right-most X-Forwarded-For entry)
//   addresses and CIDRs   "10.0.0.5, 10.1.0.0/16, loopback": only those peers are proxies; the
//                         client is the right-most entry not among them
import { isIP } from "node:net";

export type TrustProxy = false | number | string[];

// proxy-addr's names for address ranges, which Fastify's trustProxy accepts too.
const NAMED_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

export class TrustProxyError extends Error {
  constructor(value: string) {
    super(
      `AANWEZIG_TRUST_PROXY='${value}' wordt niet begrepen: geef het aantal proxy's (bijvoorbeeld 1) ` +
        "of hun adressen/CIDR's, met komma's gescheiden (bijvoorbeeld 10.0.0.5,10.1.0.0/16). " +
        "'true' (elke X-Forwarded-For vertrouwen) is niet toegestaan.",
    );
    this.name = "TrustProxyError";
  }
}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const trimmed = (value ?? "").trim();
  if (trimmed === "" || trimmed === "0" || trimmed.toLowerCase() === "false") return false;
  if (/^\d+$/.test(trimmed)) return Number.parseInt(trimmed, 10);
  const entries = trimmed.split(",").map((entry) => entry.trim());
  if (!entries.every(isProxyAddress)) throw new TrustProxyError(trimmed);
  return entries;
}

function isProxyAddress(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (bits === undefined) return true;
  if (!/^\d+$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's form of it. Fastify 5 treats a bare number as "trust nothing", so a hop count
 * becomes a function: the socket's peer is hop 0, the right-most X-Forwarded-For entry hop 1.
 */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== "number") return trust;
  const hops = trust;
  return (_address, hop) => hop < hops;
}
