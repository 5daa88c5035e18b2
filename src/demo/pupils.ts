// Pupils of the demo region: names, birth dates that fit their grade, residence, parent
// contacts and enrolments (most for the whole year; some arrive, leave or change school).
import { addDays, dayNumber, fromDayNumber } from "../domain/calendar/dates.ts";
import type { DemoRandom } from "./random.ts";
import { DEMO_MUNICIPALITIES, OUTSIDE_MUNICIPALITIES, SECTOR_SHARE } from "./region.ts";
import type { DemoContact, DemoEnrolment, DemoPupil, DemoSchool, DemoSector } from "./types.ts";

/** One generated pupil with what the later stages need to know about them. */
export interface PupilPlan {
  pupil: DemoPupil;
  contacts: DemoContact[];
  enrolments: DemoEnrolment[];
  sector: DemoSector;
  livesInRegion: boolean;
  /** Registration date in the population register (only for pupils living in the region). */
  registeredFrom: string;
  movement: "none" | "arrived" | "left" | "changed_school";
}

/**
 * The ids of a region of `count` pupils are all as wide (six digits up to ≈ 900,000 pupils,
 * seven beyond), so their text order is their number order: the primary keys are then written in
 * order. Six-digit padding at 2.5 M pupils put P1000000 between P100000 and P100001 and left the
 * attendance primary key 1.7 times as large per row as at 1 M (issue 19, performance.md).
 */
export function pupilIdWidth(count: number): number {
  return Math.max(6, String(Math.ceil(count * 1.1)).length);
}

export function pupilId(index: number, width = 6): string {
  return `P${String(index + 1).padStart(width, "0")}`;
}

const EMAIL_DOMAINS = ["example.org", "example.net", "example.com"];

function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "");
}

export function mobileNumber(random: DemoRandom): string {
  return `06${String(random.int(10_000_000, 99_999_999))}`;
}

export function randomDate(random: DemoRandom, from: string, to: string): string {
  return fromDayNumber(random.int(dayNumber(from), dayNumber(to)));
}

