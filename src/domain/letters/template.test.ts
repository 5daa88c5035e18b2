import { describe, expect, it } from "vitest";
import { DEFAULT_LETTER_TEMPLATES } from "./defaults.ts";
import { dutchDate, EXAMPLE_VALUES } from "./fields.ts";
import { checkTemplate, parseTemplate, renderLetter } from "./template.ts";

describe("letter templates (issue 16)", () => {
  it("fills named fields and splits paragraphs on blank lines", () => {
    const t = checkTemplate({
      subject: "Over {{leerling.voornaam}}",
      body: "Beste {{ ouder.naam }},\n\nRegel een\nregel twee\n\n\nGroet",
    });
    if (!t.ok) throw new Error(JSON.stringify(t.problems));
    expect(t.fields).toEqual(["leerling.voornaam", "ouder.naam"]);
    const r = renderLetter(t, { "leerling.voornaam": "Sam", "ouder.naam": "J. Jansen" });
    expect(r).toEqual({
      subject: "Over Sam",
      paragraphs: ["Beste J. Jansen,", "Regel een\nregel twee", "Groet"],
    });
  });

  it("refuses a template naming an unknown field, in Dutch, naming the field", () => {
    const r = parseTemplate("Beste {{ouder.naam}}, {{leerling.medische_notitie}}");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        part: "body",
        message:
          'Het veld "leerling.medische_notitie" bestaat niet. Gebruik alleen de velden uit de lijst.',
      },
    ]);
  });

  it("refuses an unclosed or empty placeholder and a field in the subject", () => {
    expect(parseTemplate("Beste {{ouder.naam").ok).toBe(false);
    expect(parseTemplate("Beste ouder.naam}} x").ok).toBe(false);
    expect(parseTemplate("Beste {{ }}").ok).toBe(false);
    const c = checkTemplate({ subject: "{{consent}}", body: "x" });
    expect(c.ok ? [] : c.problems.map((p) => p.part)).toEqual(["subject"]);
  });

  it("does not treat an inherited property as a field", () => {
    expect(parseTemplate("{{constructor}} {{toString}}").ok).toBe(false);
  });

  it("writes a missing value with the marker the caller chose", () => {
    const t = checkTemplate({ subject: "S", body: "Op {{invoer.datum}}." });
    if (!t.ok) throw new Error("invalid");
    expect(renderLetter(t, {}, (f) => `…(${f})`).paragraphs).toEqual(["Op …(invoer.datum)."]);
  });

  it("every default template is valid and renders without markers from the examples", () => {
    const codes = new Set<string>();
    for (const d of DEFAULT_LETTER_TEMPLATES) {
      codes.add(d.code);
      const t = checkTemplate(d);
      expect(t.ok, d.code).toBe(true);
      if (!t.ok) continue;
      const r = renderLetter(t, EXAMPLE_VALUES, () => "MISSING");
      expect(JSON.stringify(r), d.code).not.toContain("MISSING");
    }
    expect(codes.size).toBe(DEFAULT_LETTER_TEMPLATES.length);
    const decisions = DEFAULT_LETTER_TEMPLATES.filter((d) => d.code.startsWith("besluit_verlof"));
    expect(decisions).toHaveLength(2);
    for (const d of decisions) expect(d.body).toContain("binnen 6 weken");
  });

  it("writes dates the Dutch way", () => {
    expect(dutchDate("2026-12-04")).toBe("4 december 2026");
    expect(dutchDate("2027-01-31")).toBe("31 januari 2027");
  });
});
