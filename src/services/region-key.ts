// The region key (issue 18, minimisation): a secret of the region that keys the BSN hash (HMAC-
// SHA256, so a BSN is never stored in clear and a hash cannot be reversed by trying all nine-digit
// numbers without the key) and the pseudonyms of research and monitoring exports. Taken from
// AANWEZIG_REGION_KEY (at least 32 characters; set it in production, kept outside the database),
// else generated once and kept in app_settings (a demo, a test).
import { createHmac, randomBytes } from "node:crypto";
import type { SqlClient } from "../db/connect.ts";

export const REGION_KEY_SETTING = "region_key";
const MIN_LENGTH = 32;

export async function regionKey(
  sql: SqlClient,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const fromEnv = env.AANWEZIG_REGION_KEY;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv.length < MIN_LENGTH) {
      throw new Error(
        `AANWEZIG_REGION_KEY is te kort (${fromEnv.length} tekens): gebruik minstens ${MIN_LENGTH} willekeurige tekens, bijvoorbeeld uit 'openssl rand -hex 32'.`,
      );
    }
    return fromEnv;
  }
  await sql.query(
    `insert into app_settings (key, value) values ($1, $2) on conflict (key) do nothing`,
    [REGION_KEY_SETTING, randomBytes(32).toString("hex")],
  );
  const [row] = await sql.query<{ value: string }>(
    "select value from app_settings where key = $1",
    [REGION_KEY_SETTING],
  );
  if (!row) throw new Error("region key missing");
  return row.value;
}

/**
 * The region key before a rotation (AANWEZIG_REGION_KEY_PREVIOUS), kept while sealed secrets are
 * re-sealed under the new one (docs/operations.md "Rotating the region key"); null when unset.
 */
export function previousRegionKey(env: NodeJS.ProcessEnv = process.env): string | null {
  const value = env.AANWEZIG_REGION_KEY_PREVIOUS;
  return value === undefined || value === "" ? null : value;
}

/** The stored form of a BSN: HMAC-SHA256 under the region key, hex. */
export function bsnHash(key: string, bsn: string): string {
  return createHmac("sha256", key).update(`bsn:${bsn}`).digest("hex");
}

/** A stable pseudonym of a pupil or person id for research exports: `PS` + 16 hex digits. */
export function pseudonym(key: string, id: string): string {
  return `PS${createHmac("sha256", key).update(`pseudonym:${id}`).digest("hex").slice(0, 16)}`;
}
