// domain.md §7: "The annual national count (leerplichttelling, art. 25 Leerplichtwet: persons
// with absence, exemptions, Halt referrals, official reports, thuiszitters, early school
// leavers) and the municipal annual report (due before 1 October) can be produced from the
// register." Counts per residence municipality (leerplicht follows where a child lives) for a
// school year (1 August – 31 July), with states at the reference date: the school year's last
// day, or the date asked for while the year runs. Readings in docs/monitoring.md.
import { ageInYearsOnDay, isOfCompulsorySchoolAge } from "../calendar/ages.ts";
import { dayNumber, type IsoDate } from "../calendar/dates.ts";
import { tellingCategoryOf } from "../leerplicht/mas.ts";
import { type MonitorRow, SUPPRESSION_THRESHOLD, sortRows } from "./aggregate.ts";
import { type MonitorCase, phaseAt } from "./case-measures.ts";

export interface TellingPerson {
  id: string;
  municipality: string;
  birthDate: IsoDate;
  startQualificationDate: IsoDate | null;
}

export interface TellingInput {
  persons: readonly TellingPerson[];
  enrolments: readonly { pupilId: string; startDate: IsoDate; endDate: IsoDate | null }[];
  exemptions: readonly {
    pupilId: string;
    kind: string;
    startDate: IsoDate;
    endDate: IsoDate | null;
  }[];
  /** Verzuimmeldingen to DUO (art. 21a), by report type. */
  reports: readonly { pupilId: string; type: string; startDate: IsoDate; status: string }[];
  /** Referrals to the public prosecutor: `criminal` is an official report (proces-verbaal). */
  referrals: readonly { pupilId: string; route: string; referredAt: IsoDate }[];
  /**
   * Leerplicht's procedure (MAS, src/domain/leerplicht/mas.ts): its Halt referrals and official
   * reports (criminal: proces-verbaal; civil: to the Raad voor de Kinderbescherming).
   */
  masSteps: readonly { pupilId: string; kind: string; route: string | null; date: IsoDate }[];
  /** Signals holding at the reference date. */
  signals: readonly { pupilId: string; code: string; legal: boolean }[];
  cases: readonly MonitorCase[];
}

export interface SchoolYear {
  from: IsoDate;
  to: IsoDate;
}

export function schoolYearOf(startYear: number): SchoolYear {
  return { from: `${startYear}-08-01`, to: `${startYear + 1}-07-31` };
}

/** What the register cannot produce, said in the report instead of a made-up zero. */
export const TELLING_NOTES = {
  startkwalificatie:
    "A start qualification is known only when the register records one (pupils.start_qualification_date); early school leavers without a recorded one are counted as leaving without.",
} as const;

const active = (p: { startDate: IsoDate; endDate: IsoDate | null }, d: IsoDate) =>
  p.startDate <= d && (p.endDate === null || p.endDate >= d);
const overlaps = (p: { startDate: IsoDate; endDate: IsoDate | null }, y: SchoolYear) =>
  p.startDate <= y.to && (p.endDate === null || p.endDate >= y.from);
const within = (d: IsoDate | null, y: SchoolYear, ref: IsoDate) =>
  d !== null && d >= y.from && d <= y.to && d <= ref;

