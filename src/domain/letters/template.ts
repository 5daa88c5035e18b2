// Issue 16 item 1: the template language of letters. A strict mini-syntax: text with `{{veld}}`
// placeholders naming a field of LETTER_FIELDS (fields.ts); no expressions, no loops, no HTML.
// A template naming an unknown field, or with a `{{` that is not closed, is refused with a Dutch
// message that names the field. A blank line separates paragraphs.
import { isLetterField, type LetterFieldName, type LetterValues } from "./fields.ts";

export interface TemplateProblem {
  /** "subject" or "body". */
  part: string;
  message: string;
}

export type Segment = { text: string } | { field: LetterFieldName };

export type ParseResult =
  | { ok: true; segments: Segment[]; fields: LetterFieldName[] }
  | { ok: false; problems: TemplateProblem[] };

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

export function parseTemplate(text: string, part = "body"): ParseResult {
  const problems: TemplateProblem[] = [];
  const segments: Segment[] = [];
  const fields: LetterFieldName[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    const before = text.slice(last, at);
    if (before.includes("{{") || before.includes("}}")) {
      problems.push({ part, message: unbalanced(before) });
    }
    if (before) segments.push({ text: before });
    const name = (m[1] ?? "").trim();
    if (!isLetterField(name)) {
      problems.push({
        part,
        message:
          name === ""
            ? "Er staat een leeg veld {{ }} in de sjabloon."
            : `Het veld "${name}" bestaat niet. Gebruik alleen de velden uit de lijst.`,
      });
    } else {
      segments.push({ field: name });
      if (!fields.includes(name)) fields.push(name);
    }
    last = at + m[0].length;
  }
  const rest = text.slice(last);
  if (rest.includes("{{") || rest.includes("}}"))
    problems.push({ part, message: unbalanced(rest) });
  if (rest) segments.push({ text: rest });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, segments, fields };
}

function unbalanced(text: string): string {
  const around = text.slice(Math.max(0, text.search(/\{\{|\}\}/) - 10)).slice(0, 30);
  return `Een veld is niet goed afgesloten bij "${around.trim()}": schrijf {{veld.naam}}.`;
}

/** Fills the segments; a field without a value is written as `missing(field)`. */
export function fill(
  segments: readonly Segment[],
  values: LetterValues,
  missing: (field: LetterFieldName) => string,
): string {
  return segments
    .map((s) => ("text" in s ? s.text : values[s.field]?.trim() || missing(s.field)))
    .join("");
}

export interface LetterTemplateText {
  subject: string;
  body: string;
}

export type CheckedTemplate =
  | { ok: true; subject: Segment[]; body: Segment[]; fields: LetterFieldName[] }
  | { ok: false; problems: TemplateProblem[] };

/** Checks both parts of a template: what a save and a render both run first. */
export function checkTemplate(t: LetterTemplateText): CheckedTemplate {
  const subject = parseTemplate(t.subject, "subject");
  const body = parseTemplate(t.body, "body");
  const problems = [...(subject.ok ? [] : subject.problems), ...(body.ok ? [] : body.problems)];
  if (!subject.ok || !body.ok) return { ok: false, problems };
  if (t.subject.trim() === "") {
    return { ok: false, problems: [{ part: "subject", message: "Het onderwerp is leeg." }] };
  }
  if (t.body.trim() === "") {
    return { ok: false, problems: [{ part: "body", message: "De tekst van de brief is leeg." }] };
  }
  const fields = [...subject.fields, ...body.fields.filter((f) => !subject.fields.includes(f))];
  return { ok: true, subject: subject.segments, body: body.segments, fields };
}

export interface RenderedLetter {
  subject: string;
  /** Paragraphs; a line break inside a paragraph is kept. */
  paragraphs: string[];
}

/** Renders a checked template; `missing` writes a field that has no value. */
export function renderLetter(
  t: Extract<CheckedTemplate, { ok: true }>,
  values: LetterValues,
  missing: (field: LetterFieldName) => string = (f) => `[${f}]`,
): RenderedLetter {
  const body = fill(t.body, values, missing).replace(/\r\n/g, "\n");
  return {
    subject: fill(t.subject, values, missing).replace(/\s+/g, " ").trim(),
    paragraphs: body
      .split(/\n[ \t]*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== ""),
  };
}
