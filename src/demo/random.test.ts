import { describe, expect, it } from "vitest";
import { createDemoRandom } from "./random.ts";

describe("createDemoRandom", () => {
  it("repeats a stream for the same seed and key, and restart equals derive", () => {
    const draw = (r: ReturnType<typeof createDemoRandom>) => [
      r.next(),
      r.int(1, 6),
      r.faker.person.lastName(),
    ];
    expect(draw(createDemoRandom(9, 3, 4))).toEqual(draw(createDemoRandom(9, 3, 4)));
    expect(draw(createDemoRandom(9, 3, 5))).not.toEqual(draw(createDemoRandom(9, 3, 4)));
    const reused = createDemoRandom(9, 3);
    reused.next();
    reused.restart(4);
    expect(draw(reused)).toEqual(draw(createDemoRandom(9, 3).derive(4)));
  });

  it("picks by weight and stays within bounds", () => {
    const random = createDemoRandom(1);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 2000; i++)
      counts[
        random.weighted([
          ["a", 9],
          ["b", 1],
        ] as const)
      ]++;
    expect(counts.a).toBeGreaterThan(1650);
    expect(counts.b).toBeGreaterThan(100);
    for (let i = 0; i < 500; i++) {
      const value = random.int(3, 5);
      expect(value >= 3 && value <= 5).toBe(true);
    }
  });
});
