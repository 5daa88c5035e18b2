import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { UsageError } from "./errors.ts";
import { formatEntry, resolveLogSetup, startMessage, textLogStream } from "./log-output.ts";

describe("serve's log setup", () => {
  it("takes the flag over the environment over the default; an empty variable is unset", () => {
    expect(resolveLogSetup({}, {})).toEqual({
      level: "info",
      format: "text",
      requestLevel: "debug",
    });
    expect(resolveLogSetup({}, { AANWEZIG_LOG_FORMAT: "json", AANWEZIG_LOG_LEVEL: "" })).toEqual({
      level: "info",
      format: "json",
      requestLevel: "info",
    });
    expect(
      resolveLogSetup({ logLevel: "warn", logFormat: "text" }, { AANWEZIG_LOG_FORMAT: "json" }),
    ).toEqual({ level: "warn", format: "text", requestLevel: "debug" });
    expect(() => resolveLogSetup({ logFormat: "pretty" }, {})).toThrow(UsageError);
    expect(() => resolveLogSetup({}, { AANWEZIG_LOG_LEVEL: "loud" })).toThrow(/--log-level/);
  });
});

describe("text logs for people", () => {
  it("prints info as the message, a request with method, path, status and time, an error with its stack", () => {
    expect(formatEntry({ level: 30, time: 0, msg: "jobs: daily-evaluation 2026-03-05 done" })).toBe(
      "jobs: daily-evaluation 2026-03-05 done",
    );
    expect(
      formatEntry({
        level: 20,
        time: Date.UTC(2026, 2, 2, 9, 5, 7),
        msg: "incoming request",
        req: { method: "GET", url: "/api/me" },
      }),
    ).toBe("09:05:07 debug: incoming request GET /api/me");
    expect(
      formatEntry({
        level: 20,
        msg: "request completed",
        res: { statusCode: 200 },
        responseTime: 3.4,
      }),
    ).toBe("debug: request completed → 200 (3 ms)");
    const error = formatEntry({
      level: 50,
      msg: "unexpected error",
      err: { type: "Error", message: "boom", stack: "Error: boom\n    at f (x.ts:1:1)" },
    });
    expect(error).toBe("fout: unexpected error\n  Error: boom\n      at f (x.ts:1:1)");
  });

  it("sends warnings and errors to stderr, the rest to stdout, and passes non-JSON through", () => {
    const out = new PassThrough();
    const err = new PassThrough();
    const stream = textLogStream(out, err);
    stream.write(
      `${JSON.stringify({ level: 30, msg: startMessage("http://127.0.0.1:8080", true) })}\n`,
    );
    stream.write(`${JSON.stringify({ level: 40, msg: "let op" })}\n`);
    stream.write("geen json");
    expect(String(out.read())).toBe(
      "Aanwezig draait op http://127.0.0.1:8080 — demo-accounts: zie README; stoppen met Ctrl+C\ngeen json\n",
    );
    expect(String(err.read())).toBe("waarschuwing: let op\n");
  });
});
