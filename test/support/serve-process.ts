// `aanwezig serve` as a child process for tests: a free port, the combined output, and a wait
// for a condition.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

const BIN = new URL("../../bin/aanwezig", import.meta.url).pathname;

export interface ServedProcess {
  child: ChildProcess;
  port: number;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function serveProcess(spec: string, ...args: string[]): Promise<ServedProcess> {
  return serveWithEnv(spec, args, { ...process.env, NODE_ENV: "test" });
}

/** `aanwezig serve` on a free port with env as its whole environment. */
export async function serveWithEnv(
  spec: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<ServedProcess> {
  const port = await freePort();
  const child = spawn(BIN, ["--db", spec, "serve", "--port", String(port), ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env,
  });
  let text = "";
  child.stdout?.on("data", (d: Buffer) => (text += d));
  child.stderr?.on("data", (d: Buffer) => (text += d));
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, port, exited, output: () => text };
}

export async function until(what: string, test: () => Promise<boolean> | boolean, ms = 150_000) {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}
