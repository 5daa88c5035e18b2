// A fast reader of the generator's attendance CSV files (`pupil_id,school_id,date,period,
// minutes,reason,note`, unquoted, in pupil order) for the TypeScript side of the signals
// benchmark. readline plus String#split made a string per line and per field: at a million
// pupils that was most of the TypeScript phase. This reads 16 MB blocks and parses the bytes,
// making one string per pupil and per school change and sharing the date, period and reason
// strings, so that the rows handed to the rules cost little more than their objects.
import { closeSync, openSync, readSync } from "node:fs";
import { ABSENCE_REASONS, type AttendanceRecord } from "../src/domain/signals/types.ts";

const BLOCK = 1 << 24;
const COMMA = 44;
const NEWLINE = 10;
const CR = 13;
const DIGITS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];

/** Called per row; `pupilId` and `schoolId` are the same string objects while they repeat. */
export type RowVisitor = (pupilId: string, schoolId: string, row: AttendanceRecord) => void;

type Reason = AttendanceRecord["reason"];
/** Reasons by byte length, then first byte: every pair is unique among the codes of §3. */
const reasonsByShape = new Map<number, { reason: Reason; bytes: Buffer }>(
  ABSENCE_REASONS.map((reason) => [
    reason.length * 256 + reason.charCodeAt(0),
    { reason, bytes: Buffer.from(reason, "latin1") },
  ]),
);
if (reasonsByShape.size !== ABSENCE_REASONS.length) throw new Error("reason shapes collide");

function sameBytes(buf: Buffer, start: number, end: number, bytes: Buffer): boolean {
  if (end - start !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (buf[start + i] !== bytes[i]) return false;
  return true;
}

/** Reads one attendance file, calling `visit` per row in file order; returns the row count. */
export function readAttendanceFile(path: string, visit: RowVisitor, blockSize = BLOCK): number {
  const fd = openSync(path, "r");
  let buf = Buffer.allocUnsafe(blockSize);
  let end = 0;
  let eof = false;
  let header = true;
  let rows = 0;
  // The current pupil and school: their bytes and strings, reused while the rows repeat them.
  let pupil = "";
  let pupilBytes = Buffer.alloc(0);
  let school = "";
  let schoolBytes = Buffer.alloc(0);
  /** Date strings by (year − 1900) × 416 + month × 32 + day. */
  const dates: Array<string | undefined> = [];
  const texts = new Map<string, string>();
  const shared = (text: string) => {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
  };
  try {
    for (;;) {
      if (!eof) {
        const n = readSync(fd, buf, end, buf.length - end, null);
        if (n === 0) {
          eof = true;
          // A last line without a newline gets one, so the loop below sees it.
          if (end > 0 && buf[end - 1] !== NEWLINE) {
            if (end === buf.length) {
              const bigger = Buffer.allocUnsafe(buf.length + 1);
              buf.copy(bigger, 0, 0, end);
              buf = bigger;
            }
            buf[end++] = NEWLINE;
          }
        }
        end += n;
      }
      const view = buf.subarray(0, end);
      let pos = 0;
      for (;;) {
        const nl = view.indexOf(NEWLINE, pos);
        if (nl < 0) break;
        const s = pos;
        const e = nl > s && buf[nl - 1] === CR ? nl - 1 : nl;
        pos = nl + 1;
        if (e === s) continue;
        if (header) {
          header = false;
          continue;
        }
        // The first six fields (the note is ignored).
        let p = s;
        while (p < e && buf[p] !== COMMA) p++;
        const e0 = p++;
        const f1 = p;
        while (p < e && buf[p] !== COMMA) p++;
        const e1 = p++;
        const f2 = p;
        while (p < e && buf[p] !== COMMA) p++;
        const e2 = p++;
        const f3 = p;
        while (p < e && buf[p] !== COMMA) p++;
        const e3 = p++;
        const f4 = p;
        while (p < e && buf[p] !== COMMA) p++;
        const e4 = p++;
        const f5 = p;
        while (p < e && buf[p] !== COMMA) p++;
        const e5 = p;
        if (e5 > e) throw new Error(`${path}: short line ${buf.toString("latin1", s, e)}`);

        if (!sameBytes(buf, s, e0, pupilBytes)) {
          pupil = buf.toString("latin1", s, e0);
          pupilBytes = Buffer.from(buf.subarray(s, e0));
        }
        if (!sameBytes(buf, f1, e1, schoolBytes)) {
          school = buf.toString("latin1", f1, e1);
          schoolBytes = Buffer.from(buf.subarray(f1, e1));
        }
        let date: string | undefined;
        if (e2 - f2 === 10 && buf[f2 + 4] === 45 && buf[f2 + 7] === 45) {
          const b = f2;
          const year =
            (buf[b]! - 48) * 1000 +
            (buf[b + 1]! - 48) * 100 +
            (buf[b + 2]! - 48) * 10 +
            buf[b + 3]! -
            48;
          const month = (buf[b + 5]! - 48) * 10 + buf[b + 6]! - 48;
          const day = (buf[b + 8]! - 48) * 10 + buf[b + 9]! - 48;
          const key = (year - 1900) * 416 + month * 32 + day;
          if (key >= 0 && key < 200 * 416 && month < 13 && day < 32) {
            date = dates[key];
            if (date === undefined) {
              date = buf.toString("latin1", f2, e2);
              dates[key] = date;
            }
          }
        }
        if (date === undefined) date = buf.toString("latin1", f2, e2);
        const c = buf[f3]!;
        const period =
          e3 - f3 === 1 && c >= 48 && c <= 57
            ? DIGITS[c - 48]!
            : shared(buf.toString("latin1", f3, e3));
        let minutes = 0;
        for (let i = f4; i < e4; i++) {
          const d = buf[i]!;
          if (d >= 48 && d <= 57) minutes = minutes * 10 + d - 48;
          else {
            minutes = Number(buf.toString("latin1", f4, e4));
            break;
          }
        }
        const shape = reasonsByShape.get((e5 - f5) * 256 + (buf[f5] ?? 0));
        const reason =
          shape && sameBytes(buf, f5, e5, shape.bytes)
            ? shape.reason
            : // An unknown code is kept as written (it counts nowhere).
              (shared(buf.toString("latin1", f5, e5)) as Reason);
        rows++;
        visit(pupil, school, { date, period, minutes, reason });
      }
      if (eof) break;
      // Keep the partial last line; grow the block if one line fills it.
      if (pos === 0 && end === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, end);
        buf = bigger;
      } else {
        buf.copy(buf, 0, pos, end);
        end -= pos;
      }
    }
  } finally {
    closeSync(fd);
  }
  return rows;
}
