// The demo region: fictional municipalities on the border of holiday regions midden and zuid,
// one PO and one VO school partnership, and PO, SO and VO schools sized to the pupil count.
import type { HolidayRegion } from "../domain/calendar/school-calendar.ts";
import type { DemoRandom } from "./random.ts";
import type { DemoSchool, DemoSector } from "./types.ts";

export interface DemoMunicipality {
  name: string;
  holidayRegion: HolidayRegion;
  /** Relative number of children living there. */
  weight: number;
}

export const DEMO_MUNICIPALITIES: readonly DemoMunicipality[] = [
  { name: "Lindendaal", holidayRegion: "midden", weight: 5 },
  { name: "Rivierveen", holidayRegion: "midden", weight: 3 },
  { name: "Westerkamp", holidayRegion: "midden", weight: 2 },
  { name: "Zuiderwaarde", holidayRegion: "zuid", weight: 4 },
  { name: "Bosschenhoven", holidayRegion: "zuid", weight: 2 },
];

/** Where pupils from outside the region live; they are not in the region's population register. */
export const OUTSIDE_MUNICIPALITIES: readonly string[] = ["Oosterbroek", "Heuvelstede"];

export const DEMO_PARTNERSHIPS = [
  {
    code: "PO2605",
    name: "Samenwerkingsverband Passend Primair Onderwijs Rivierland",
    sector: "po",
  },
  { code: "VO2605", name: "Samenwerkingsverband Voortgezet Onderwijs Rivierland", sector: "vo" },
] as const;

// PO: 5.5 hours on four days and a short Wednesday; VO: lessons of 50 minutes.
const PO_TIMETABLES: readonly [number, number, number, number, number][] = [
  [330, 330, 210, 330, 330],
  [330, 330, 210, 330, 330],
  [330, 330, 210, 330, 210],
];
const VO_TIMETABLES: readonly [number, number, number, number, number][] = [
  [300, 300, 300, 300, 300],
  [350, 300, 250, 300, 300],
  [300, 350, 250, 350, 250],
];
/** Minutes per VO lesson; a VO day has minutes / VO_LESSON_MINUTES lessons. */
export const VO_LESSON_MINUTES = 50;

const PO_DENOMINATIONS = ["OBS", "CBS", "RKBS", "IKC", "Basisschool", "PCBS"];
const PO_NAMES = [
  "De Regenboog",
  "Het Kompas",
  "De Vlinder",
  "De Wegwijzer",
  "Het Palet",
  "De Zonnewijzer",
  "Het Mozaïek",
  "De Klimop",
  "De Fontein",
  "'t Schrijvertje",
  "De Boomgaard",
  "Het Anker",
  "De Horizon",
  "De Springplank",
  "De Toermalijn",
  "De Eendracht",
  "De Zevensprong",
  "De Driesprong",
  "Het Startpunt",
  "De Bron",
  "De Akker",
  "De Wilgen",
  "De Lindehof",
  "De Vuurvogel",
  "Het Kristal",
  "De Notenkraker",
  "De Morgenster",
  "Het Baken",
  "De Tweemaster",
  "De Ontdekking",
  "De Sterrenwacht",
  "Het Speelkwartier",
  "De Molenwiek",
  "De Kastanje",
  "De Uilenburcht",
  "Het Vogelnest",
];
const VO_NAMES = [
  "Het Baken College",
  "Rivierland Lyceum",
  "Stedelijk Gymnasium",
  "Westerkamp College",
  "Zuiderwaarde Scholengemeenschap",
  "Vakcollege De Brug",
  "Da Vinci College",
  "Het Lindendaal College",
  "Christelijk Lyceum Rivierveen",
  "Montessori College Bosschenhoven",
];
const SO_NAMES = ["SO De Wingerd", "SO De Vlinderboom", "Mytylschool De Sprong"];

/** Average pupils per school, from national figures (PO ~220, VO ~900, SO ~150). */
const PUPILS_PER_SCHOOL: Record<DemoSector, number> = { po: 220, vo: 900, so: 150 };
/** Share of pupils per sector, roughly as in the Netherlands. */
export const SECTOR_SHARE: Record<DemoSector, number> = { po: 0.58, vo: 0.39, so: 0.03 };

export function schoolCounts(pupils: number): Record<DemoSector, number> {
  const count = (sector: DemoSector, minimum: number) =>
    Math.max(minimum, Math.round((pupils * SECTOR_SHARE[sector]) / PUPILS_PER_SCHOOL[sector]));
  // At least two schools per main sector so both holiday regions and a school change exist.
  return { po: count("po", 3), vo: count("vo", 2), so: count("so", 1) };
}

/** BRIN-like id: two digits, two letters, vestiging 00 (e.g. 31AB00); unique per region. */
function brinIds(random: DemoRandom, count: number): string[] {
  const ids = new Set<string>();
  const letters = "ABCDEFGHJKLMNPRSTUVWXZ";
  while (ids.size < count) {
    const digits = String(random.int(10, 31)).padStart(2, "0");
    ids.add(`${digits}${random.pick([...letters])}${random.pick([...letters])}00`);
  }
  return [...ids];
}

/** Round-robin over municipalities by weight, so small regions still cover both holiday regions. */
function municipalityFor(index: number): DemoMunicipality {
  const order = DEMO_MUNICIPALITIES.flatMap((m) => Array.from({ length: m.weight }, () => m));
  // Interleave: first a midden, then a zuid municipality, then by weight.
  const interleaved = [DEMO_MUNICIPALITIES[0], DEMO_MUNICIPALITIES[3], ...order];
  return interleaved[index % interleaved.length] as DemoMunicipality;
}

export function generateSchools(random: DemoRandom, pupils: number): DemoSchool[] {
  const counts = schoolCounts(pupils);
  const total = counts.po + counts.vo + counts.so;
  const ids = brinIds(random, total);
  const schools: DemoSchool[] = [];
  const usedNames = new Set<string>();
  const uniqueName = (candidate: () => string): string => {
    for (let attempt = 0; attempt < 50; attempt++) {
      const name = candidate();
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
    const fallback = `${candidate()} ${usedNames.size + 1}`;
    usedNames.add(fallback);
    return fallback;
  };
  const add = (sector: DemoSector, index: number) => {
    const municipality = municipalityFor(index);
    const name =
      sector === "po"
        ? uniqueName(() => `${random.pick(PO_DENOMINATIONS)} ${random.pick(PO_NAMES)}`)
        : sector === "vo"
          ? uniqueName(() => {
              const base = random.pick(VO_NAMES);
              return base === "Stedelijk Gymnasium" ? `${base} ${municipality.name}` : base;
            })
          : uniqueName(() => random.pick(SO_NAMES));
    schools.push({
      schoolId: ids[schools.length] as string,
      name,
      sector,
      municipality: municipality.name,
      partnership: sector === "vo" ? "VO2605" : "PO2605",
      holidayRegion: municipality.holidayRegion,
      minutesByWeekday: [...random.pick(sector === "vo" ? VO_TIMETABLES : PO_TIMETABLES)],
    });
  };
  for (let i = 0; i < counts.po; i++) add("po", i);
  for (let i = 0; i < counts.vo; i++) add("vo", i);
  for (let i = 0; i < counts.so; i++) add("so", i);
  return schools;
}
