// A setup file for measuring the suite, on only with AANWEZIG_TEST_CPU_LOG=<file>
// (vitest.config.ts): per test file one JSON line with its wall time and the CPU time of the
// worker process and its children (child processes such as bin/aanwezig and Chromium), from
// before the file's modules load until its last afterAll. PostgreSQL's own processes are not in
// it. docs/adr/0003-test-layout.md reads these lines.
import { appendFileSync, readdirSync, readFileSync } from "node:fs";
import { afterAll, expect } from "vitest";

interface ProcStat {
  ppid: number;
  /** utime + stime of the process, and cutime + cstime of its children it has waited for. */
  ticks: number;
}

/** The fields of /proc/<pid>/stat after the command name (field 3, the state, first). */
function statFields(pid: number | string): number[] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text
    .slice(text.lastIndexOf(")") + 2)
    .split(" ")
    .map(Number);
}

function procStat(pid: number | string): ProcStat | undefined {
  try {
    const at = statFields(pid);
    return { ppid: at[1]!, ticks: at[11]! + at[12]! + at[13]! + at[14]! };
  } catch {
    return undefined;
  }
}

/** CPU milliseconds of this process and its children: living ones and those it waited for. */
function treeCpuMs(): { own: number; children: number } {
  const all = new Map<number, ProcStat>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(name);
    if (stat) all.set(Number(name), stat);
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, i = 0; p > 1 && i < 64; i++) {
      if (p === process.pid) return true;
      p = all.get(p)?.ppid ?? 0;
    }
    return false;
  };
  const usage = process.cpuUsage();
  const own = (usage.user + usage.system) / 1000;
  let childTicks = 0;
  for (const [pid, stat] of all) if (pid !== process.pid && inTree(pid)) childTicks += stat.ticks;
  // The children this process waited for are in its own cutime + cstime.
  const self = statFields("self");
  childTicks += self[13]! + self[14]!;
  return { own, children: childTicks * 10 };
}

const out = process.env.AANWEZIG_TEST_CPU_LOG;
if (out) {
  const startedAt = Date.now();
  const start = treeCpuMs();
  afterAll(() => {
    const end = treeCpuMs();
    const file = expect.getState().testPath ?? "";
    appendFileSync(
      out,
      `${JSON.stringify({
        file: file.replace(`${process.cwd()}/`, ""),
        pool: process.env.VITEST_POOL_ID,
        pid: process.pid,
        start: startedAt,
        end: Date.now(),
        wallMs: Date.now() - startedAt,
        cpuMs: Math.round(end.own - start.own),
        childCpuMs: Math.round(end.children - start.children),
      })}\n`,
    );
  });
}
