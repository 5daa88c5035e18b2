// The saved column mapping an import names (`?mapping=` on the import endpoints; issue 14 item 3).
import type { SqlClient } from "../../db/connect.ts";
import { findMappingByName } from "../../db/repositories/import-mappings.ts";
import type { ColumnMapping } from "../../import/column-mapping.ts";
import type { ImportKind } from "../../import/kind-spec.ts";
import { messages } from "../../import/messages.ts";
import type { Actor } from "../auth/actor.ts";
import { HttpProblem } from "../problem.ts";

/**
 * The saved mapping an import names, if this actor may use it for this kind: the administrator
 * any; others a region-wide one or one of their schools (a token's, a care coordinator's). A
 * mapping the actor may not use answers as unknown. Throws a 400 naming `mapping` otherwise.
 */
export async function mappingForImport(
  sql: SqlClient,
  name: string,
  kind: ImportKind,
  actor: Actor,
  schools: readonly string[] | undefined,
): Promise<ColumnMapping> {
  const mapping = await findMappingByName(sql, name);
  const admin = !actor.token?.scopes.length && actor.roles.some((r) => r.role === "app_admin");
  const usable =
    mapping !== undefined &&
    (admin ||
      schools === undefined ||
      mapping.schoolId === null ||
      schools.includes(mapping.schoolId));
  const refuse = (message: string) =>
    new HttpProblem(400, message, {
      type: "urn:aanwezig:problem:validation",
      errors: [{ in: "query", path: "mapping", message }],
    });
  if (!mapping || !usable) throw refuse(messages.unknownMapping(name));
  if (mapping.kind !== kind)
    throw refuse(messages.mappingOtherKind(mapping.name, mapping.kind, kind));
  return mapping;
}
