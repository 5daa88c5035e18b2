import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { fastifyTrustProxy, parseTrustProxy, TrustProxyError } from "./trust-proxy.ts";

describe("AANWEZIG_TRUST_PROXY", () => {
  it("reads nothing, 0 and false as no proxy, digits as a hop count, a list as addresses", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy(" 10.0.0.5, 10.1.0.0/16,loopback ,::1")).toEqual([
      "10.0.0.5",
      "10.1.0.0/16",
      "loopback",
      "::1",
    ]);
  });

  it("refuses 'true' (trust any X-Forwarded-For) and anything that is not an address", () => {
    for (const value of ["true", "*", "proxy.gemeente.example", "10.0.0.0/33", "10.0.0.1/8/2"]) {
      expect(() => parseTrustProxy(value), value).toThrow(TrustProxyError);
    }
  });

  async function clientAddress(trust: string, forwardedFor: string, peer = "127.0.0.1") {
    const app = Fastify({ trustProxy: fastifyTrustProxy(parseTrustProxy(trust)) });
    app.get("/ip", (request) => ({ ip: request.ip, protocol: request.protocol }));
    const response = await app.inject({
      url: "/ip",
      remoteAddress: peer,
      headers: { "x-forwarded-for": forwardedFor, "x-forwarded-proto": "https" },
    });
    await app.close();
    return response.json() as { ip: string; protocol: string };
  }

  it("with one hop takes the address the proxy appended, not one the client wrote", async () => {
    // The client sent "X-Forwarded-For: 198.51.100.7"; the proxy appended the real 203.0.113.9.
    expect(await clientAddress("1", "198.51.100.7, 203.0.113.9")).toEqual({
      ip: "203.0.113.9",
      protocol: "https",
    });
  });

  it("with addresses trusts only those peers", async () => {
    expect(await clientAddress("10.0.0.5", "198.51.100.7, 203.0.113.9", "10.0.0.5")).toEqual({
      ip: "203.0.113.9",
      protocol: "https",
    });
    // A peer that is not the proxy is the client itself, whatever its headers say.
    expect(await clientAddress("10.0.0.5", "198.51.100.7", "203.0.113.50")).toEqual({
      ip: "203.0.113.50",
      protocol: "http",
    });
  });

  it("without a proxy ignores X-Forwarded-For", async () => {
    expect((await clientAddress("", "198.51.100.7")).ip).toBe("127.0.0.1");
  });
});
