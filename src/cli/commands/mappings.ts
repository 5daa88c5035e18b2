// `aanwezig mappings list|show NAME|save FILE|delete NAME` (issue 14 item 3): the column mappings
// of import sources from the command line, for a script that sets a region up or keeps its
// mappings in version control. `save` takes the API's body (POST /api/import-mappings) as a JSON
// file, validated by the same schema, and creates the mapping or replaces the one of that name.
// Every change is in the audit trail with the role "cli" (services/cli-actor.ts).
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { recordAllowed } from "../../access/index.ts";
import type { Database, Orm } from "../../db/connect.ts";
import {
  deleteMapping,
  findMappingByName,
  insertMapping,
  listMappings,
  type StoredMapping,
  updateMapping,
} from "../../db/repositories/import-mappings.ts";
import { columnMappingInputSchema, fromInput } from "../../import/column-mapping.ts";
import { CLI_ACTOR, cliCaller } from "../../services/cli-actor.ts";
import { globalOptions, withDatabase } from "../context.ts";
import { BadInputError } from "../errors.ts";

type Change = "create_import_mapping" | "update_import_mapping" | "delete_import_mapping";

/** The API's shape (GET /api/import-mappings), so a script reads the same JSON from both. */
export function mappingJson(m: StoredMapping) {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    school_id: m.schoolId,
    encoding: m.encoding,
    columns: m.columns,
    fixed: m.fixed,
    values: m.values,
    dates: m.dates,
    created_at: m.createdAt,
    updated_at: m.updatedAt,
    updated_by: m.updatedBy,
  };
}

const audit = (orm: Orm, action: Change, m: StoredMapping, command: string) =>
  recordAllowed(
    orm,
    cliCaller(command, { name: m.name, kind: m.kind, school: m.schoolId ?? "regio" }),
    { action, resourceType: "import_mapping", resourceId: String(m.id), pupilId: null },
  );

async function existing(db: Database, name: string): Promise<StoredMapping> {
  const found = await findMappingByName(db.sql, name);
  if (!found) {
    throw new BadInputError(
      `kolomindeling '${name}' bestaat niet; 'aanwezig mappings list' toont de kolomindelingen`,
    );
  }
  return found;
}

function describeMapping(m: StoredMapping): string {
  const pairs = (record: Readonly<Record<string, string>>, arrow: string) =>
    Object.entries(record).map(([k, v]) => `    ${k} ${arrow} ${v}`);
  const lines = [
    `${m.name} (${m.kind}, ${m.schoolId ?? "hele regio"}, ${m.encoding})`,
    "  kolommen:",
    ...pairs(m.columns, "←"),
  ];
  if (Object.keys(m.fixed).length > 0) lines.push("  vaste waarden:", ...pairs(m.fixed, "="));
  for (const [column, table] of Object.entries(m.values)) {
    lines.push(`  codes ${column}:`, ...pairs(table, "→"));
  }
  if (Object.keys(m.dates).length > 0) lines.push("  datumnotatie:", ...pairs(m.dates, ":"));
  return `${lines.join("\n")}\n`;
}

export function registerMappings(program: Command): void {
  const mappings = program
    .command("mappings")
    .description("column mappings of import sources (used by import --mapping NAME)");
  mappings
    .command("list")
    .description("lists the saved mappings (--format json: the API's shape)")
    .action(async (_opts, command: Command) => {
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        const rows = await listMappings(db.sql);
        if (format === "json") {
          process.stdout.write(`${JSON.stringify(rows.map(mappingJson))}\n`);
        } else if (format === "csv") {
          process.stdout.write(
            `name;kind;school_id;encoding\n${rows.map((m) => `${m.name};${m.kind};${m.schoolId ?? ""};${m.encoding}\n`).join("")}`,
          );
        } else {
          process.stdout.write(
            rows.length === 0
              ? "geen kolomindelingen\n"
              : rows
                  .map(
                    (m) => `${m.name}\t${m.kind}\t${m.schoolId ?? "hele regio"}\t${m.encoding}\n`,
                  )
                  .join(""),
          );
        }
      });
    });
  mappings
    .command("show <name>")
    .description("prints one mapping (--format json: the API's shape)")
    .action(async (name: string, _opts, command: Command) => {
      const { format } = globalOptions(command);
      await withDatabase(command, async (db) => {
        const m = await existing(db, name);
        process.stdout.write(
          format === "json" ? `${JSON.stringify(mappingJson(m))}\n` : describeMapping(m),
        );
      });
    });
  mappings
    .command("save <file>")
    .description(
      "creates a mapping from a JSON file (the API's POST body), or replaces the one of its name",
    )
    .action(async (file: string, _opts, command: Command) => {
      const { format } = globalOptions(command);
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(file, "utf8"));
      } catch (error) {
        throw new BadInputError(
          `${file}: geen leesbaar JSON-bestand (${(error as Error).message})`,
        );
      }
      const parsed = columnMappingInputSchema.safeParse(input);
      if (!parsed.success) {
        throw new BadInputError(
          `${file}: de kolomindeling is niet opgeslagen`,
          parsed.error.issues.map(
            (i) => `${file}: ${i.path.join(".") || "(bestand)"}: ${i.message}`,
          ),
        );
      }
      const mapping = fromInput(parsed.data);
      await withDatabase(command, async (db) => {
        const before = await findMappingByName(db.sql, mapping.name);
        const saved = await db.transaction(async (tx) => {
          const row = before
            ? await updateMapping(tx, before.id, mapping, CLI_ACTOR.role)
            : await insertMapping(tx, mapping, CLI_ACTOR.role);
          if (!row) throw new BadInputError(`kolomindeling '${mapping.name}' is net verwijderd`);
          await audit(
            tx.orm,
            before ? "update_import_mapping" : "create_import_mapping",
            row,
            "mappings save",
          );
          return row;
        });
        process.stdout.write(
          format === "json"
            ? `${JSON.stringify(mappingJson(saved))}\n`
            : `kolomindeling '${saved.name}' ${before ? "bijgewerkt" : "opgeslagen"}\n`,
        );
      });
    });
  mappings
    .command("delete <name>")
    .description("removes a mapping (imports already done keep its name in the import log)")
    .action(async (name: string, _opts, command: Command) => {
      await withDatabase(command, async (db) => {
        const m = await existing(db, name);
        await db.transaction(async (tx) => {
          await deleteMapping(tx, m.id);
          await audit(tx.orm, "delete_import_mapping", m, "mappings delete");
        });
        process.stdout.write(`kolomindeling '${m.name}' verwijderd\n`);
      });
    });
}
