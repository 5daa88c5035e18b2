// Letters from templates (issue 16 item 1) over HTTP on both engines: the case worker previews
// and produces a letter; the PDF is PDF/A-2b with its fonts embedded, names the pupil and holds
// nothing the family may not see; it is filed as a case document the parents read (or not, for
// a letter to professionals) and audited; the administrator edits a template, and one naming an
// unknown field is refused with a Dutch message naming the field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Client,
  openCaseForP0001,
  type Sessions,
  startWithEveryone,
} from "../../../test/support/case-api.ts";
import { engines } from "../../../test/support/databases.ts";
import { pdfText } from "../../../test/support/pdf-text.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { listAudit } from "../../db/repositories/audit.ts";

const SECRET_NOTE = "Geheime-notitie-over-gezondheid";
const PARENT_PHONE = "0612398765";

describe.each(engines())("letters from templates on $name", (engine) => {
  let t: TestApp;
  let s: Sessions;
  let as: (who: keyof Sessions) => Client;
  let id: string;
  const put = (who: keyof Sessions, url: string, payload: unknown) =>
    t.app.inject({
      method: "PUT",
      url,
      headers: { cookie: s[who].cookie, "x-csrf-token": s[who].csrfToken },
      payload: payload as object,
    });
  const download = async (who: keyof Sessions, documentId: string) => {
    const r = await as(who).get(`/api/cases/${id}/documents/${documentId}`);
    return r;
  };

  beforeAll(async () => {
    ({ t, s, as } = await startWithEveryone(engine));
    const saved = await put("admin", "/api/admin/region-settings", {
      name: "Regio Zandstad",
      municipalities: ["Zandstad"],
      holiday_region: "noord",
      school_year: "2025-2026",
      clock_mode: "calendar_weeks",
      signal_profile: "default",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    await t.db.sql.query(
      `insert into pupil_contacts (pupil_id, position, name, email, phone)
       values ('P0001', 1, 'A. Verbeek', 'ouder.verbeek@example.test', $1)`,
      [PARENT_PHONE],
    );
    id = await openCaseForP0001(as);
    // Things in the case a letter must never carry: a professional's note.
    const event = await as("coordinator").post(`/api/cases/${id}/events`, {
      kind: "mentor_contact",
      date: "2026-02-20",
      note: SECRET_NOTE,
    });
    expect(event.statusCode, event.body).toBe(201);
  });
  afterAll(() => t.close());

  it("lists the templates with the fields each asks to fill in", async () => {
    const r = await as("coordinator").get("/api/letter-templates");
    expect(r.statusCode, r.body).toBe(200);
    const codes = r.json().map((x: { code: string }) => x.code);
    for (const code of [
      "uitnodiging_gesprek_leerplicht",
      "uitnodiging_gesprek_school",
      "waarschuwing",
      "besluit_verlof_toegekend",
      "besluit_verlof_geweigerd",
      "bevestiging_verzuimmelding",
      "uitnodiging_doorbraakoverleg",
      "verzoek_bindende_arbitrage",
      "verwijzing_aanmelding",
      "proces_verbaal_concept",
    ]) {
      expect(codes).toContain(code);
    }
    const school = r.json().find((x: { code: string }) => x.code === "uitnodiging_gesprek_school");
    expect(school).toMatchObject({
      audience: "ouders",
      valid: true,
      input_fields: ["invoer.datum", "invoer.tijd", "invoer.plaats"],
    });
  });

  it("previews a letter filled from the case, naming the fields still to fill in", async () => {
    const r = await as("coordinator").post(`/api/cases/${id}/letters/preview`, {
      template: "uitnodiging_gesprek_school",
      inputs: { "invoer.datum": "10 maart 2026" },
    });
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.region_name).toBe("Regio Zandstad");
    expect(body.letter.subject).toBe("Uitnodiging voor een gesprek op school over Fenna");
    const text = body.letter.paragraphs.join("\n");
    expect(text).toContain("Beste A. Verbeek,");
    expect(text).toContain("Het gesprek is op 10 maart 2026 om [Tijd].");
    expect(text).toContain("Basisschool De Linde");
    expect(body.missing_inputs).toEqual(["invoer.tijd", "invoer.plaats"]);
    expect(text).not.toContain(SECRET_NOTE);
  });

  it("refuses a letter with fields not filled in, an unknown template and an unknown input", async () => {
    const missing = await as("coordinator").post(`/api/cases/${id}/letters`, {
      template: "uitnodiging_gesprek_school",
      inputs: { "invoer.datum": "10 maart 2026" },
    });
    expect(missing.statusCode, missing.body).toBe(409);
    expect(missing.json().type).toBe("urn:aanwezig:problem:letter-input-missing");
    const unknown = await as("coordinator").post(`/api/cases/${id}/letters`, {
      template: "bestaat_niet",
      inputs: {},
    });
    expect(unknown.statusCode, unknown.body).toBe(409);
    expect(unknown.json().type).toBe("urn:aanwezig:problem:unknown-letter-template");
    const input = await as("coordinator").post(`/api/cases/${id}/letters`, {
      template: "waarschuwing",
      inputs: { "leerling.naam": "Iemand anders", "invoer.toelichting": "x" },
    });
    expect(input.statusCode, input.body).toBe(400);
  });

  it("produces a PDF/A letter for the family, filed as a document the parent reads, audited", async () => {
    const r = await as("coordinator").post(`/api/cases/${id}/letters`, {
      template: "besluit_verlof_geweigerd",
      inputs: {
        "invoer.periode": "8 tot en met 12 februari 2027",
        "invoer.toelichting": "Een vakantie buiten de schoolvakanties is geen gewichtige reden.",
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    const documentId = r.json().id;
    const pdf = await download("parent", documentId);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers["content-type"]).toContain("application/pdf");
    const bytes = pdf.rawPayload;
    const raw = bytes.toString("latin1");
    expect(raw.startsWith("%PDF-1.7")).toBe(true);
    // PDF/A identification in the XMP metadata, and the output intent PDF/A asks for.
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).toContain("/OutputIntents");
    // Every font embedded (a TrueType font file per font), none of the 14 standard fonts.
    const fonts = raw.match(/\/Type \/FontDescriptor/g) ?? [];
    expect(fonts.length).toBeGreaterThan(0);
    expect((raw.match(/\/FontFile2 \d+ 0 R/g) ?? []).length).toBe(fonts.length);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    const text = pdfText(bytes);
    expect(text).toContain("Regio Zandstad");
    expect(text).toContain("Fenna Verbeek");
    expect(text).toContain("binnen 6 weken");
    expect(text).toContain("8 tot en met 12 februari 2027");
    for (const secret of [SECRET_NOTE, PARENT_PHONE, "ouder.verbeek@example.test"]) {
      expect(text).not.toContain(secret);
      expect(raw).not.toContain(secret);
    }
    const detail = (await as("parent").get(`/api/cases/${id}`)).json();
    expect(detail.documents.map((d: { id: string }) => d.id)).toContain(documentId);
    const audit = await listAudit(t.db.orm, { pupilId: "P0001", limit: 200 });
    expect(audit.some((a) => a.action === "produce_letter" && a.userId === s.coordinator.id)).toBe(
      true,
    );
    expect(audit.some((a) => a.action === "preview_letter")).toBe(true);
  });

  it("files a letter to professionals out of the parents' sight", async () => {
    const r = await as("coordinator").post(`/api/cases/${id}/letters`, {
      template: "proces_verbaal_concept",
      inputs: { "invoer.toelichting": "De school meldde het verzuim op 16 februari." },
    });
    expect(r.statusCode, r.body).toBe(201);
    const documentId = r.json().id;
    expect([403, 404]).toContain((await download("parent", documentId)).statusCode);
    const own = await download("coordinator", documentId);
    expect(own.statusCode).toBe(200);
    expect(pdfText(own.rawPayload)).toContain("CONCEPT");
  });

  it("refuses letters to those who do not work on the case", async () => {
    for (const who of ["parent", "otherCoordinator", "policy"] as const) {
      const r = await as(who).post(`/api/cases/${id}/letters/preview`, {
        template: "waarschuwing",
        inputs: {},
      });
      expect([403, 404], who).toContain(r.statusCode);
    }
  });

  it("lets the administrator edit a template; an unknown field is refused, naming it", async () => {
    const list = await as("admin").get("/api/admin/letter-templates");
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().fields.map((f: { name: string }) => f.name)).toContain("leerling.naam");
    expect(list.json().templates).toHaveLength(10);
    expectRefused(
      await put("admin", "/api/admin/letter-templates/waarschuwing", {
        title: "Waarschuwing",
        subject: "Waarschuwing",
        body: "Beste {{ouder.naam}}, {{leerling.bsn}}",
      }),
    );
    const preview = await as("admin").post("/api/admin/letter-templates/preview", {
      subject: "Over {{leerling.voornaam}}",
      body: "Beste {{ouder.naam}},\n\nTekst.",
    });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toEqual({
      subject: "Over Sam",
      paragraphs: ["Beste J. de Vries,", "Tekst."],
    });
    expectRefused(
      await as("admin").post("/api/admin/letter-templates/preview", {
        subject: "x",
        body: "{{leerling.bsn}}",
      }),
    );
    const saved = await put("admin", "/api/admin/letter-templates/waarschuwing", {
      title: "Waarschuwing (regio)",
      subject: "Waarschuwing over {{leerling.voornaam}}",
      body: "Beste {{ouder.naam}},\n\nDit is de nieuwe tekst.",
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ title: "Waarschuwing (regio)", updated_by: s.admin.id });
    const letter = await as("coordinator").post(`/api/cases/${id}/letters/preview`, {
      template: "waarschuwing",
    });
    expect(letter.json().letter.paragraphs).toEqual([
      "Beste A. Verbeek,",
      "Dit is de nieuwe tekst.",
    ]);
    expect(
      (
        await put("coordinator", "/api/admin/letter-templates/waarschuwing", {
          title: "x",
          subject: "x",
          body: "x",
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await put("admin", "/api/admin/letter-templates/bestaat_niet", {
          title: "x",
          subject: "x",
          body: "x",
        })
      ).statusCode,
    ).toBe(404);
    const audit = await listAudit(t.db.orm, { userId: s.admin.id, limit: 50 });
    expect(audit.filter((a) => a.action === "save_letter_template")).toHaveLength(1);
  });
});

function expectRefused(r: { statusCode: number; body: string; json(): { detail: string } }) {
  expect(r.statusCode, r.body).toBe(400);
  expect(r.json().detail).toBe(
    'Het veld "leerling.bsn" bestaat niet. Gebruik alleen de velden uit de lijst.',
  );
}
