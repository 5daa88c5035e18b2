// What the demo's cases need around them (domain.md §5 BREAKTHROUGH, §6): the standing
// breakthrough team of every municipality, the frictiebudget contributions of municipality and
// partnership (50/50), the region's catalogue of arrangements with capacity, placements and
// waiting lists, and the exemption register's decision details. The teams, the catalogue, the
// waiting lists and the contributions are written through the set-up services the API uses
// (src/services/region-setup.ts), as the accounts that own them (the partnership, policy staff),
// with their audit rows — so the demo proves the way in. Placements (no set-up screen: a place is
// taken when an offer starts in a case) and the exemption register's details are still written
// with the repositories.
import type { Database } from "../db/connect.ts";
import type { TeamMember } from "../db/repositories/cases-breakthrough.ts";
import { arrangementPlacements, exemptionDecisions } from "../db/schema/cases.ts";
import { addDays } from "../domain/calendar/dates.ts";
import type { Arrangement } from "../domain/money/arrangements.ts";
import { splitContribution } from "../domain/money/ledger.ts";
import { cliContext } from "../services/cli-actor.ts";
import {
  addBreakthroughTeamMember,
  addWaitingListEntry,
  createArrangement,
  createBreakthroughTeam,
  recordBudgetContribution,
  type SetupBy,
} from "../services/region-setup.ts";
import type { DemoRegion } from "./types.ts";
import type { DemoAccounts } from "./users.ts";

/** The yearly contribution per municipality's budget, before the 50/50 split (in cents). */
export const DEMO_BUDGET_PER_YEAR_CENTS = 6_000_000;

/** The catalogue's places; ids are stable so the script can name them. */
export const DEMO_ARRANGEMENTS = [
  {
    id: "ARR-OZA-DEBRUG",
    providerId: "Stichting De Brug",
    name: "Onderwijs-zorgarrangement De Brug",
    kind: "oza",
    capacity: 8,
  },
  {
    id: "ARR-SO-KOMPAS",
    providerId: "SO De Kompas",
    name: "Speciaal onderwijs De Kompas, groep jonge kind",
    kind: "special_education",
    capacity: 12,
  },
  {
    id: "ARR-DAG-HETERF",
    providerId: "Zorgboerderij Het Erf",
    name: "Dagbesteding met onderwijs Het Erf",
    kind: "day_programme",
    capacity: 6,
  },
  {
    id: "ARR-JH-DAGBEHANDELING",
    providerId: "Jeugdhulp Rivierland",
    name: "Dagbehandeling jeugd-GGZ",
    kind: "youth_care",
    capacity: 5,
  },
] as const satisfies readonly Arrangement[];

export type DemoArrangementId = (typeof DEMO_ARRANGEMENTS)[number]["id"];

/** Places taken and pupils waiting per arrangement at the demo's start (others than the cases'). */
const OCCUPANCY: Record<DemoArrangementId, { placed: number; waiting: number }> = {
  "ARR-OZA-DEBRUG": { placed: 6, waiting: 0 },
  "ARR-SO-KOMPAS": { placed: 12, waiting: 3 },
  "ARR-DAG-HETERF": { placed: 3, waiting: 0 },
  "ARR-JH-DAGBEHANDELING": { placed: 5, waiting: 4 },
};

const TEAM_DISCIPLINES = [
  ["onderwijs", "Samenwerkingsverband"],
  ["jeugdhulp", "Jeugdteam"],
  ["jeugdgezondheidszorg", "GGD"],
  ["leerplicht", "Leerplicht"],
  ["raad voor de kinderbescherming", "Raad voor de Kinderbescherming"],
  ["veiligheidshuis", "Veiligheidshuis"],
  ["jeugdbescherming", "Jeugdbescherming"],
] as const;

const TEAM_NAMES = [
  "A. de Wit",
  "B. Jansen",
  "C. van Dijk",
  "D. Bakker",
  "E. Visser",
  "F. Smit",
  "G. Meijer",
  "H. de Boer",
  "I. Mulder",
  "J. de Groot",
];

/** The first school's municipality: its team members are the demo accounts. */
function homeMunicipality(region: DemoRegion): string {
  const school = region.schools[0];
  if (!school) throw new Error("demo: the region has no schools");
  return school.municipality;
}

function teamMembers(
  region: DemoRegion,
  municipality: string,
  index: number,
  accounts: DemoAccounts,
): TeamMember[] {
  const home = municipality === homeMunicipality(region);
  const userFor: Partial<Record<(typeof TEAM_DISCIPLINES)[number][0], string>> = home
    ? {
        onderwijs: accounts.doorbraakteam,
        jeugdhulp: accounts.jeugdteam,
        jeugdgezondheidszorg: accounts.jeugdarts,
        leerplicht: accounts.leerplicht,
      }
    : {};
  return TEAM_DISCIPLINES.map(([discipline, organisation], i) => ({
    discipline,
    name: TEAM_NAMES[(index * 3 + i) % TEAM_NAMES.length] as string,
    organisation: `${organisation} ${municipality}`,
    userId: userFor[discipline] ?? null,
  }));
}

