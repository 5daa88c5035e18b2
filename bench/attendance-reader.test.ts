import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { AttendanceRecord } from "../src/domain/signals/types.ts";
import { readAttendanceFile } from "./attendance-reader.ts";

const dir = mkdtempSync(join(tmpdir(), "attendance-reader-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text, "latin1");
  const seen: Array<[string, string, AttendanceRecord]> = [];
  const count = readAttendanceFile(path, (p, s, r) => seen.push([p, s, r]));
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

  it("shares the strings of repeated values and reads lines across block boundaries", () => {
    const lines = ["pupil_id,school_id,date,period,minutes,reason,note"];
    // About 20 MB: more than one 16 MB block, so a line straddles the block's end.
    const reasons = ["sick", "late", "medical", "removed", "unreported", "exempt_11a"];
    for (let i = 0; i < 500_000; i++) {
      const pupil = `P${String(Math.floor(i / 50)).padStart(7, "0")}`;
      const day = String(1 + (i % 28)).padStart(2, "0");
      lines.push(`${pupil},10AA00,2026-02-${day},${1 + (i % 8)},${i % 60},${reasons[i % 6]},`);
    }
    const { count, seen } = read("b.csv", `${lines.join("\n")}\n`);
    expect(count).toBe(500_000);
    expect(seen[499_999]).toEqual([
      "P0009999",
      "10AA00",
      { date: "2026-02-04", period: "8", minutes: 19, reason: "late" },
    ]);
    let minutes = 0;
    for (const [, , r] of seen) minutes += r.minutes;
    expect(minutes).toBe(lines.slice(1).reduce((sum, l) => sum + Number(l.split(",")[4]), 0));
    // One string per pupil: rows of one pupil share it.
    expect(Object.is(seen[0]![0], seen[49]![0])).toBe(true);
  });
});
