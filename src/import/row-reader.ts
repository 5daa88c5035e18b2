// Typed access to the fields of one CSV row. Each accessor validates its column and records a
// row error (line, column, reason) instead of throwing, so one pass reports every bad field.
// One reader is reused for all rows of a file: no per-row allocation beyond the values.
// Every field is checked for characters no input may hold (docs/security.md "Input hygiene":
// control, invisible and bidi characters; tab and line breaks only in free text) and normalised
// to NFC, the same rules as the HTTP edge.
import { isIsoDate } from "../domain/calendar/dates.ts";
import { codePointName, forbiddenCharacter } from "../domain/input/characters.ts";
import { isPupilId, isSchoolId } from "../domain/input/identifiers.ts";
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from "../domain/input/lengths.ts";
import type { ErrorCollector } from "./errors.ts";
import { messages } from "./messages.ts";

const MIN_DATE = "1900-01-01";
const MAX_DATE = "2100-12-31";
/** Printable ASCII only: nothing to refuse or normalise (the common case, checked fast). */
const PLAIN = /^[\x20-\x7E]*$/;

export class RowReader {
  line = 0;
  /** False once any field of the current row was invalid. */
  ok = true;
  /** Invalid fields so far (all rows): compare before and after reading one field. */
  failures = 0;
  private fields: readonly string[] = [];
  private readonly index: ReadonlyMap<string, number>;
  private readonly errors: ErrorCollector;
  private readonly validDates = new Map<string, boolean>();

  constructor(header: readonly string[], errors: ErrorCollector) {
    const index = new Map<string, number>();
    header.forEach((name, i) => {
      if (!index.has(name)) index.set(name, i);
    });
    this.index = index;
    this.errors = errors;
  }

  reset(line: number, fields: readonly string[]): void {
    this.line = line;
    this.fields = fields;
    this.ok = true;
  }

  fail(column: string, reason: string): void {
    this.ok = false;
    this.failures++;
    this.errors.add(this.line, column, reason);
  }

  /** One line of text (a name, a place), at most `max` characters; required. */
  text(column: string, max = SHORT_TEXT_MAX): string {
    const value = this.field(column, false);
    if (value === undefined) return "";
    if (value === "") this.fail(column, messages.required);
    else if (value.length > max) this.fail(column, messages.tooLong(value.length, max));
    return value;
  }

  optionalText(column: string, max = SHORT_TEXT_MAX): string | null {
    const value = this.field(column, false);
    if (value === undefined || value === "") return null;
    if (value.length > max) this.fail(column, messages.tooLong(value.length, max));
    return value;
  }

  /** Free text (a note): tabs and line breaks allowed, at most 10,000 characters. */
  optionalFreeText(column: string): string | null {
    const value = this.field(column, true);
    if (value === undefined || value === "") return null;
    if (value.length > LONG_TEXT_MAX) {
      this.fail(column, messages.tooLong(value.length, LONG_TEXT_MAX));
    }
    return value;
  }

  /** A school: BRIN + vestiging, e.g. `12AB00` (identifiers.ts). */
  schoolId(column: string): string {
    const failures = this.failures;
    const value = this.text(column);
    if (value !== "" && this.failures === failures && !isSchoolId(value)) {
      this.fail(column, messages.notSchoolId(value));
    }
    return value;
  }

  date(column: string): string {
    const value = this.field(column, false);
    if (value === undefined) return "";
    if (value === "") this.fail(column, messages.required);
    else this.checkDate(column, value);
    return value;
  }

  optionalDate(column: string): string | null {
    const value = this.field(column, false);
    if (value === undefined || value === "") return null;
    this.checkDate(column, value);
    return value;
  }

  /** A non-negative whole number not above max. */
  count(column: string, max: number): number {
    const value = this.field(column, false);
    if (value === undefined) return 0;
    if (value === "") {
      this.fail(column, messages.required);
      return 0;
    }
    if (!/^\d{1,9}$/.test(value)) {
      this.fail(column, messages.notInteger(value));
      return 0;
    }
    const number = Number(value);
    if (number > max) this.fail(column, messages.tooLarge(number, max));
    return number;
  }

  code<T extends string>(column: string, allowed: readonly T[]): T {
    const value = this.field(column, false);
    if (value === undefined) return "" as T;
    if (value === "") this.fail(column, messages.required);
    else if (!(allowed as readonly string[]).includes(value)) {
      this.fail(column, messages.notCode(value, allowed));
    }
    return value as T;
  }

  /** `yes`/`no`; empty means no (no advice recorded). */
  yesNo(column: string): boolean {
    const value = this.field(column, false)?.toLowerCase();
    if (value === undefined) return false;
    if (value === "" || value === "no") return false;
    if (value === "yes") return true;
    this.fail(column, messages.notCode(value, ["yes", "no"]));
    return false;
  }

  /**
   * A pseudonymous pupil or person id (identifiers.ts: letters, digits, `.`, `_`, `-`); a 9-digit
   * number passing the elfproef is taken for a BSN.
   */
  personId(column: string): string {
    const failures = this.failures;
    const value = this.text(column);
    if (value === "" || this.failures > failures) return value;
    if (!isPupilId(value)) this.fail(column, messages.notPupilId(value));
    else if (isProbablyBsn(value)) this.fail(column, messages.looksLikeBsn(value));
    return value;
  }

  endNotBeforeStart(endColumn: string, end: string | null, start: string): void {
    if (end !== null && this.ok && end < start) {
      this.fail(endColumn, messages.endBeforeStart(end, start));
    }
  }

  /**
   * The trimmed field in NFC; undefined (and a row error) when it holds a character no input may
   * hold. Tab and line breaks only in free text.
   */
  private field(column: string, freeText: boolean): string | undefined {
    const i = this.index.get(column);
    if (i === undefined) return "";
    const value = this.fields[i]?.trim() ?? "";
    if (PLAIN.test(value)) return value;
    const bad = forbiddenCharacter(value, freeText);
    if (bad === undefined) return value.normalize("NFC");
    const name = codePointName(bad);
    const lineBreak = bad === "\t" || bad === "\n" || bad === "\r";
    this.fail(column, lineBreak ? messages.lineBreak(name) : messages.forbiddenCharacter(name));
    return undefined;
  }

  private checkDate(column: string, value: string): void {
    let valid = this.validDates.get(value);
    if (valid === undefined) {
      valid = isIsoDate(value);
      if (this.validDates.size < 100_000) this.validDates.set(value, valid);
    }
    if (!valid) {
      const shaped = /^\d{4}-\d{2}-\d{2}$/.test(value);
      this.fail(column, shaped ? messages.notRealDate(value) : messages.notDate(value));
    } else if (value < MIN_DATE || value > MAX_DATE) {
      this.fail(column, messages.dateOutOfRange(value));
    }
  }
}

/** The BSN "elfproef": 9 digits, weights 9..2 and -1, sum divisible by 11. */
export function isProbablyBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(value[i]) * (9 - i);
  sum -= Number(value[8]);
  return sum % 11 === 0 && value !== "000000000";
}
