// Reads the text of a PDF that pdfkit wrote (issue 16 letters), for tests: inflates the streams,
// reads each Type0 font's ToUnicode CMap and decodes the pages' TJ/Tj strings through the font
// that is current. Enough for pdfkit's output (hex glyph strings, one content stream per page);
// not a general PDF parser.
import { inflateSync } from "node:zlib";

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString("latin1");
  const objects = new Map<number, PdfObject>();
  for (const m of s.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? "";
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body });
      continue;
    }
    const dict = body.slice(0, at);
    let start = (m.index ?? 0) + m[0].indexOf("stream") + "stream".length;
    if (s[start] === "\r") start++;
    if (s[start] === "\n") start++;
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(start, start + length);
    objects.set(Number(m[1]), {
      dict,
      stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw,
    });
  }
  return objects;
}

function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

function toUnicodeMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hex = (h: string) => {
    let out = "";
    for (let i = 0; i < h.length; i += 4)
      out += String.fromCharCode(Number.parseInt(h.slice(i, i + 4), 16));
    return out;
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const r of (block[1] ?? "").matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi,
    )) {
      const lo = Number.parseInt(r[1] ?? "0", 16);
      const hi = Number.parseInt(r[2] ?? "0", 16);
      const target = r[3] ?? "";
      if (target.startsWith("[")) {
        const items = [...target.matchAll(/<([0-9a-f]+)>/gi)].map((x) => hex(x[1] ?? ""));
        for (const [i, t] of items.entries()) map.set(lo + i, t);
      } else {
        const base = target.slice(1, -1);
        const first = Number.parseInt(base, 16);
        for (let c = lo; c <= hi; c++) map.set(c, String.fromCharCode(first + (c - lo)));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of (block[1] ?? "").matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
      map.set(Number.parseInt(r[1] ?? "0", 16), hex(r[2] ?? ""));
    }
  }
  return map;
}

/** The text of every page, one line per text object. */
export function pdfText(pdf: Buffer): string {
  const objects = pdfObjects(pdf);
  const lines: string[] = [];
  for (const [, page] of objects) {
    if (!/\/Type \/Page\b/.test(page.dict)) continue;
    const resources = objects.get(ref(page.dict, "Resources") ?? -1)?.dict ?? page.dict;
    const fonts = new Map<string, Map<number, string>>();
    for (const f of resources.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const font = objects.get(Number(f[2]));
      const cmap = font && objects.get(ref(font.dict, "ToUnicode") ?? -1)?.stream;
      if (cmap) fonts.set(f[1] ?? "", toUnicodeMap(cmap.toString("latin1")));
    }
    const content = objects.get(ref(page.dict, "Contents") ?? -1)?.stream?.toString("latin1") ?? "";
    let current = new Map<number, string>();
    for (const op of content.matchAll(/\/(F\d+) [\d.]+ Tf|(\[[^\]]*\]) TJ|<([0-9a-f]*)> Tj|ET/gi)) {
      if (op[1]) current = fonts.get(op[1]) ?? new Map();
      else if (op[0] === "ET") lines.push("\n");
      else {
        const strings = op[2]
          ? [...op[2].matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/gi)]
          : [[op[0], op[3]]];
        for (const s of strings) {
          const h = s[1];
          if (h === undefined) {
            // A kerning number large enough is a space pdfkit wrote as a shift.
            if (Number(s[2]) < -200) lines.push(" ");
            continue;
          }
          for (let i = 0; i < h.length; i += 4)
            lines.push(current.get(Number.parseInt(h.slice(i, i + 4), 16)) ?? "?");
        }
      }
    }
  }
  return lines.join("").replace(/[ \t]+\n/g, "\n");
}
