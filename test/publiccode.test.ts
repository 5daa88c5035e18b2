// publiccode.yml (issue 14 item 5): the standard's v0.4 fields that Dutch public-sector
// catalogues read. No YAML library is a dependency of the project, so the file is read by the
// small subset parser below (maps, lists, quoted and folded scalars — all the file uses); a
// construct outside that subset fails the test instead of being misread.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

type Yaml = string | Yaml[] | { [key: string]: Yaml };

interface Line {
  indent: number;
  text: string;
  no: number;
}

function parseYaml(source: string): Yaml {
  const lines: Line[] = source
    .split("\n")
    .map((raw, i) => ({ raw, no: i + 1 }))
    .filter(({ raw }) => raw.trim() !== "" && !raw.trim().startsWith("#"))
    .map(({ raw, no }) => {
      if (raw.includes("\t")) throw new Error(`line ${no}: tab`);
      return { indent: raw.length - raw.trimStart().length, text: raw.trim(), no };
    });
  let at = 0;
  const scalar = (text: string, no: number): string => {
    const quoted = /^"(.*)"$/.exec(text);
    if (quoted) return quoted[1] ?? "";
    if (/^['&*!|>{[]/.test(text)) throw new Error(`line ${no}: unsupported scalar ${text}`);
    return text;
  };
  const folded = (indent: number): string => {
    const parts: string[] = [];
    while (at < lines.length && (lines[at]?.indent ?? 0) > indent)
      parts.push(lines[at++]?.text ?? "");
    return parts.join(" ");
  };
  const block = (indent: number): Yaml => {
    const first = lines[at];
    if (!first || first.indent !== indent) throw new Error(`line ${first?.no}: bad indentation`);
    if (first.text.startsWith("- ")) {
      const list: Yaml[] = [];
      while (
        at < lines.length &&
        lines[at]?.indent === indent &&
        lines[at]?.text.startsWith("- ")
      ) {
        const line = lines[at] as Line;
        const rest = line.text.slice(2);
        if (/^[\w-]+:( |$)/.test(rest)) {
          // A map in a list: its first key on the dash's line, the others indented under it.
          lines[at] = { indent: indent + 2, text: rest, no: line.no };
          list.push(block(indent + 2));
        } else {
          at++;
          list.push(scalar(rest, line.no));
        }
      }
      return list;
    }
    const map: { [key: string]: Yaml } = {};
    while (at < lines.length && lines[at]?.indent === indent) {
      const line = lines[at] as Line;
      const match = /^([\w-]+):(?: (.*))?$/.exec(line.text);
      if (!match) throw new Error(`line ${line.no}: not a key: ${line.text}`);
      const [, key = "", value] = match;
      if (key in map) throw new Error(`line ${line.no}: duplicate key ${key}`);
      at++;
      if (value === ">-") map[key] = folded(indent);
      else if (value !== undefined && value !== "") map[key] = scalar(value, line.no);
      else map[key] = block(lines[at]?.indent ?? 0);
    }
    return map;
  };
  const root = block(0);
  if (at !== lines.length) throw new Error(`line ${lines[at]?.no}: unexpected indentation`);
  return root;
}

/** The fields read below (the tests check they are there). */
interface Publiccode {
  [key: string]: unknown;
  publiccodeYmlVersion: string;
  url: string;
  releaseDate: string;
  developmentStatus: string;
  softwareType: string;
  softwareVersion: string;
  description: { nl: { shortDescription: string; longDescription: string; features: string[] } };
  legal: { license: string };
  maintenance: { type: string; contacts: { name: string; email: string }[] };
  localisation: { availableLanguages: string[] };
}

const doc = parseYaml(
  readFileSync(new URL("../publiccode.yml", import.meta.url), "utf8"),
) as unknown as Publiccode;
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

describe("publiccode.yml", () => {
  it("has the required fields of publiccode.yml v0.4", () => {
    expect(doc.publiccodeYmlVersion).toBe("0.4");
    for (const key of [
      "name",
      "url",
      "platforms",
      "categories",
      "developmentStatus",
      "softwareType",
      "description",
      "legal",
      "maintenance",
      "localisation",
    ]) {
      expect(doc, key).toHaveProperty(key);
    }
    expect(doc.url).toMatch(/^https:\/\//);
    expect(["concept", "development", "beta", "stable", "obsolete"]).toContain(
      doc.developmentStatus,
    );
    expect(doc.softwareType).toBe("standalone/web");
    expect(doc.releaseDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("describes the software in Dutch, with a short and a long description and features", () => {
    const nl = doc.description.nl;
    expect(nl.shortDescription.length).toBeLessThanOrEqual(150);
    expect(nl.longDescription.length).toBeGreaterThanOrEqual(150);
    expect(nl.longDescription.length).toBeLessThanOrEqual(10_000);
    expect(nl.features.length).toBeGreaterThan(0);
    expect(doc.localisation.availableLanguages).toEqual(["nl"]);
    expect(doc).not.toHaveProperty("it"); // the Italian country section does not apply
  });

  it("names the licence and version of package.json and maintenance contacts", () => {
    expect(doc.legal.license).toBe(pkg.license);
    expect(doc.legal.license).toBe("EUPL-1.2");
    expect(doc.softwareVersion).toBe(pkg.version);
    expect(["internal", "contract", "community", "none"]).toContain(doc.maintenance.type);
    expect(doc.maintenance.contacts[0]).toMatchObject({
      name: expect.any(String),
      email: expect.stringMatching(/@/),
    });
  });
});
