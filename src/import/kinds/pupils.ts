// interfaces.md "Canonical CSV files" → pupils (natural key pupil_id). The optional parent
// columns are the pupil's first contact person (pupil_contacts position 1). The optional `bsn`
// column is never stored: only its HMAC under the region key (pupils.bsn_hash; issue 18,
// minimisation), so a data subject's request naming a BSN finds the pupil.
import { BSN_COLUMN, bsnColumnReader, writeBsnHashes } from "../bsn-column.ts";
import type { KindSpec } from "../kind-spec.ts";

const PUPIL_VALUES = ["given_name", "family_name", "birth_date", "municipality"] as const;
const PARENT_COLUMNS = ["parent_name", "parent_email", "parent_phone"] as const;

export const pupilsKind: KindSpec = {
  kind: "pupils",
  requiredColumns: ["pupil_id", "given_name", "family_name", "birth_date", "municipality"],
  stageColumns: [
    { name: "pupil_id", type: "text" },
    { name: "given_name", type: "text" },
    { name: "family_name", type: "text" },
    { name: "birth_date", type: "date" },
    { name: "municipality", type: "text" },
    { name: "parent_name", type: "text" },
    { name: "parent_email", type: "text" },
    { name: "parent_phone", type: "text" },
    { name: "bsn_hash", type: "text" },
  ],
  keyColumns: ["pupil_id"],
  async prepare(tx) {
    const readBsnHash = await bsnColumnReader(tx);
    return (row) => {
      const values = [
        row.personId("pupil_id"),
        row.text("given_name"),
        row.text("family_name"),
        row.date("birth_date"),
        row.text("municipality"),
        row.optionalText("parent_name"),
        row.optionalText("parent_email"),
        row.optionalText("parent_phone"),
        readBsnHash(row),
      ];
      return row.ok ? values : undefined;
    };
  },
  checks: [],
  async write(tx, stage, run) {
    // A file without any parent column leaves the contacts as they are.
    const withContacts = PARENT_COLUMNS.some((c) => run.header.has(c));
    const contactChanged = withContacts
      ? `OR ROW(c.name, c.email, c.phone)
           IS DISTINCT FROM ROW(s.parent_name, s.parent_email, s.parent_phone)`
      : "";
    // Counted before writing: a pupil counts as updated when either its own fields or its
    // first contact changed.
    const [counts] = await tx.query<{ inserted: number; updated: number }>(
      `SELECT (count(*) FILTER (WHERE p.pupil_id IS NULL))::int AS inserted,
              (count(*) FILTER (WHERE p.pupil_id IS NOT NULL AND (
                 ROW(${PUPIL_VALUES.map((c) => `p.${c}`).join(", ")})
                   IS DISTINCT FROM ROW(${PUPIL_VALUES.map((c) => `s.${c}`).join(", ")})
                 ${contactChanged})))::int AS updated
       FROM ${stage} s
       LEFT JOIN pupils p ON p.pupil_id = s.pupil_id
       LEFT JOIN pupil_contacts c ON c.pupil_id = s.pupil_id AND c.position = 1`,
    );
    await tx.query(
      `INSERT INTO pupils (pupil_id, ${PUPIL_VALUES.join(", ")})
       SELECT pupil_id, ${PUPIL_VALUES.join(", ")} FROM ${stage}
       ON CONFLICT (pupil_id) DO UPDATE
         SET ${PUPIL_VALUES.map((c) => `${c} = EXCLUDED.${c}`).join(", ")}
         WHERE ROW(${PUPIL_VALUES.map((c) => `pupils.${c}`).join(", ")})
           IS DISTINCT FROM ROW(${PUPIL_VALUES.map((c) => `EXCLUDED.${c}`).join(", ")})`,
    );
    // A file with a bsn column sets the keyed hash (an empty field keeps the one known).
    if (run.header.has(BSN_COLUMN)) await writeBsnHashes(tx, stage, "pupils", "pupil_id");
    if (!withContacts) return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
    await tx.query(
      `INSERT INTO pupil_contacts (pupil_id, position, name, email, phone)
       SELECT pupil_id, 1, parent_name, parent_email, parent_phone FROM ${stage}
       WHERE COALESCE(parent_name, parent_email, parent_phone) IS NOT NULL
       ON CONFLICT (pupil_id, position) DO UPDATE
         SET name = EXCLUDED.name, email = EXCLUDED.email, phone = EXCLUDED.phone
         WHERE ROW(pupil_contacts.name, pupil_contacts.email, pupil_contacts.phone)
           IS DISTINCT FROM ROW(EXCLUDED.name, EXCLUDED.email, EXCLUDED.phone)`,
    );
    // The file is the source of the first contact: emptied parent columns remove it.
    await tx.query(
      `DELETE FROM pupil_contacts c USING ${stage} s
       WHERE c.pupil_id = s.pupil_id AND c.position = 1
         AND COALESCE(s.parent_name, s.parent_email, s.parent_phone) IS NULL`,
    );
    return { inserted: counts?.inserted ?? 0, updated: counts?.updated ?? 0 };
  },
};
