import { describe, expect, it } from "vitest";
import type { MonitorCase } from "./case-measures.ts";
import { leerplichttelling, schoolYearOf, type TellingInput } from "./leerplichttelling.ts";

const year = schoolYearOf(2025);

function input(overrides: Partial<TellingInput> = {}): TellingInput {
  return {
    persons: [
      { id: "A", municipality: "Zandstad", birthDate: "2012-05-01", startQualificationDate: null },
      { id: "B", municipality: "Zandstad", birthDate: "2008-01-10", startQualificationDate: null },
      { id: "C", municipality: "Elders", birthDate: "2003-01-10", startQualificationDate: null },
      {
        id: "D",
        municipality: "Zandstad",
        birthDate: "2007-09-01",
        startQualificationDate: "2025-07-01",
      },
    ],
    enrolments: [
      { pupilId: "A", startDate: "2024-08-20", endDate: null },
      { pupilId: "B", startDate: "2020-08-20", endDate: "2026-01-31" },
      { pupilId: "D", startDate: "2020-08-20", endDate: "2025-12-31" },
    ],
    exemptions: [
      { pupilId: "C", kind: "3a", startDate: "2024-01-01", endDate: null },
      { pupilId: "A", kind: "5a", startDate: "2025-09-01", endDate: "2025-10-01" },
    ],
    reports: [
      { pupilId: "A", type: "16_uur", startDate: "2025-10-06", status: "afgesloten" },
      { pupilId: "A", type: "16_uur", startDate: "2025-11-06", status: "geregistreerd" },
      { pupilId: "B", type: "luxe", startDate: "2025-07-06", status: "afgesloten" }, // last year
      { pupilId: "B", type: "overig", startDate: "2026-01-06", status: "ingetrokken" },
    ],
    referrals: [{ pupilId: "A", route: "criminal", referredAt: "2026-02-01" }],
    masSteps: [],
    signals: [
      { pupilId: "A", code: "LONG_TERM_ABSENT", legal: true },
      { pupilId: "B", code: "ABSOLUTE", legal: false },
    ],
    cases: [],
    ...overrides,
  };
}

describe("leerplichttelling", () => {
  it("counts the art. 25 categories per residence municipality and for the region", () => {
    const rows = leerplichttelling(input(), year, "2026-03-02", false);
    const z = Object.fromEntries(
      rows.filter((r) => r.group === "Zandstad").map((r) => [r.measure, r.count]),
    );
    expect(z).toEqual({
      leerplichtig_of_kwalificatieplichtig: 1, // A (13); B turned 18 on 2026-01-10
      relatief_verzuim_meldingen: 2,
      relatief_verzuim_personen: 1,
      "relatief_verzuim:16_uur": 1,
      langdurig_relatief_verzuim: 1,
      absoluut_verzuim: 1,
      thuiszitters_breed: 2,
      "vrijstellingen:5a": 1,
      "vrijstellingen_nieuw:5a": 1,
      processen_verbaal: 1,
      voortijdig_schoolverlaters_zonder_startkwalificatie: 1, // B; D has a start qualification
    });
    const region = rows.filter((r) => r.group === "*");
    expect(region.find((r) => r.measure === "vrijstellingen:3a")?.count).toBe(1);
    expect(region.find((r) => r.measure === "leerplichtig_of_kwalificatieplichtig")?.count).toBe(1);
  });

  it("counts leerplicht's Halt referrals and official reports of the year (MAS), per person", () => {
    const rows = leerplichttelling(
      input({
        referrals: [],
        masSteps: [
          { pupilId: "A", kind: "halt_referral", route: null, date: "2025-10-01" },
          { pupilId: "A", kind: "halt_referral", route: null, date: "2025-12-01" },
          { pupilId: "B", kind: "official_report", route: "criminal", date: "2026-01-05" },
          { pupilId: "A", kind: "official_report", route: "civil", date: "2026-02-05" },
          { pupilId: "B", kind: "halt_referral", route: null, date: "2025-07-01" }, // last year
          { pupilId: "B", kind: "warning", route: null, date: "2025-10-01" }, // not counted
          { pupilId: "A", kind: "halt_referral", route: null, date: "2026-04-01" }, // after ref.
        ],
      }),
      year,
      "2026-03-02",
      false,
    );
    const z = Object.fromEntries(
      rows.filter((r) => r.group === "Zandstad").map((r) => [r.measure, r.count]),
    );
    expect(z.halt_verwijzingen).toBe(1);
    expect(z.processen_verbaal).toBe(1);
    expect(z.raad_voor_de_kinderbescherming).toBe(1);
  });

  it("counts the annual report's cases and suppresses 1–4 when asked", () => {
    const closed: MonitorCase = {
      id: "c1",
      pupilId: "A",
      schoolId: "S",
      openedAt: "2025-09-01",
      absenceStartDate: "2025-08-25",
      offerStartedOn: "2025-10-01",
      closedAt: "2025-11-01",
      closedOutcome: "special_education",
      closedGuaranteeHeld: true,
      transitions: [{ at: "2025-11-01", to: "CLOSED" }],
      stagnation: [],
    };
    const rows = leerplichttelling(input({ cases: [closed] }), year, "2026-07-31", false);
    const z = (m: string) => rows.find((r) => r.group === "Zandstad" && r.measure === m)?.count;
    expect(z("casussen_geopend")).toBe(1);
    expect(z("casussen_gesloten:special_education")).toBe(1);
    expect(z("garantie_3_maanden_gehouden")).toBe(1);
    expect(
      leerplichttelling(input(), year, "2026-03-02", true).every((r) => r.count === null),
    ).toBe(true);
  });
});
