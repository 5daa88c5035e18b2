// One input hygiene layer at the HTTP edge (issue 13; docs/security.md "Input hygiene"). Before
// any route validates or runs, every string of the decoded path parameters, the query and a JSON
// body — object keys included — is checked for characters no input may hold (a NUL reached
// PostgreSQL as a 500; an invisible character made a second "same" pupil) and normalised to NFC,
// so "é" typed as e + U+0301 and as one character is stored and found alike. A refusal is one
// 400 problem+json naming every field. What a field may hold beyond that (id patterns, lengths)
// is its route schema's, built from input-schemas.ts. CSV uploads are the CSV reader's to check.
import type { FastifyInstance, FastifyRequest } from "fastify";
import { codePointName, forbiddenCharacter } from "../domain/input/characters.ts";
import { type FieldError, problem } from "./problem.ts";

type Where = "path" | "query" | "body";

/**
 * A password is only ever hashed, never stored, shown or queried: it is left exactly as typed, as
 * normalising it would lock out whoever set one in another form.
 */
const UNTOUCHED_FIELDS = new Set(["password"]);

export const INVALID_CHARACTERS_DETAIL =
  "Het verzoek bevat een teken dat niet is toegestaan: een NUL- of ander besturingsteken, " +
  "of een onzichtbaar of tekstrichtingsteken.";

export function registerInputHygiene(app: FastifyInstance): void {
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const errors: FieldError[] = [];
    cleanContainer(request.params, { where: "path", path: "", errors });
    cleanContainer(request.query, { where: "query", path: "", errors });
    if (isJsonContainer(request.body)) {
      cleanContainer(request.body, { where: "body", path: "", errors });
    }
    if (errors.length > 0) {
      throw problem("validation", INVALID_CHARACTERS_DETAIL, { errors });
    }
  });
}

interface Walk {
  where: Where;
  path: string;
  errors: FieldError[];
}

/** A parsed JSON object or array: not a stream, buffer or text of a raw upload. */
function isJsonContainer(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Buffer.isBuffer(value)) return false;
  return typeof (value as { pipe?: unknown }).pipe !== "function";
}

/** Checks an object or array in place: each string normalised, each bad one reported. */
function cleanContainer(container: unknown, walk: Walk): void {
  if (typeof container !== "object" || container === null) return;
  const record = container as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const path = walk.path === "" ? key : `${walk.path}.${key}`;
    const badInKey = forbiddenCharacter(key, false);
    if (badInKey !== undefined) {
      walk.errors.push({
        in: walk.where,
        path: walk.path,
        message: `een veldnaam bevat een teken dat niet is toegestaan (${codePointName(badInKey)})`,
      });
      continue;
    }
    if (UNTOUCHED_FIELDS.has(key)) continue;
    const value = record[key];
    if (typeof value === "string") {
      const clean = cleanString(value, { ...walk, path });
      if (clean !== value) Object.defineProperty(record, key, { value: clean });
    } else {
      cleanContainer(value, { ...walk, path });
    }
    const nfcKey = key.normalize("NFC");
    if (nfcKey !== key) {
      Object.defineProperty(record, nfcKey, {
        value: record[key],
        enumerable: true,
        writable: true,
        configurable: true,
      });
      delete record[key];
    }
  }
}

/** Free text (tab and line breaks) only in a body; a path or query value is one line. */
function cleanString(value: string, walk: Walk): string {
  const bad = forbiddenCharacter(value, walk.where === "body");
  if (bad !== undefined) {
    walk.errors.push({
      in: walk.where,
      path: walk.path,
      message: `bevat een teken dat niet is toegestaan (${codePointName(bad)})`,
    });
    return value;
  }
  return value.normalize("NFC");
}
