// The population register extract (BRP) of the demo municipalities: every pupil who lives in
// the region, plus children nobody enrolled (absolute absence), children with an exemption
// of several kinds (5a with and without advice, 5b, 5c, 3a, 15, 11) and toddlers.
import { addDays } from "../domain/calendar/dates.ts";
import type { PupilPlan } from "./pupils.ts";
import { birthDateForLevel, pupilId, pupilIdWidth, randomDate } from "./pupils.ts";
import type { DemoRandom } from "./random.ts";
import { DEMO_MUNICIPALITIES } from "./region.ts";
import type { DemoExemption, DemoPerson, DemoStory, ExemptionKind } from "./types.ts";

export interface PopulationOutput {
  population: DemoPerson[];
  exemptions: DemoExemption[];
  stories: DemoStory[];
}

export function generatePopulation(
  random: DemoRandom,
  plans: readonly PupilPlan[],
  year: { start: string; end: string },
): PopulationOutput {
  const startYear = Number(year.start.slice(0, 4));
  const population: DemoPerson[] = plans
    .filter((p) => p.livesInRegion)
    .map((p) => ({
      personId: p.pupil.pupilId,
      givenName: p.pupil.givenName,
      familyName: p.pupil.familyName,
      birthDate: p.pupil.birthDate,
      municipality: p.pupil.municipality,
      registeredFrom: p.registeredFrom,
    }));
  const exemptions: DemoExemption[] = [];
  const stories: DemoStory[] = [];
  let next = plans.length;
  const width = pupilIdWidth(plans.length);
  const scaled = (rate: number, minimum: number) =>
    Math.max(minimum, Math.round(plans.length * rate));

  const addPerson = (level: number, registeredFrom?: string): DemoPerson => {
    const birthDate = birthDateForLevel(random, level, startYear);
    const person: DemoPerson = {
      personId: pupilId(next++, width),
      givenName: random.faker.person.firstName(),
      familyName: random.faker.person.lastName(),
      birthDate,
      municipality: random.weighted(DEMO_MUNICIPALITIES.map((m) => [m.name, m.weight] as const)),
      registeredFrom: registeredFrom ?? birthDate,
    };
    population.push(person);
    return person;
  };
  const story = (person: DemoPerson, kind: DemoStory["kind"], from: string, detail: string) =>
    stories.push({
      personId: person.personId,
      kind,
      schoolId: null,
      startDate: from,
      endDate: year.end,
      detail,
    });

  // Absolute absence: living here, of compulsory age, enrolled nowhere.
  for (let i = scaled(0.002, 3); i > 0; i--) {
    const variant = random.pick(["never", "moved_in", "over_16"] as const);
    // Level 13 (VO year 5 age) stays under 18 all year: still of qualification-duty age.
    const level = variant === "over_16" ? 13 : random.int(3, 12);
    const movedIn = addDays(year.start, random.int(60, 240));
    const person = addPerson(level, variant === "moved_in" ? movedIn : undefined);
    const from = variant === "moved_in" ? movedIn : year.start;
    story(person, "absolute_absence", from, `niet ingeschreven (${variant})`);
  }

  const exempt = (
    kind: ExemptionKind,
    count: number,
    level: () => number,
    advice: () => [boolean, boolean],
    ends: () => string | null,
  ) => {
    for (let i = count; i > 0; i--) {
      const person = addPerson(level());
      const [advicePartnership, adviceDoctor] = advice();
      // Exemptions usually began in an earlier school year, once the child was 5.
      const earliest = Number(person.birthDate.slice(0, 4)) + 5;
      const startDate = `${Math.min(startYear, random.int(earliest, startYear))}-08-01`;
      const endDate = ends();
      exemptions.push({
        pupilId: person.personId,
        kind,
        startDate,
        endDate,
        advicePartnership,
        adviceDoctor,
      });
      if (endDate !== null && endDate < year.end) {
        // The exemption ran out: from the next day the child should be at a school.
        story(person, "absolute_absence", addDays(endDate, 1), `vrijstelling ${kind} verlopen`);
      }
      story(
        person,
        "exemption",
        startDate,
        `vrijstelling ${kind}${kind === "5a" && !(advicePartnership && adviceDoctor) ? " zonder volledig advies" : ""}${endDate ? ` tot ${endDate}` : ""}`,
      );
    }
  };
  const withAdvice = (): [boolean, boolean] => [true, true];
  const open = () => null;
  const endOfYear = () => year.end;
  exempt(
    "5a",
    scaled(0.002, 2),
    () => random.int(3, 12),
    withAdvice,
    () => random.pick([null, year.end]),
  );
  exempt(
    "5a",
    scaled(0.0008, 2),
    () => random.int(3, 12),
    () =>
      random
        .pick([
          [false, false],
          [true, false],
          [false, true],
        ] as const)
        .slice() as [boolean, boolean],
    open,
  );
  // A 5a that ran out mid-year: from then on the child should be at school (absolute absence).
  exempt(
    "5a",
    scaled(0.0003, 1),
    () => random.int(4, 10),
    withAdvice,
    () => `${startYear + 1}-01-31`,
  );
  exempt(
    "5b",
    scaled(0.0005, 1),
    () => random.int(3, 12),
    () => [false, false],
    open,
  );
  exempt(
    "5c",
    scaled(0.001, 1),
    () => random.int(3, 14),
    () => [false, false],
    endOfYear,
  );
  exempt(
    "3a",
    scaled(0.0004, 1),
    () => 14,
    () => [false, false],
    endOfYear,
  );
  exempt(
    "15",
    scaled(0.0004, 1),
    () => random.int(13, 14),
    () => [true, false],
    endOfYear,
  );
  exempt(
    "11",
    scaled(0.0004, 1),
    () => random.int(4, 12),
    () => [false, false],
    () => addDays(year.start, random.int(90, 200)),
  );

  // Toddlers in the register: not yet of compulsory school age, never a signal.
  for (let i = scaled(0.005, 2); i > 0; i--) {
    const person = addPerson(1);
    person.birthDate = randomDate(random, `${startYear - 3}-09-01`, `${startYear - 1}-08-31`);
    person.registeredFrom = person.birthDate;
  }
  return { population, exemptions, stories };
}