export function leerplichttelling(
  input: TellingInput,
  year: SchoolYear,
  reference: IsoDate,
  suppress: boolean,
): MonitorRow[] {
  const residence = new Map(input.persons.map((p) => [p.id, p.municipality]));
  const cells = new Map<string, Set<string>>();
  const tally = new Map<string, number>();
  const count = (personId: string, category: string, times?: number) => {
    const municipality = residence.get(personId) ?? "";
    for (const group of [municipality, "*"]) {
      const key = `${group}\u0000${category}`;
      const set = cells.get(key) ?? new Set<string>();
      set.add(personId);
      cells.set(key, set);
      if (times !== undefined) tally.set(key, (tally.get(key) ?? 0) + times);
    }
  };
  const refDay = dayNumber(reference);
  const enrolled = new Map<string, typeof input.enrolments>();
  for (const e of input.enrolments)
    enrolled.set(e.pupilId, [...(enrolled.get(e.pupilId) ?? []), e]);
  const exempted = new Set(
    input.exemptions.filter((x) => active(x, reference)).map((x) => x.pupilId),
  );

  for (const p of input.persons) {
    const sq = p.startQualificationDate ? dayNumber(p.startQualificationDate) : null;
    if (isOfCompulsorySchoolAge(dayNumber(p.birthDate), sq, refDay)) {
      count(p.id, "leerplichtig_of_kwalificatieplichtig");
    }
    // Early school leaver (vsv, DUO's reading: aged 12–22): the last enrolment ended in the
    // year, none active at the reference date, no exemption, no recorded start qualification.
    const age = ageInYearsOnDay(dayNumber(p.birthDate), refDay);
    const own = enrolled.get(p.id) ?? [];
    const ends = own.map((e) => e.endDate).filter((d): d is IsoDate => d !== null);
    const lastEnd = ends.sort().at(-1) ?? null;
    if (
      own.length > 0 &&
      !own.some((e) => active(e, reference) || e.startDate > reference) &&
      within(lastEnd, year, reference) &&
      age >= 12 &&
      age < 23 &&
      !exempted.has(p.id) &&
      (p.startQualificationDate === null || p.startQualificationDate > reference)
    ) {
      count(p.id, "voortijdig_schoolverlaters_zonder_startkwalificatie");
    }
  }
  for (const r of input.reports) {
    if (!within(r.startDate, year, reference) || r.status === "ingetrokken") continue;
    count(r.pupilId, "relatief_verzuim_meldingen", 1);
    count(r.pupilId, "relatief_verzuim_personen");
    count(r.pupilId, `relatief_verzuim:${r.type}`);
  }
  for (const s of input.signals) {
    if (s.code === "ABSOLUTE") {
      count(s.pupilId, "absoluut_verzuim");
      count(s.pupilId, "thuiszitters_breed");
    }
    if (s.code === "LONG_TERM_ABSENT") {
      if (s.legal) count(s.pupilId, "langdurig_relatief_verzuim");
      count(s.pupilId, "thuiszitters_breed");
    }
  }
  for (const x of input.exemptions) {
    if (overlaps(x, year) && x.startDate <= reference) count(x.pupilId, `vrijstellingen:${x.kind}`);
    if (within(x.startDate, year, reference)) count(x.pupilId, `vrijstellingen_nieuw:${x.kind}`);
    if (x.kind === "5a" && active(x, reference)) count(x.pupilId, "thuiszitters_breed");
  }
  for (const r of input.referrals) {
    if (!within(r.referredAt, year, reference)) continue;
    count(
      r.pupilId,
      r.route === "criminal" ? "processen_verbaal" : "raad_voor_de_kinderbescherming",
    );
  }
  // Persons, like the referrals above: a pupil with a Halt referral and a proces-verbaal in the
  // year counts once in each; the same pupil referred by a case and by leerplicht counts once.
  for (const step of input.masSteps) {
    const category = tellingCategoryOf(step);
    if (category && within(step.date, year, reference)) count(step.pupilId, category);
  }
  for (const c of input.cases) {
    if (within(c.openedAt, year, reference)) count(c.pupilId, "casussen_geopend", 1);
    if (phaseAt(c, reference) === "CLOSED" && within(c.closedAt, year, reference)) {
      count(c.pupilId, "casussen_gesloten", 1);
      count(c.pupilId, `casussen_gesloten:${c.closedOutcome ?? "other"}`);
      if (c.closedGuaranteeHeld !== null) {
        count(
          c.pupilId,
          c.closedGuaranteeHeld
            ? "garantie_3_maanden_gehouden"
            : "garantie_3_maanden_niet_gehouden",
        );
      }
    }
  }
  const rows: MonitorRow[] = [];
  for (const [key, persons] of cells) {
    const [group = "", measure = ""] = key.split("\u0000");
    const value = tally.get(key) ?? persons.size;
    rows.push({
      group,
      measure,
      count: suppress && persons.size < SUPPRESSION_THRESHOLD ? null : value,
    });
  }
  return sortRows(rows);
}
