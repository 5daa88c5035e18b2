// Applies the committed drizzle-kit SQL migrations (./drizzle) to either driver.
import { fileURLToPath } from "node:url";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./connect.ts";

export const MIGRATIONS_FOLDER = fileURLToPath(new URL("../../drizzle", import.meta.url));

export async function migrateDatabase(db: Database): Promise<void> {
  if (db.driver.kind === "pglite") {
    await migratePglite(drizzlePglite(db.driver.pglite), { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // Serialise concurrent migrators (several processes starting at once) on one server.
    const conn = await db.driver.pool.connect();
    try {
      await conn.query("select pg_advisory_lock(724101)");
      await migratePg(drizzlePg(conn), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await conn.query("select pg_advisory_unlock(724101)").catch(() => {});
      conn.release();
    }
  }
}
