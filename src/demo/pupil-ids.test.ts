// The demo's pupil ids sort as text in their number order at every size (issue 19): the bulk
// load then writes the primary keys in order, as a region's own ids would not be guaranteed to.
import { describe, expect, it } from "vitest";
import { pupilId, pupilIdWidth } from "./pupils.ts";

describe("demo pupil ids", () => {
  it("keep six digits for every region below ≈ 900,000 pupils (the demo's ids do not change)", () => {
    expect(pupilIdWidth(1_500)).toBe(6);
    expect(pupilIdWidth(100_000)).toBe(6);
    expect(pupilIdWidth(900_000)).toBe(6);
    expect(pupilId(0)).toBe("P000001");
    expect(pupilId(1_499, pupilIdWidth(1_500))).toBe("P001500");
  });

  it("sort as text in number order at national size, the population's extra persons included", () => {
    for (const count of [1_000_000, 2_500_000]) {
      const width = pupilIdWidth(count);
      expect(width).toBe(7);
      // Around the six-digit boundary and up to the last extra person of the register (≈ 2 %).
      const indexes = [0, 99_999, 100_000, 999_998, 999_999, 1_000_000, count - 1, count + 50_000];
      indexes.sort((a, b) => a - b);
      const ids = indexes.map((i) => pupilId(i, width));
      expect([...ids].sort()).toEqual(ids);
      expect(new Set(ids.map((id) => id.length)).size).toBe(1);
    }
    // What six digits did at 2.5 M: the millionth pupil sorted between the 100,000th and the next.
    expect([pupilId(999_999), pupilId(100_000)].sort()).toEqual([
      pupilId(999_999),
      pupilId(100_000),
    ]);
  });
});
