// Backups that restore (issue 14 item 4): a demo database backed up and restored into an empty
// one — on each engine and across them — has the same rows per table and the same signals; a
// restore refuses a database that is not empty, a backup of a newer schema and an incomplete
// file, and then has written nothing.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Engine, emptyPglite, engines } from "../../test/support/databases.ts";
import { renderSignals } from "../cli/commands/signals.ts";
import { ident, listTables } from "../db/catalogue.ts";
import type { Database } from "../db/connect.ts";
import { DEMO_CASES_AS_OF } from "../demo/cases.ts";
import { writeFullDemo } from "../demo/fill.ts";
import { evaluateSignalsAt } from "../services/signals.ts";
import { writeBackup } from "./backup.ts";
import { appliedMigrations } from "./catalog.ts";
import { RestoreRefused, restoreBackup } from "./restore.ts";

const dir = mkdtempSync(join(tmpdir(), "aanwezig-backup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database with no tables at all, as a new server's (or a new embedded directory) is. */
async function unmigrated(engine: Engine): Promise<{ db: Database; dispose(): Promise<void> }> {
  if (engine.name === "pglite") {
    const db = await emptyPglite(); // a new embedded database, initdb's output copied
    return { db, dispose: () => db.close() };
  }
  const fresh = await engine.fresh();
  await fresh.db.sql.exec("drop schema public cascade; create schema public;");
  await fresh.db.sql.exec("drop schema if exists drizzle cascade;");
  return fresh;
}

async function countsPerTable(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await listTables(db.sql)) {
    const [row] = await db.sql.query<{ n: string }>(
      `select count(*)::text as n from ${ident(table.name)}`,
    );
    counts[table.name] = Number(row?.n);
  }
  return counts;
}

async function signalsOutput(db: Database): Promise<string> {
  const signals = await evaluateSignalsAt(db.sql, { asOf: DEMO_CASES_AS_OF });
  return renderSignals(signals, "json");
}

const all = engines();

describe.each(all)("a backup of a demo database on $name", (source) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let file: string;
  let counts: Record<string, number>;
  let signals: string;
  beforeAll(async () => {
    ({ db, dispose } = await source.fresh());
    await writeFullDemo(db, { pupils: 60, seed: 5 });
    file = join(dir, `${source.name}.backup.gz`);
    const summary = await writeBackup(db, file);
    counts = await countsPerTable(db);
    signals = await signalsOutput(db);
    expect(summary.tables).toEqual(counts);
  }, 240_000);
  afterAll(async () => dispose());

  it("holds rows of the region, the cases, the accounts and the audit trail", () => {
    for (const table of ["schools", "pupils", "attendance", "cases", "users", "audit_log"]) {
      expect(counts[table], table).toBeGreaterThan(0);
    }
    expect(JSON.parse(signals).length).toBeGreaterThan(0);
  });

  describe.each(all)("restored into an empty database on $name", (target) => {
    let restored: Database;
    let disposeTarget: () => Promise<void>;
    beforeAll(async () => {
      ({ db: restored, dispose: disposeTarget } = await unmigrated(target));
      await restoreBackup(restored, file);
    }, 240_000);
    afterAll(async () => disposeTarget());

    it("has the same rows per table and the same signals", async () => {
      expect(await countsPerTable(restored)).toEqual(counts);
      expect(await signalsOutput(restored)).toBe(signals);
      expect(await appliedMigrations(restored.sql)).toEqual(await appliedMigrations(db.sql));
    });

    it("has the same values, and sequences that continue after the restored ids", async () => {
      const sample =
        "select to_jsonb(a) as j from attendance a order by pupil_id, date, period limit 50";
      expect(await restored.sql.query(sample)).toEqual(await db.sql.query(sample));
      const version = "select name, version::text from data_versions order by name";
      expect(await restored.sql.query(version)).toEqual(await db.sql.query(version));
      const [max] = await restored.sql.query<{ id: string }>(
        "select max(id)::text as id from audit_log",
      );
      const [next] = await restored.sql.query<{ id: string }>(
        "select nextval(pg_get_serial_sequence('audit_log', 'id'))::text as id",
      );
      expect(BigInt(next?.id ?? 0)).toBe(BigInt(max?.id ?? 0) + 1n);
    });

    it("keeps the append-only guards and the change capture switched on", async () => {
      await expect(restored.sql.exec("delete from audit_log")).rejects.toThrow(/append-only/);
      const [triggers] = await restored.sql.query<{ off: string }>(
        "select count(*)::text as off from pg_trigger where not tgisinternal and tgenabled = 'D'",
      );
      expect(triggers?.off).toBe("0");
    });

    it("refuses to restore again into the now filled database, and changes nothing", async () => {
      await expect(restoreBackup(restored, file)).rejects.toThrow(
        /de database is niet leeg .*lege database/,
      );
      expect(await countsPerTable(restored)).toEqual(counts);
    });
  });

  it("refuses a backup of a newer schema", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const header = JSON.parse(lines[0] ?? "{}");
    header.migrations.push({ when: 4102444800000, hash: "later" });
    const newer = join(dir, `${source.name}.newer.gz`);
    writeFileSync(newer, gzipSync([JSON.stringify(header), ...lines.slice(1)].join("\n")));
    const target = await unmigrated(source);
    try {
      await expect(restoreBackup(target.db, newer)).rejects.toThrow(/nieuwere versie/);
    } finally {
      await target.dispose();
    }
  });

  it("restores nothing from an incomplete file", async () => {
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trimEnd().split("\n");
    const cut = join(dir, `${source.name}.cut.gz`);
    writeFileSync(cut, gzipSync(lines.slice(0, -1).join("\n")));
    const target = await unmigrated(source);
    try {
      const error = await restoreBackup(target.db, cut).catch((e) => e);
      expect(error).toBeInstanceOf(RestoreRefused);
      expect(error.message).toMatch(/onvolledig/);
      const after = await countsPerTable(target.db);
      expect(Object.entries(after).filter(([t, n]) => n > 0 && t !== "data_versions")).toEqual([]);
    } finally {
      await target.dispose();
    }
  });
});
