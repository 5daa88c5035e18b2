// Writes the benchmark's results into docs/performance.md, section "Import" (replaced in place;
// other sections are left alone).
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export interface Measurement {
  engine: string;
  run: string;
  rows: number;
  seconds: number;
  rssMb: number;
  inserted?: number;
  updated?: number;
  unchanged?: number;
}

export interface ImportReport {
  command: string;
  machine: string;
  pupils: number;
  measured: Measurement[];
}

const DOC = new URL("../docs/performance.md", import.meta.url);

export function importSection(report: ImportReport): string {
  const peer = report.measured.find((m) => m.run.startsWith("plain COPY"));
  const peerRate = peer ? peer.rows / peer.seconds : undefined;
  const rate = (m: Measurement) => Math.round(m.rows / m.seconds);
  const lines = [
    "## Import",
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} on ${report.machine} (a machine shared with other work, so figures are indicative).`,
    "",
    "```sh",
    report.command,
    "```",
    "",
    `A synthetic region (20 schools, ${report.pupils.toLocaleString("en")} pupils) with one attendance file of ${report.measured[0]?.rows.toLocaleString("en")} rows; every row is validated (types, codes, school day of the school's calendar, minutes per pupil and day against the scheduled minutes, known pupil, duplicate keys), staged with COPY and merged set-based, with a history row per new or changed row. The peer is a plain \`COPY\` of the same file into a bare table without keys, indexes or checks on the same PostgreSQL server.`,
    "",
    "| engine | run | rows | seconds | rows/s | vs plain COPY | peak RSS (MB) |",
    "|---|---|---:|---:|---:|---:|---:|",
    ...report.measured.map((m) => {
      const ratio = peerRate ? `${((rate(m) / peerRate) * 100).toFixed(0)} %` : "";
      return `| ${m.engine} | ${m.run} | ${m.rows.toLocaleString("en")} | ${m.seconds.toFixed(1)} | ${rate(m).toLocaleString("en")} | ${ratio} | ${m.rssMb} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

export function writeImportSection(report: ImportReport): void {
  const section = importSection(report);
  const current = existsSync(DOC) ? readFileSync(DOC, "utf8") : "# Performance\n\n";
  const start = current.indexOf("## Import");
  let next: string;
  if (start === -1) next = `${current.trimEnd()}\n\n${section}`;
  else {
    const after = current.indexOf("\n## ", start + 1);
    next = current.slice(0, start) + section + (after === -1 ? "" : current.slice(after + 1));
  }
  writeFileSync(DOC, `${next.trimEnd()}\n`);
}
