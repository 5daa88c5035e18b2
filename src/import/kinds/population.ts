// interfaces.md "Canonical CSV files" → population (natural key person_id): an extract of the
// municipal population register, in the same pseudonymous id space as pupil_id. The optional
// `bsn` column is never stored: only its HMAC under the region key (population.bsn_hash, and
// pupils.bsn_hash of the same person when the pupils file gave none; issue 18, minimisation).
import { BSN_COLUMN, bsnColumnReader, writeBsnHashes } from "../bsn-column.ts";
import type { KindSpec } from "../kind-spec.ts";
import { upsertFromStage } from "../stage-sql.ts";

export const populationKind: KindSpec = {
  kind: "population",
  requiredColumns: [
    "person_id",
    "given_name",
    "family_name",
    "birth_date",
    "municipality",
    "registered_from",
  ],
  stageColumns: [
    { name: "person_id", type: "text" },
    { name: "given_name", type: "text" },
    { name: "family_name", type: "text" },
    { name: "birth_date", type: "date" },
    { name: "municipality", type: "text" },
    { name: "registered_from", type: "date" },
    { name: "bsn_hash", type: "text" },
  ],
  keyColumns: ["person_id"],
  async prepare(tx) {
    const readBsnHash = await bsnColumnReader(tx);
    return (row) => {
      const values = [
        row.personId("person_id"),
        row.text("given_name"),
        row.text("family_name"),
        row.date("birth_date"),
        row.text("municipality"),
        row.date("registered_from"),
        readBsnHash(row),
      ];
      return row.ok ? values : undefined;
    };
  },
  checks: [],
  async write(tx, stage, run) {
    const counts = await upsertFromStage(tx, stage, {
      table: "population",
      keys: ["person_id"],
      values: ["given_name", "family_name", "birth_date", "municipality", "registered_from"],
    });
    if (run.header.has(BSN_COLUMN)) {
      await writeBsnHashes(tx, stage, "population", "person_id");
      // One id space: a pupil registered here gets the register's hash when it has none yet,
      // so a request naming the BSN finds the pupil (the pupils file's own hash stays leading).
      await tx.query(
        `UPDATE pupils p SET bsn_hash = s.bsn_hash FROM ${stage} s
         WHERE p.pupil_id = s.person_id AND s.bsn_hash IS NOT NULL AND p.bsn_hash IS NULL`,
      );
    }
    return counts;
  },
};