function yearsAfter(date: string, years: number): string {
  const shifted = `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
  // 29 February: the birthday is 1 March in a common year.
  return shifted.endsWith("-02-29") && Number(shifted.slice(0, 4)) % 4 !== 0
    ? `${shifted.slice(0, 4)}-03-01`
    : shifted;
}

/** A birth date for a pupil at level 1..14 (PO groups 1–8, VO years as 9–14) in year Y. */
export function birthDateForLevel(random: DemoRandom, level: number, startYear: number): string {
  return randomDate(
    random,
    `${startYear - 4 - level}-10-01`,
    // Group 1 also holds the children who turn 4 during the year and start on their birthday.
    level === 1 ? `${startYear - 3}-06-30` : `${startYear - 3 - level}-09-30`,
  );
}

export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

interface Family {
  familyName: string;
  municipality: string;
  contacts: Omit<DemoContact, "pupilId">[];
}

export function generatePupils(
  random: DemoRandom,
  schools: readonly DemoSchool[],
  count: number,
  year: { start: string; end: string },
): PupilPlan[] {
  const startYear = Number(year.start.slice(0, 4));
  const bySector = (sector: DemoSector) => schools.filter((s) => s.sector === sector);
  const families: Family[] = [];
  const plans: PupilPlan[] = [];
  const municipalityWeights = DEMO_MUNICIPALITIES.map((m) => [m.name, m.weight] as const);
  const { faker } = random;
  const width = pupilIdWidth(count);

  for (let index = 0; index < count; index++) {
    const sector = random.weighted([
      ["po", SECTOR_SHARE.po],
      ["vo", SECTOR_SHARE.vo],
      ["so", SECTOR_SHARE.so],
    ] as const);
    const school = random.pick(bySector(sector));
    const grade =
      sector === "vo"
        ? random.weighted([
            [1, 1],
            [2, 1],
            [3, 1],
            [4, 1],
            [5, 0.6],
            [6, 0.35],
          ] as const)
        : random.int(1, 8);
    const level = sector === "vo" ? 8 + grade : grade;
    // About one in twelve repeated a year; special education spreads ages further.
    const delay = random.chance(sector === "so" ? 0.3 : 0.08) ? 1 : 0;
    const birthDate = birthDateForLevel(random, level + delay, startYear);

    const roll = random.next();
    const livesInRegion = roll >= 0.03;
    let municipality = school.municipality;
    if (!livesInRegion) municipality = random.pick(OUTSIDE_MUNICIPALITIES);
    else if (roll < 0.18) municipality = random.weighted(municipalityWeights);

    // A quarter of the pupils are siblings of an earlier pupil: same family, same contacts.
    const siblingOf = random.chance(0.25)
      ? families.findLast((f) => f.municipality === municipality)
      : undefined;
    const family = siblingOf ?? newFamily(random, municipality);
    if (!siblingOf) families.push(family);
    const sex = random.chance(0.5) ? "female" : "male";
    const id = pupilId(index, width);
    const pupil: DemoPupil = {
      pupilId: id,
      givenName: faker.person.firstName(sex),
      familyName: family.familyName,
      birthDate,
      municipality,
    };

    const fourthBirthday = yearsAfter(birthDate, 4);
    let startDate: string;
    if (sector === "vo") startDate = `${startYear - grade + 1}-08-01`;
    else if (sector === "so") startDate = `${startYear - random.int(0, 3)}-08-01`;
    else startDate = fourthBirthday;
    if (startDate < fourthBirthday) startDate = fourthBirthday;
    let movement: PupilPlan["movement"] = startDate > year.start ? "arrived" : "none";

    const enrolments: DemoEnrolment[] = [];
    const mainEnrolment: DemoEnrolment = {
      pupilId: id,
      schoolId: school.schoolId,
      startDate,
      endDate: null,
      grade: String(grade),
    };
    enrolments.push(mainEnrolment);
    const move = random.next();
    let movedIn = false;
    const midYear = () => randomDate(random, `${startYear}-09-15`, `${startYear + 1}-05-31`);
    if (movement === "none" && move < 0.02) {
      movement = "arrived";
      movedIn = true;
      mainEnrolment.startDate = midYear();
    } else if (movement === "none" && move < 0.035) {
      movement = "left";
      mainEnrolment.endDate = midYear();
      pupil.municipality = random.pick(OUTSIDE_MUNICIPALITIES);
    } else if (movement === "none" && move < 0.06 && bySector(sector).length > 1) {
      movement = "changed_school";
      const changeOn = midYear();
      mainEnrolment.endDate = changeOn;
      const next = random.pick(bySector(sector).filter((s) => s.schoolId !== school.schoolId));
      enrolments.push({
        pupilId: id,
        schoolId: next.schoolId,
        // Mostly the next day; sometimes a gap of a week or two between schools.
        startDate: addDays(changeOn, random.chance(0.7) ? 1 : random.int(3, 15)),
        endDate: null,
        grade: String(grade),
      });
    }

    const livesHere = DEMO_MUNICIPALITIES.some((m) => m.name === pupil.municipality);
    // Children who start school on their 4th birthday were already living here.
    const registeredFrom = movedIn
      ? addDays(mainEnrolment.startDate, -random.int(3, 40))
      : random.chance(0.6)
        ? birthDate
        : randomDate(random, birthDate, addDays(year.start, -1));
    plans.push({
      pupil,
      contacts: family.contacts.map((c) => ({ ...c, pupilId: id })),
      enrolments,
      sector,
      livesInRegion: livesHere,
      registeredFrom: fromDayNumber(Math.max(dayNumber(registeredFrom), dayNumber(birthDate))),
      movement,
    });
  }
  return plans;
}

function newFamily(random: DemoRandom, municipality: string): Family {
  const { faker } = random;
  const familyName = faker.person.lastName();
  const contacts: Omit<DemoContact, "pupilId">[] = [];
  const parents = random.chance(0.45) ? 2 : 1;
  for (let position = 1; position <= parents; position++) {
    const first = faker.person.firstName(random.chance(0.6) ? "female" : "male");
    const last = random.chance(0.75) ? familyName : faker.person.lastName();
    const suffix = random.chance(0.3) ? String(random.int(1, 99)) : "";
    contacts.push({
      position,
      name: `${first} ${last}`,
      email: `${slug(first)}.${slug(last)}${suffix}@${random.pick(EMAIL_DOMAINS)}`,
      phone: mobileNumber(random),
    });
  }
  return { familyName, municipality, contacts };
}
