// Imports started from the web app run in the background of this process, so the upload answers
// at once and the browser can show the phases (reading, checking, writing) while a large file
// is checked. Only the state of recent runs is kept here; the import log in the database is the
// record (src/import/run-import.ts writes it for accepted and refused files alike).
import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import type { Database } from "../../db/connect.ts";
import { ImportInterrupted } from "../../import/cancel.ts";
import type { ColumnMapping } from "../../import/column-mapping.ts";
import type { FileEncoding } from "../../import/decode.ts";
import type { ImportKind } from "../../import/kind-spec.ts";
import { type ImportPhase, type ImportResult, importFile } from "../../import/run-import.ts";

export type JobPhase = "queued" | ImportPhase | "done";

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  bytes: number;
  startedBy: string;
  startedAt: Date;
  phase: JobPhase;
  rows: number;
  finishedAt: Date | null;
  result: ImportResult | null;
  /** An unexpected failure (the file itself was not judged); the details are in the server log. */
  failed: boolean;
}

const KEEP_FINISHED = 50;

export class ImportJobs {
  private readonly jobs = new Map<string, ImportJob>();
  private readonly running = new Map<string, AbortController>();

  get(id: string): ImportJob | undefined {
    return this.jobs.get(id);
  }

  /** Starts the import of a file in a directory of its own, which is removed afterwards. */
  start(
    db: Database,
    input: {
      kind: ImportKind;
      path: string;
      dir: string;
      fileName: string;
      bytes: number;
      encoding?: FileEncoding | undefined;
      /** A saved column mapping the file is read through. */
      mapping?: ColumnMapping | undefined;
      /** Only rows of these schools (importFile's option); absent: every school. */
      schools?: readonly string[];
      /** The job's id when the caller recorded it already (an API import request). */
      id?: string;
    },
    actor: string,
    onError: (error: unknown) => void,
    onFinished?: (job: ImportJob) => Promise<void>,
  ): ImportJob {
    const job: ImportJob = {
      id: input.id ?? randomUUID(),
      kind: input.kind,
      fileName: input.fileName,
      bytes: input.bytes,
      startedBy: actor,
      startedAt: new Date(),
      phase: "queued",
      rows: 0,
      finishedAt: null,
      result: null,
      failed: false,
    };
    this.jobs.set(job.id, job);
    this.prune();
    const controller = new AbortController();
    this.running.set(job.id, controller);
    const run = async () => {
      try {
        job.result = await importFile(db, {
          kind: input.kind,
          path: input.path,
          encoding: input.encoding,
          mapping: input.mapping,
          schools: input.schools,
          actor,
          signal: controller.signal,
          onProgress: (phase, rows) => {
            job.phase = phase;
            job.rows = rows;
          },
        });
        job.rows = job.result.rows;
      } catch (error) {
        job.failed = true;
        onError(error);
      } finally {
        this.running.delete(job.id);
        job.phase = "done";
        job.finishedAt = new Date();
        await rm(input.dir, { recursive: true, force: true });
        await onFinished?.(job).catch(onError);
      }
    };
    void run();
    return job;
  }

  /**
   * Stops every running import (rolled back, nothing written) and waits until they have
   * ended: the server's shutdown (SIGTERM) must not wait for a large file, nor close the
   * database under it.
   */
  async stopAll(): Promise<void> {
    const ids = [...this.running.keys()];
    for (const controller of this.running.values()) {
      controller.abort(new ImportInterrupted("de server stopt"));
    }
    await Promise.all(ids.map((id) => this.settled(id)));
  }

  /** Resolves when the job has finished (tests; a shutdown could wait on it too). */
  async settled(id: string): Promise<ImportJob | undefined> {
    for (;;) {
      const job = this.jobs.get(id);
      if (!job || job.finishedAt) return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt !== null);
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.jobs.delete(job.id);
    }
  }
}
