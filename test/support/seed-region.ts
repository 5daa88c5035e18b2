// One typed builder for the small regions the tests seed: named fields, checked against the
// Drizzle schema, instead of positional SQL inserts that silently shift when a column is added.
import type { Database } from "../../src/db/connect.ts";
import { closures, enrolments, population, pupils, schools } from "../../src/db/schema/region.ts";

type School = typeof schools.$inferInsert;
type Minutes = readonly [mon: number, tue: number, wed: number, thu: number, fri: number];

/** A school with its scheduled minutes Monday to Friday. */
export type SeedSchool = Omit<
  School,
  "minutesMon" | "minutesTue" | "minutesWed" | "minutesThu" | "minutesFri"
> & { minutes: Minutes };

export interface SeedRegion {
  schools?: SeedSchool[];
  closures?: (typeof closures.$inferInsert)[];
  pupils?: (typeof pupils.$inferInsert)[];
  enrolments?: (typeof enrolments.$inferInsert)[];
  population?: (typeof population.$inferInsert)[];
}

/** Inserts the region's rows, one statement per table, in foreign-key order. */
export async function seedRegion(db: Database, region: SeedRegion): Promise<void> {
  const { orm } = db;
  if (region.schools?.length) {
    await orm.insert(schools).values(
      region.schools.map(({ minutes, ...school }) => ({
        ...school,
        minutesMon: minutes[0],
        minutesTue: minutes[1],
        minutesWed: minutes[2],
        minutesThu: minutes[3],
        minutesFri: minutes[4],
      })),
    );
  }
  if (region.closures?.length) await orm.insert(closures).values(region.closures);
  if (region.pupils?.length) await orm.insert(pupils).values(region.pupils);
  if (region.enrolments?.length) await orm.insert(enrolments).values(region.enrolments);
  if (region.population?.length) await orm.insert(population).values(region.population);
}