/** The partnership that shares a municipality's budget: that of its first school. */
function partnershipOf(region: DemoRegion, municipality: string): string {
  const school = region.schools.find((s) => s.municipality === municipality) ?? region.schools[0];
  return school?.partnership ?? "";
}

export interface DemoCatalogueOptions {
  /** Pupils the cases use: they are not placed or waiting by the catalogue itself. */
  casePupils: ReadonlySet<string>;
  /** The school year start (contributions of its first calendar year are recorded then). */
  yearStart: string;
}

export async function writeDemoCatalogue(
  db: Database,
  region: DemoRegion,
  accounts: DemoAccounts,
  options: DemoCatalogueOptions,
): Promise<void> {
  const origin = cliContext("demo");
  const swv: SetupBy = { userId: accounts.swv, role: "partnership_consultant", origin };
  const beleid: SetupBy = { userId: accounts.beleid, role: "policy_officer", origin };
  await db.transaction(async (tx) => {
    // Standing breakthrough teams, one per municipality, composed by the partnership.
    for (const [index, m] of region.municipalities.entries()) {
      const teamId = await createBreakthroughTeam(
        tx,
        swv,
        { id: `doorbraakteam-${index + 1}`, municipality: m.name, name: `Doorbraakteam ${m.name}` },
        options.yearStart,
      );
      for (const member of teamMembers(region, m.name, index, accounts)) {
        await addBreakthroughTeamMember(tx, swv, teamId, {
          discipline: member.discipline,
          organisation: member.organisation,
          userId: member.userId ?? undefined,
          name: member.name,
        });
      }
    }

    // Frictiebudget: both calendar years of the school year, municipality (recorded by policy
    // staff) and partnership (recorded by the partnership), 50/50.
    const firstYear = Number(options.yearStart.slice(0, 4));
    for (const m of region.municipalities) {
      for (const [year, recordedAt] of [
        [firstYear, options.yearStart],
        [firstYear + 1, `${firstYear + 1}-01-05`],
      ] as const) {
        const split = splitContribution(DEMO_BUDGET_PER_YEAR_CENTS);
        const parties = [
          {
            by: beleid,
            party: { kind: "municipality", id: m.name },
            amountCents: split.municipalityCents,
          },
          {
            by: swv,
            party: { kind: "partnership", id: partnershipOf(region, m.name) },
            amountCents: split.partnershipCents,
          },
        ] as const;
        for (const { by, party, amountCents } of parties) {
          await recordBudgetContribution(
            tx,
            by,
            { municipality: m.name, year, amountCents, party: { ...party } },
            recordedAt,
          );
        }
      }
    }

    // The catalogue (by the partnership): places taken and waiting lists by other pupils.
    const others = region.pupils.map((p) => p.pupilId).filter((id) => !options.casePupils.has(id));
    let next = 0;
    const takeOther = () => others[next++ % Math.max(1, others.length)] as string;
    for (const [index, arrangement] of DEMO_ARRANGEMENTS.entries()) {
      await createArrangement(tx, swv, {
        id: arrangement.id,
        provider: arrangement.providerId,
        name: arrangement.name,
        kind: arrangement.kind,
        capacity: arrangement.capacity,
      });
      const { placed, waiting } = OCCUPANCY[arrangement.id];
      const placements = Array.from({ length: Math.min(placed, others.length) }, (_, i) => ({
        arrangementId: arrangement.id,
        pupilId: takeOther(),
        startDate: addDays(options.yearStart, 7 * (index + i)),
        endDate: null,
      }));
      if (placements.length > 0) await tx.orm.insert(arrangementPlacements).values(placements);
      for (let i = 0; i < Math.min(waiting, others.length); i++) {
        await addWaitingListEntry(tx, swv, {
          arrangementId: arrangement.id,
          pupilId: takeOther(),
          since: addDays(options.yearStart, 14 * (2 + i)),
        });
      }
    }

    // The exemption register's details: who decided, and the advice for art. 5 sub a.
    const residence = new Map(region.pupils.map((p) => [p.pupilId, p.municipality]));
    const decisions = region.exemptions.map((e) => {
      const municipality = residence.get(e.pupilId) ?? "de gemeente";
      const advised = addDays(e.startDate, -28);
      return {
        pupilId: e.pupilId,
        kind: e.kind,
        startDate: e.startDate,
        decisionMaker: `Leerplichtambtenaar gemeente ${municipality}`,
        advicePartnershipBy:
          e.kind === "5a" && e.advicePartnership ? `Samenwerkingsverband ${municipality}` : null,
        advicePartnershipOn: e.kind === "5a" && e.advicePartnership ? advised : null,
        adviceDoctorBy: e.kind === "5a" && e.adviceDoctor ? "Onafhankelijk arts (GGD)" : null,
        adviceDoctorOn: e.kind === "5a" && e.adviceDoctor ? advised : null,
      };
    });
    for (let i = 0; i < decisions.length; i += 500) {
      await tx.orm.insert(exemptionDecisions).values(decisions.slice(i, i + 500));
    }
  });
}
