// Issue 16 item 1: a rendered letter as PDF/A-2b, with pdfkit (pure JS). PDF/A asks for embedded
// fonts and an output intent: the fonts are DejaVu Sans from the dejavu-fonts-ttf package (read
// from node_modules, never downloaded), subset and embedded by pdfkit; pdfkit writes the sRGB
// output intent and the XMP metadata with the pdfaid identification. The letterhead carries the
// region's name (region_settings).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import type { RenderedLetter } from "../domain/letters/template.ts";

function fontFile(name: string): Buffer {
  return readFileSync(fileURLToPath(import.meta.resolve(`dejavu-fonts-ttf/ttf/${name}`)));
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;
function letterFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= { regular: fontFile("DejaVuSans.ttf"), bold: fontFile("DejaVuSans-Bold.ttf") };
  return fonts;
}

export interface LetterPdfInput {
  /** The letterhead: the region's name. */
  regionName: string;
  /** The template's title, the PDF's document title (no personal data). */
  title: string;
  /** The date written under the letterhead, e.g. "4 december 2026". */
  dateText: string;
  reference: string;
  letter: RenderedLetter;
}

export function renderLetterPdf(input: LetterPdfInput): Promise<Buffer> {
  const { regular, bold } = letterFonts();
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 64, left: 72, right: 72 },
    pdfVersion: "1.7",
    subset: "PDF/A-2b",
    lang: "nl-NL",
    displayTitle: true,
    info: { Title: input.title, Author: input.regionName, Creator: "Aanwezig" },
    bufferPages: false,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("Regular", regular);
  doc.registerFont("Bold", bold);

  const width = doc.page.width - 144;
  doc.font("Bold").fontSize(16).fillColor("#154273").text(input.regionName, { width });
  const lineY = doc.y + 6;
  doc
    .moveTo(72, lineY)
    .lineTo(72 + width, lineY)
    .lineWidth(1)
    .strokeColor("#154273")
    .stroke();
  doc.y = lineY + 14;
  doc.fillColor("#000000").font("Regular").fontSize(10);
  doc.text(`Datum: ${input.dateText}`, { width });
  doc.text(`Kenmerk: ${input.reference}`, { width });
  doc.moveDown(1.5);
  doc.font("Bold").fontSize(12).text(input.letter.subject, { width });
  doc.moveDown(1);
  doc.font("Regular").fontSize(11);
  for (const p of input.letter.paragraphs) {
    doc.text(p, { width, lineGap: 2 });
    doc.moveDown(0.8);
  }
  doc.end();
  return done;
}
