// The OpenAPI document the server builds from its zod schemas, for `npm run api:types`
// (scripts/api-types.ts) and `npm run api:lint` (scripts/api-lint.ts): the app is built in-process
// and its document taken; nothing listens. Without a database of the caller's, on a throw-away
// in-memory PGlite (initdb and the migrations: seconds); their tests hand in a copy of the
// migrated test template instead and give the scripts the document (`--document FILE`).
import type { Database } from "../src/db/connect.ts";

/**
 * The OpenAPI document with the full /api paths the web calls (`versioned`: the /api/v1 form
 * /api/openapi.json serves), as a client reads it (a copy through JSON). `db`, when given, is
 * the app's database and stays open.
 */
export async function openApiDocument(
  versioned = false,
  db?: Database,
): Promise<Record<string, unknown>> {
  const { buildApp } = await import("../src/http/app.ts");
  const { openApiDocumentOf } = await import("../src/http/openapi.ts");
  const documentOf = async (appDb: Database) => {
    const app = await buildApp({ db: appDb, oidc: null });
    try {
      await app.ready();
      return JSON.parse(JSON.stringify(openApiDocumentOf(app, versioned))) as Record<
        string,
        unknown
      >;
    } finally {
      await app.close();
    }
  };
  if (db !== undefined) return documentOf(db);
  const { openDatabase } = await import("../src/db/connect.ts");
  const { migrateDatabase } = await import("../src/db/migrate.ts");
  const own = await openDatabase("memory://");
  try {
    await migrateDatabase(own);
    return await documentOf(own);
  } finally {
    await own.close();
  }
}

/** `--document FILE` among a script's arguments: the document read from FILE, and the others. */
export function documentArgument(args: string[]): {
  file: string | undefined;
  rest: string[];
} {
  const at = args.indexOf("--document");
  if (at === -1) return { file: undefined, rest: args };
  const file = args[at + 1];
  if (file === undefined) throw new Error("--document needs a file");
  return { file, rest: [...args.slice(0, at), ...args.slice(at + 2)] };
}
