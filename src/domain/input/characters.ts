// Characters no input of this application may carry (issue 13): NUL, which PostgreSQL refuses in
// text (a 500 where a 400 belongs), the other C0 and C1 control characters, and the invisible and
// bidirectional-control characters that make two different strings look the same ("P0001" and
// "P0001" + U+200B) or show text in another order than it is stored (U+202E). Tab, line feed and
// carriage return are ordinary in free text (a note typed in a textarea) and allowed there only.
// The replacement character U+FFFD is refused too: it only ever stands for bytes already lost.

/** C0 controls except tab/LF/CR, DEL and C1; zero-width (U+200B–U+200D, U+2060, BOM U+FEFF);
 * bidi marks and controls (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069); and the
 * replacement character U+FFFD, which stands where a program before us could not read a byte:
 * storing it would keep a destroyed name (an "Eëlco" read in the wrong encoding) as if it were real. */
const NEVER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFD]/u;
const LINE_BREAK_OR_TAB = /[\t\n\r]/u;

/**
 * The first character `text` may not hold, or undefined when it is clean. `freeText` allows
 * tab, line feed and carriage return.
 */
export function forbiddenCharacter(text: string, freeText: boolean): string | undefined {
  const never = NEVER.exec(text);
  if (never) return never[0];
  if (freeText) return undefined;
  return LINE_BREAK_OR_TAB.exec(text)?.[0];
}

/** `U+0000`: how a message names a character that cannot be shown. */
export function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}
