// A small JSON-Schema → fast-check mapper for the fuzz suite: the OpenAPI document's schemas
// drive the generators. Every node is mostly valid (so requests get past the schema and reach
// the handlers and the database) and sometimes hostile: a string with NUL, a control, zero-width
// or bidi character, a huge string, or a value of the wrong type.
import fc from "fast-check";

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

/** Strings no input may hold, or that test limits and parsers. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "P0001\u0000",
    "\u0007",
    "\u001b[31m",
    "\u0085",
    "\u007f",
    "P0001\u200B",
    "\u200D",
    "\u202Eabc",
    "\u2066x\u2069",
    "\u061C",
    "\uFEFF",
    "\uD800",
    "\uDFFF",
    "e\u0301",
    "",
    " ",
    "../../etc/passwd",
    "%00",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://x")',
    "2026-02-30",
    "9999-12-31",
    "0000-00-00",
    "-1",
    "1e309",
    "NaN",
    "null",
    "true",
    "{}",
    "12AB00",
    "P0001",
  ),
  fc.constantFrom(201, 2_001, 10_001, 100_000).map((n) => "x".repeat(n)),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  hostileString,
  fc.dictionary(hostileString, fc.constant("x"), { maxKeys: 2 }),
);

export class SchemaArbitraries {
  private readonly components: Record<string, JsonSchema>;
  /** Known-good strings by property name (ids that exist), to reach past the 404s. */
  private readonly known: Record<string, readonly string[]>;

  constructor(
    components: Record<string, JsonSchema>,
    known: Record<string, readonly string[]> = {},
  ) {
    this.components = components;
    this.known = known;
  }

  /** Mostly valid values of schema, sometimes hostile ones. */
  of(schema: JsonSchema | undefined, name = "", depth = 0): fc.Arbitrary<unknown> {
    const valid = this.valid(schema ?? {}, name, depth);
    return fc.oneof(
      { weight: 8, arbitrary: valid },
      { weight: 1, arbitrary: wrongType },
      { weight: 1, arbitrary: hostileString },
    );
  }

  private resolve(schema: JsonSchema): JsonSchema {
    let s = schema;
    for (let i = 0; s.$ref && i < 10; i++) {
      s = this.components[s.$ref.replace("#/components/schemas/", "")] ?? {};
    }
    return s;
  }

  valid(raw: JsonSchema, name: string, depth: number): fc.Arbitrary<unknown> {
    const schema = this.resolve(raw);
    if (depth > 6) return fc.constant(null);
    if (schema.const !== undefined) return fc.constant(schema.const);
    if (schema.enum) return fc.constantFrom(...schema.enum);
    const alternatives = schema.anyOf ?? schema.oneOf;
    if (alternatives?.length) {
      return fc.oneof(...alternatives.map((alt) => this.valid(alt, name, depth + 1)));
    }
    if (schema.allOf?.length) {
      const merged: JsonSchema = {};
      for (const part of schema.allOf) Object.assign(merged, this.resolve(part));
      return this.valid(merged, name, depth + 1);
    }
    const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length > 1) {
      return fc.oneof(...types.map((t) => this.valid({ ...schema, type: t }, name, depth)));
    }
    switch (types[0]) {
      case "null":
        return fc.constant(null);
      case "boolean":
        return fc.boolean();
      case "integer":
      case "number": {
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1_000_000) + 1;
        const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1_000_000) - 1;
        return types[0] === "integer"
          ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
          : fc.double({ min, max, noNaN: true });
      }
      case "string":
        return this.string(schema, name);
      case "array":
        return fc.array(this.of(schema.items, name, depth + 1), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 3, 3),
        });
      case "object":
        return this.object(schema, depth);
      default:
        if (schema.properties) return this.object(schema, depth);
        return fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null));
    }
  }

  private object(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const props = schema.properties ?? {};
    const required = new Set(schema.required ?? []);
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, sub] of Object.entries(props)) record[key] = this.of(sub, key, depth + 1);
    return fc
      .tuple(
        fc.record(record, {
          requiredKeys: Object.keys(props).filter((k) => required.has(k)),
        }),
        fc.option(fc.dictionary(hostileString, wrongType, { maxKeys: 1 }), { freq: 8 }),
      )
      .map(([obj, extra]) => (extra ? { ...extra, ...(obj as object) } : obj));
  }

  private string(schema: JsonSchema, name: string): fc.Arbitrary<string> {
    const known = this.known[name];
    const formats: Record<string, fc.Arbitrary<string>> = {
      date: fc
        .date({ min: new Date("2024-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      "date-time": fc
        .date({ min: new Date("2024-01-01"), max: new Date("2027-12-31"), noInvalidDate: true })
        .map((d) => d.toISOString()),
      email: fc.emailAddress(),
      uuid: fc.uuid(),
    };
    let generated: fc.Arbitrary<string> =
      (schema.format && formats[schema.format]) ||
      patterned(schema.pattern) ||
      fc.string({
        minLength: schema.minLength ?? 0,
        maxLength: Math.min(schema.maxLength ?? 40, 40),
      });
    if (schema.maxLength !== undefined && !schema.pattern && !schema.format) {
      // The limit itself and one over it.
      generated = fc.oneof(
        { weight: 6, arbitrary: generated },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            "é".repeat(schema.maxLength),
            "x".repeat(schema.maxLength + 1),
          ),
        },
      );
    }
    return known?.length
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...known) },
          { weight: 2, arbitrary: generated },
        )
      : generated;
  }
}

function patterned(pattern: string | undefined): fc.Arbitrary<string> | undefined {
  if (!pattern) return undefined;
  try {
    return fc.stringMatching(new RegExp(pattern));
  } catch {
    return undefined;
  }
}
