// Stopping an import that is under way (issue 20): a killed or interrupted client must not leave
// its query running on the server, holding the import lock. Two layers:
// - PostgreSQL polls the import's socket (client_connection_check_interval, PostgreSQL ≥ 14), so
//   even a client killed with SIGKILL has its running statement cancelled within seconds;
// - an AbortSignal (SIGINT/SIGTERM in the CLI, shutdown in the server) cancels the running
//   statement from another connection (pg_cancel_backend) and stops the pipeline between steps.
// PGlite runs statements in this process's own thread: an abort takes effect between statements.
import type { Database, TxClient } from "../db/connect.ts";

/** How often the server checks that the import's client is still there. */
export const CLIENT_CHECK_INTERVAL = "2s";

export class ImportInterrupted extends Error {
  constructor(reason: string) {
    super(`import afgebroken (${reason}); er is niets geïmporteerd`);
    this.name = "ImportInterrupted";
  }
}

/**
 * Makes the import's transaction cancellable: on PostgreSQL the server watches the client's
 * socket, and an abort cancels the statement that runs. Returns a function that detaches; the
 * caller awaits it before its transaction ends. A cancel already sent must have reached the
 * server by then: `pg_cancel_backend` interrupts whatever the backend runs when the signal
 * arrives, and once the transaction has ended and its connection gone back to the pool, that is
 * another request's query (seen in CI: a late cancel killed the next statement on the same
 * connection). While the transaction is open the backend runs our statement or waits for our
 * next one, and a cancel that finds it waiting is ignored.
 */
export async function watchImport(
  db: Database,
  tx: TxClient,
  signal: AbortSignal | undefined,
): Promise<() => Promise<void>> {
  const nothing = async () => {};
  if (db.kind !== "postgres") return nothing;
  const [backend] = await tx.query<{ pid: number; version: number }>(
    "SELECT pg_backend_pid() AS pid, current_setting('server_version_num')::int AS version",
  );
  if ((backend?.version ?? 0) >= 140000) {
    await tx.exec(`SET LOCAL client_connection_check_interval = '${CLIENT_CHECK_INTERVAL}'`);
  }
  if (signal === undefined || backend === undefined) return nothing;
  let sent: Promise<unknown> = Promise.resolve();
  const cancel = () => {
    sent = db.sql.query("SELECT pg_cancel_backend($1)", [backend.pid]).catch(() => {});
  };
  signal.addEventListener("abort", cancel, { once: true });
  return async () => {
    signal.removeEventListener("abort", cancel);
    await sent;
  };
}

/** The abort's reason when the signal fired (a cancelled statement's error says less). */
export function interruption(signal: AbortSignal | undefined, error: unknown): unknown {
  return signal?.aborted ? signal.reason : error;
}
