// Fuzzing the HTTP API (issue 13 item 3): for every operation of the OpenAPI document, requests
// whose path parameters, query and JSON body are generated from the operation's own schemas
// (test/fuzz/openapi-arbitrary.ts) — mostly valid, sometimes hostile (NUL, controls, zero-width
// and bidi characters, huge strings, wrong types, unknown keys, broken JSON) — sent through
// app.inject by logged-in users of every role and by nobody, on both engines.
// Properties: never a 5xx; every error is a problem+json with its status; the app stays up.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApiDocumentOf } from "../../src/http/openapi.ts";
import {
  clientOf,
  openCaseForP0001,
  PEOPLE,
  type Person,
  type Session,
} from "../support/case-api.ts";
import { engines } from "../support/databases.ts";
import { addUser, login, startTestApp, type TestApp } from "../support/test-app.ts";
import { hostileString, type JsonSchema, SchemaArbitraries } from "./openapi-arbitrary.ts";
import { fuzzRuns, fuzzSeed, fuzzTimeout } from "./support.ts";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { type: string; schema?: JsonSchema };
}

interface Request {
  method: string;
  who: Role | "anonymous";
  url: string;
  body?: { type: string; payload: string };
}

const PUPILS = ["P0001", "P0002", "P0003", "P0004"];
// A user of every kind of scope (school, municipality, region, pupil, none) and the two admin
// roles; every login costs two password hashes, so not all seventeen people of case-api.ts.
const ROLES = [
  "teacher",
  "coordinator",
  "leerplicht",
  "director",
  "doctor",
  "parent",
  "policy",
  "admin",
  "privacy",
] as const satisfies readonly Person[];
type Role = (typeof ROLES)[number];

function operations(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Parameter[];
        requestBody?: { content: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}): Operation[] {
  const list: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      list.push({
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        ...(type !== undefined && { body: { type, schema: content[type]?.schema } }),
      });
    }
  }
  return list;
}

/** Percent-encoded; a lone surrogate (no UTF-8 form) becomes the bytes ED A0 80, invalid UTF-8. */
function encodePathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((ch) => {
        const code = ch.codePointAt(0)!;
        return code >= 0xd800 && code <= 0xdfff ? "%ED%A0%80" : encodeURIComponent(ch);
      })
      .join("");
  }
}

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function requestOf(
  op: Operation,
  arbs: SchemaArbitraries,
  people: readonly Role[],
): fc.Arbitrary<Request> {
  const pathParams = op.parameters.filter((p) => p.in === "path");
  const queryParams = op.parameters.filter((p) => p.in === "query");
  const path = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, arbs.of(p.schema, p.name)])),
  );
  const query = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, arbs.of(p.schema, p.name)])),
    { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) },
  );
  const body: fc.Arbitrary<Request["body"]> = op.body
    ? op.body.type === "application/json"
      ? fc.oneof(
          {
            weight: 8,
            arbitrary: arbs
              .of(op.body.schema)
              .map((v) => ({ type: "application/json", payload: JSON.stringify(v) ?? "null" })),
          },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom("{", "[1,", '{"a":"\\u0000"}', "", "\u0000")
              .map((payload) => ({ type: "application/json", payload })),
          },
          {
            weight: 1,
            arbitrary: hostileString.map((payload) => ({ type: "text/plain", payload })),
          },
        )
      : hostileString.map((payload) => ({ type: op.body!.type, payload: `pupil_id\n${payload}\n` }))
    : op.method === "POST"
      ? fc.option(
          hostileString.map((payload) => ({
            type: "text/csv",
            payload: `scope;start_date;end_date;name\n${payload}\n`,
          })),
          { nil: undefined },
        )
      : fc.constant(undefined);
  // Logging out ends the session the other runs use: that one is fuzzed anonymously.
  const who: fc.Arbitrary<Request["who"]> =
    op.method === "DELETE" && op.path === "/api/session"
      ? fc.constant("anonymous")
      : fc.constantFrom<Request["who"]>("anonymous", ...people);
  return fc.record({ who, path, query, body }).map(({ who, path: values, query: q, body: b }) => {
    let url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
      encodePathSegment(text(values[name])),
    );
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(q)) {
      if (Array.isArray(v)) for (const item of v) search.append(k, text(item));
      else search.append(k, text(v));
    }
    const qs = search.toString();
    if (qs) url += `?${qs}`;
    return { method: op.method, who, url, ...(b !== undefined && { body: b }) };
  });
}

describe.each(engines())("fuzzed API requests on $name", (engine) => {
  let t: TestApp;
  let s: Record<Role, Session>;
  let ops: Operation[];
  let arbs: SchemaArbitraries;

  beforeAll(async () => {
    t = await startTestApp(engine);
    s = {} as Record<Role, Session>;
    for (const role of ROLES) {
      const email = `${role}@fuzz.example`;
      const id = await addUser(t.db, email, [...PEOPLE[role]]);
      s[role] = { ...(await login(t.app, email)), id, email };
    }
    const caseIds = [await openCaseForP0001((who) => clientOf(t, s[who as Role] ?? null))];
    // The form with the full /api paths and the routes' own (snake_case) query keys; the served
    // /api/openapi.json is the /api/v1 form of the same operations.
    const doc = JSON.parse(JSON.stringify(openApiDocumentOf(t.app, false)));
    ops = operations(doc);
    arbs = new SchemaArbitraries(doc.components.schemas, {
      id: caseIds,
      pupil_id: PUPILS,
      person_id: PUPILS,
      school_id: ["12AB00", "34CD00"],
      school: ["12AB00", "34CD00"],
      municipality: ["Zandstad"],
    });
  });
  afterAll(() => t?.close());

  async function send(r: Request) {
    const session = r.who === "anonymous" ? undefined : s[r.who];
    return t.app.inject({
      method: r.method as "GET",
      url: r.url,
      headers: {
        ...(session && { cookie: session.cookie, "x-csrf-token": session.csrfToken }),
        ...(r.body && { "content-type": r.body.type }),
      },
      ...(r.body && { payload: r.body.payload }),
    });
  }

  it(
    "every operation answers generated requests of every role without a 5xx, errors as problem+json",
    async () => {
      expect(ops.length).toBeGreaterThan(50);
      const people = [...ROLES];
      for (const op of ops) {
        await fc.assert(
          fc.asyncProperty(requestOf(op, arbs, people), async (r) => {
            const response = await send(r);
            const where = `${op.method} ${r.url.slice(0, 300)} as ${r.who} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, where).toBeLessThan(500);
            if (response.statusCode >= 400) {
              expect(response.headers["content-type"], where).toContain("application/problem+json");
              expect(response.json().status, where).toBe(response.statusCode);
            }
          }),
          { numRuns: fuzzRuns(4), ...fuzzSeed() },
        );
      }
      expect((await t.app.inject({ url: "/api/health" })).statusCode).toBe(200);
      // The sessions still work: nothing the fuzzing sent broke the login state of others.
      const me = await t.app.inject({ url: "/api/me", headers: { cookie: s.admin.cookie } });
      expect(me.statusCode).toBe(200);
    },
    fuzzTimeout(170_000),
  );
});
