// All randomness of the demo comes from faker's seeded Mersenne Twister, so the same seed
// gives the same region on every machine (no Math.random, no clock).
import { base, Faker, generateMersenne53Randomizer, nl } from "@faker-js/faker";

export interface DemoRandom {
  /** Faker with the Dutch locale, driven by the same stream as the helpers below. */
  faker: Faker;
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A fresh stream for one sub-task, independent of how much this stream was used. */
  derive(...key: number[]): DemoRandom;
  /**
   * Restarts this stream at (seed, ...key): the same numbers as derive(...key) would give, without
   * building another Faker (its locale setup is the expensive part, per pupil it would dominate).
   */
  restart(...key: number[]): void;
}

export function createDemoRandom(seed: number, ...key: number[]): DemoRandom {
  const randomizer = generateMersenne53Randomizer();
  const faker = new Faker({ locale: [nl, base], randomizer });
  faker.seed([seed, ...key]);
  const next = () => randomizer.next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    faker,
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error("pick from an empty list");
      return items[int(0, items.length - 1)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [item, weight] of entries) {
        roll -= weight;
        if (roll < 0) return item;
      }
      return (entries[entries.length - 1] as (typeof entries)[number])[0];
    },
    derive: (...subKey) => createDemoRandom(seed, ...key, ...subKey),
    restart: (...subKey) => {
      faker.seed([seed, ...key, ...subKey]);
    },
  };
}
