// The optional `bsn` column of the pupils and population files (issue 18, minimisation): the
// number is validated (elfproef) and turned into its HMAC under the region key before it reaches
// the staging table, so the BSN in clear is never written anywhere — only the keyed hash, where a
// data subject's request naming a BSN can find the person.
import type { TxClient } from "../db/connect.ts";
import { bsnHash, regionKey } from "../services/region-key.ts";
import type { RowReader } from "./row-reader.ts";
import { isProbablyBsn } from "./row-reader.ts";

export const BSN_COLUMN = "bsn";

/** Reads a row's `bsn` field into its stored form: the keyed hash, or null when empty. */
export async function bsnColumnReader(tx: TxClient): Promise<(row: RowReader) => string | null> {
  const key = await regionKey(tx);
  return (row) => {
    const bsn = row.optionalText(BSN_COLUMN);
    if (bsn === null) return null;
    if (!isProbablyBsn(bsn)) {
      row.fail(
        BSN_COLUMN,
        "geen geldig BSN (negen cijfers die de elfproef doorstaan); laat het veld leeg als het BSN niet bekend is",
      );
      return null;
    }
    return bsnHash(key, bsn);
  };
}

/**
 * Sets `table.bsn_hash` from the staging table's hashes, matched on the key column of the same
 * name in both; an empty field keeps the hash already known.
 */
export async function writeBsnHashes(
  tx: TxClient,
  stage: string,
  table: "pupils" | "population",
  keyColumn: "pupil_id" | "person_id",
): Promise<void> {
  await tx.query(
    `UPDATE ${table} t SET bsn_hash = s.bsn_hash FROM ${stage} s
     WHERE t.${keyColumn} = s.${keyColumn} AND s.bsn_hash IS NOT NULL
       AND t.bsn_hash IS DISTINCT FROM s.bsn_hash`,
  );
}
