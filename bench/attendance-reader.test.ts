import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AttendanceRecord } from "../src/domain/signals/types.ts";
import { readAttendanceFile } from "./attendance-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "attendance-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(name: string, text: string, blockSize?: number) {
  const path = join(dir, name);
  writeFileSync(path, text, "latin1");
  const seen: Array<[string, string, AttendanceRecord]> = [];
  const count = readAttendanceFile(path, (p, s, r) => seen.push([p, s, r]), blockSize);
  return { count, seen };
}

describe("readAttendanceFile", () => {
  it("parses every field as the plain CSV reading does, with CRLF and no final newline", () => {
    const lines = [
      "pupil_id,school_id,date,period,minutes,reason,note",
      "P0000001,10AA00,2026-01-21,7,50,truant,",
      "P0000001,10AA00,2026-01-22,10,75,sick,a note",
      "P0000001,10AB00,2026-01-22,am,210,exempt_11a,",
      "",
      "P0000002,10AB00,2026-02-02,day,330,other_unauthorized,",
      "P0000002,10AB00,2026-02-03,pm,-5,no_such_code,",
      "P0000002,10AB00,2026-2-3,pm,1.5,late,",
    ];
    const { count, seen } = read("a.csv", lines.join("\r\n"));
    const expected = lines
      .slice(1)
      .filter(Boolean)
      .map((line) => {
        const [p = "", s = "", date = "", period = "", minutes = "", reason = ""] = line.split(",");
        return [p, s, { date, period, minutes: Number(minutes), reason }];
      });
    expect(count).toBe(6);
    expect(seen).toEqual(expected);
  });

  it("reads lines across block boundaries, also lines longer than a block", () => {
    const lines = ["pupil_id,school_id,date,period,minutes,reason,note"];
    const reasons = ["sick", "late", "medical", "removed", "unreported", "exempt_11a"];
    for (let i = 0; i < 2_000; i++) {
      const pupil = `P${String(Math.floor(i / 50)).padStart(7, "0")}`;
      const day = String(1 + (i % 28)).padStart(2, "0");
      const note = i === 777 ? "x".repeat(300) : "";
      lines.push(
        `${pupil},10AA00,2026-02-${day},${1 + (i % 8)},${i % 60},${reasons[i % 6]},${note}`,
      );
    }
    const text = `${lines.join("\n")}\n`;
    const expected = read("whole.csv", text).seen;
    expect(expected.length).toBe(2_000);
    // Blocks of 64 bytes: almost every line straddles one, and the 300-byte note grows it.
    for (const blockSize of [64, 100, 4096]) {
      const { count, seen } = read(`b${blockSize}.csv`, text, blockSize);
      expect(count).toBe(2_000);
      expect(seen).toEqual(expected);
    }
    expect(expected[1_999]).toEqual([
      "P0000039",
      "10AA00",
      { date: "2026-02-12", period: "8", minutes: 19, reason: "late" },
    ]);
    // One string per pupil: rows of one pupil share it.
    expect(Object.is(expected[0]![0], expected[49]![0])).toBe(true);
  });
});
