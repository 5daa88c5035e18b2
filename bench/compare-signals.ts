// Compares two signal sets on (pupil_id, school_id, code, legal): the DuckDB peer against the
// TypeScript rules. A LONG_TERM_ABSENT present in both with a different `legal` is one
// disagreement of its own kind, not two.
import type { PeerSignal } from "./duckdb-signals.ts";

export interface Disagreement {
  kind: "only_duckdb" | "only_ts" | "legal_differs";
  pupil_id: string;
  school_id: string;
  code: string;
  duckdb_legal?: boolean | null;
  ts_legal?: boolean | null;
}

export interface Comparison {
  duckdb: number;
  ts: number;
  agreeing: number;
  disagreements: number;
  byKind: Record<Disagreement["kind"], number>;
  byCode: Record<string, number>;
  examples: Disagreement[];
}

const keyOf = (s: PeerSignal) => `${s.pupil_id}|${s.school_id}|${s.code}`;

export function compareSignals(
  duckdb: readonly PeerSignal[],
  ts: readonly PeerSignal[],
  maxExamples = 20,
): Comparison {
  const fromDuckDb = new Map(duckdb.map((s) => [keyOf(s), s]));
  const all: Disagreement[] = [];
  let agreeing = 0;
  for (const t of ts) {
    const d = fromDuckDb.get(keyOf(t));
    const base = { pupil_id: t.pupil_id, school_id: t.school_id, code: t.code };
    if (!d) all.push({ kind: "only_ts", ...base, ts_legal: t.legal });
    else if (d.legal !== t.legal)
      all.push({ kind: "legal_differs", ...base, duckdb_legal: d.legal, ts_legal: t.legal });
    else agreeing++;
    fromDuckDb.delete(keyOf(t));
  }
  for (const d of fromDuckDb.values()) {
    all.push({
      kind: "only_duckdb",
      pupil_id: d.pupil_id,
      school_id: d.school_id,
      code: d.code,
      duckdb_legal: d.legal,
    });
  }
  all.sort(
    (a, b) =>
      a.pupil_id.localeCompare(b.pupil_id) ||
      a.code.localeCompare(b.code) ||
      a.school_id.localeCompare(b.school_id),
  );
  const byKind = { only_duckdb: 0, only_ts: 0, legal_differs: 0 };
  const byCode: Record<string, number> = {};
  for (const x of all) {
    byKind[x.kind]++;
    byCode[x.code] = (byCode[x.code] ?? 0) + 1;
  }
  return {
    duckdb: duckdb.length,
    ts: ts.length,
    agreeing,
    disagreements: all.length,
    byKind,
    byCode,
    examples: all.slice(0, maxExamples),
  };
}

export function countByCode(signals: readonly PeerSignal[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const s of signals) {
    const key = s.code === "LONG_TERM_ABSENT" ? `${s.code} (legal=${s.legal})` : s.code;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
