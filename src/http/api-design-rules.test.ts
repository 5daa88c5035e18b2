// The NL API Design Rules (Logius, "pas toe of leg uit" at Forum Standaardisatie), checked on the
// served /api/v1/openapi.json by a test of our own, written from the rules' text: the official
// linter (Spectral with developer.overheid.nl's ruleset) needs a network; docs/operations.md
// section 8 shows how to run it. Rules not applied are explained in
// docs/adr/0004-nl-api-design-rules.md.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../test/support/databases.ts";
import { addUser, login, startTestApp, type TestApp } from "../../test/support/test-app.ts";

interface Response {
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Schema }>;
  $ref?: string;
}
interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string }[];
  responses?: Record<string, Response>;
}
interface Document {
  openapi: string;
  info: { version: string; contact?: Record<string, string> };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; headers?: Record<string, unknown> };
}

const METHODS = new Set(["get", "put", "post", "delete", "patch", "options", "head", "trace"]);
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;
// /core/path-segments-kebab-case: lower case, digits and hyphens per segment, {parameters},
// optionally one /_action segment at the end.
const KEBAB_PATH =
  /^(\/|(\/_[a-z0-9]+|\/(([a-z0-9-]+|{[^}]+})(\/([a-z0-9-.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$/;
// /core/query-keys-camel-case
const LOWER_CAMEL = /^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$/;
const PASCAL = /^[A-Z][a-zA-Z\d]*$/;
// RFC 9457 extension members the contract already has (interfaces.md): kept, not applied to the
// rule "only type and instance besides status, title, detail". docs/adr/0004, "Leg uit" 1.
const PROBLEM_EXTENSIONS_ADR_0004 = ["errors", "existing_case_id"];

describe.each(engines())("NL API Design Rules on /api/v1/openapi.json on $name", (engine) => {
  let t: TestApp;
  let doc: Document;
  beforeAll(async () => {
    t = await startTestApp(engine);
    const response = await t.app.inject({ url: "/api/v1/openapi.json" });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({ where: `${method.toUpperCase()} ${path}`, operation })),
    );
  const resolve = (response: Response): Response =>
    response.$ref
      ? ((doc.components as Record<string, Record<string, Response>>).responses?.[
          response.$ref.split("/").pop() as string
        ] ?? response)
      : response;
  const schemaOf = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? doc.components?.schemas?.[schema.$ref.split("/").pop() as string] : schema;

  it("/core/doc-openapi: an OpenAPI 3 document with a semver version", () => {
    expect(doc.openapi).toMatch(/^3\.\d+(\.\d+)?$/);
    expect(doc.info.version).toMatch(SEMVER);
  });

  it("/core/doc-openapi-contact: info.contact with name, email and url", () => {
    expect(doc.info.contact).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        email: expect.stringContaining("@"),
        url: expect.stringMatching(/^https:\/\//),
      }),
    );
  });

  it("/core/uri-version: servers carry the major version; one absolute https, at most one relative", () => {
    const servers = doc.servers ?? [];
    expect(servers.length).toBeGreaterThan(0);
    const major = doc.info.version.split(".")[0] === "0" ? "1" : doc.info.version.split(".")[0];
    for (const { url } of servers) expect(url).toContain(`/v${major}`);
    for (const { url } of servers) expect(url).not.toMatch(/^http:\/\//);
    expect(servers.filter(({ url }) => url.startsWith("https://")).length).toBeGreaterThan(0);
    expect(servers.filter(({ url }) => !url.startsWith("https:")).length).toBeLessThanOrEqual(1);
  });

  it("/core/version-header: every 2xx and 3xx response declares API-Version", () => {
    const missing = operations().flatMap(({ where, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[23]/.test(status))
        .filter(([, response]) => !("API-Version" in (resolve(response).headers ?? {})))
        .map(([status]) => `${where} ${status}`),
    );
    expect(missing).toEqual([]);
  });

  it("and the server sends it with the full version", async () => {
    const response = await t.app.inject({ url: "/api/v1/health" });
    expect(response.headers["api-version"]).toBe(doc.info.version);
  });

  it("/core/error-handling/problem-details: 4xx and 5xx are problem+json with status, title, detail", () => {
    const wrong = operations().flatMap(({ where, operation }) =>
      Object.entries(operation.responses ?? {})
        .filter(([status]) => /^[45]/.test(status))
        .flatMap(([status, raw]) => {
          const response = resolve(raw);
          const types = Object.keys(response.content ?? {});
          if (types.join() !== "application/problem+json") return [`${where} ${status}: ${types}`];
          const schema = schemaOf(response.content?.["application/problem+json"]?.schema);
          const fields = Object.keys(schema?.properties ?? {});
          const ok =
            ["status", "title", "detail"].every((field) => fields.includes(field)) &&
            fields.every((field) =>
              ["type", "title", "status", "detail", "instance"]
                .concat(PROBLEM_EXTENSIONS_ADR_0004)
                .includes(field),
            );
          return ok ? [] : [`${where} ${status}: ${fields}`];
        }),
    );
    expect(wrong).toEqual([]);
  });

  it("/core/path-segments-kebab-case and /core/no-trailing-slash", () => {
    const paths = Object.keys(doc.paths).filter((path) => !path.endsWith("/openapi.json"));
    expect(paths.filter((path) => !KEBAB_PATH.test(path))).toEqual([]);
    expect(paths.filter((path) => path.length > 1 && path.endsWith("/"))).toEqual([]);
  });

  it("/core/query-keys-camel-case: query parameters in lowerCamelCase", () => {
    const names = operations().flatMap(({ operation }) =>
      (operation.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !LOWER_CAMEL.test(name))).toEqual([]);
  });

  it("answers the camelCase query keys and still the contract's snake_case ones", async () => {
    await addUser(t.db, "lpa@zandstad.example", [
      { role: "attendance_officer", municipality: "Zandstad" },
    ]);
    const { cookie } = await login(t.app, "lpa@zandstad.example");
    const get = (url: string) => t.app.inject({ url, headers: { cookie } });
    // A key that is read: a wrong date is refused under either name, a right one answers alike.
    expect((await get("/api/v1/duo-reports?asOf=geen-datum")).statusCode).toBe(400);
    expect((await get("/api/v1/duo-reports?as_of=geen-datum")).statusCode).toBe(400);
    const camel = await get("/api/v1/duo-reports?asOf=2026-03-02");
    const snake = await get("/api/v1/duo-reports?as_of=2026-03-02");
    expect(camel.statusCode).toBe(200);
    expect(camel.body).toBe(snake.body);
    expect((await get("/api/duo-reports?as_of=2026-03-02")).body).toBe(snake.body);
  });

  it("component schema names in PascalCase, and no unused components", () => {
    const schemas = Object.keys(doc.components?.schemas ?? {});
    expect(schemas.filter((name) => !PASCAL.test(name))).toEqual([]);
    const text = JSON.stringify(doc);
    const unused = Object.entries(doc.components ?? {}).flatMap(([kind, entries]) =>
      kind === "securitySchemes"
        ? []
        : Object.keys(entries ?? {}).filter(
            (name) => !text.includes(`"#/components/${kind}/${name}"`),
          ),
    );
    expect(unused).toEqual([]);
  });

  it("/api/openapi.json, the alias, serves this same document (linters may be pointed at either)", async () => {
    expect((await t.app.inject({ url: "/api/openapi.json" })).json()).toEqual(doc);
  });

  it("no two paths that differ only in their parameters' names (one path to a client)", () => {
    const shapes = Object.keys(doc.paths).map((path) => path.replace(/\{[^}]+\}/g, "{}"));
    expect(shapes.filter((shape, i) => shapes.indexOf(shape) !== i)).toEqual([]);
    // interfaces.md's POST /imports/{kind} and GET /imports/{job_id}: one path item.
    const imports = doc.paths["/imports/{job_id_or_kind}"] ?? {};
    expect(Object.keys(imports).sort()).toEqual(["get", "post"]);
    expect(imports.post?.parameters?.filter((p) => p.in === "path").map((p) => p.name)).toEqual([
      "job_id_or_kind",
    ]);
  });

  it("/core/error-handling/invalid-input: a GET with parameters, and every other method, can answer 400", () => {
    const without = operations()
      .filter(({ where, operation }) =>
        where.startsWith("GET ") ? (operation.parameters?.length ?? 0) > 0 : true,
      )
      .filter(({ operation }) => !("400" in (operation.responses ?? {})))
      .map(({ where }) => where);
    expect(without).toEqual([]);
  });

  it("every operation has a 2xx or 3xx response and a 4xx (Spectral, Redocly)", () => {
    const statuses = operations().map(({ where, operation }) => ({
      where,
      codes: Object.keys(operation.responses ?? {}),
    }));
    expect(statuses.filter(({ codes }) => !codes.some((c) => /^[23]/.test(c)))).toEqual([]);
    expect(statuses.filter(({ codes }) => !codes.some((c) => /^4/.test(c)))).toEqual([]);
  });

  it("/core/date-time: a date field (…date, …Date, datum) states format date at its top", () => {
    const wrong: string[] = [];
    const visit = (value: unknown, at: string): void => {
      if (value === null || typeof value !== "object") return;
      const properties = (value as { properties?: Record<string, Record<string, unknown>> })
        .properties;
      for (const [name, schema] of Object.entries(properties ?? {})) {
        const isDate = /^(date|datum)$|((\w+D)|(_[dD]))((ate)|(atum))/.test(name);
        if (isDate && typeof schema === "object" && schema.format !== "date") {
          wrong.push(`${at}/${name}: ${JSON.stringify(schema).slice(0, 80)}`);
        }
      }
      for (const [key, entry] of Object.entries(value)) visit(entry, `${at}/${key}`);
    };
    visit(doc, "#");
    expect(wrong).toEqual([]);
  });

  it("/core/doc-openapi: every operation has an operationId, summary, description and tags", () => {
    const incomplete = operations()
      .filter(
        ({ operation: op }) =>
          !op.operationId || !op.summary || !op.description || !(op.tags?.length ?? 0),
      )
      .map(({ where }) => where);
    expect(incomplete).toEqual([]);
  });
});
