import { describe, expect, it } from "vitest";
import { evaluatePopulation } from "./evaluate.ts";
import type { ExemptionRecord, PopulationInput, PopulationPerson } from "./types.ts";

const D = "2026-03-12";
const person = (
  id: string,
  birthDate: string,
  extra: Partial<PopulationPerson> = {},
): PopulationPerson => ({
  id,
  birthDate,
  municipality: "Voorbeeldstad",
  registeredFrom: "2015-01-01",
  ...extra,
});
const exemption = (pupilId: string, extra: Partial<ExemptionRecord> = {}): ExemptionRecord => ({
  pupilId,
  kind: "5a",
  startDate: "2025-08-01",
  endDate: null,
  advicePartnership: true,
  adviceDoctor: true,
  ...extra,
});
const ids = (input: Partial<PopulationInput>, code: string, asOf = D) =>
  evaluatePopulation({ persons: [], enrolments: [], exemptions: [], ...input }, asOf)
    .filter((s) => s.code === code)
    .map((s) => s.pupilId);

describe("ABSOLUTE", () => {
  it("covers the month after the 5th birthday up to the day before the 18th birthday", () => {
    const persons = [
      person("A5", "2021-02-20"), // 5 on 20 Feb 2026: compulsory from 1 March
      person("B5", "2021-03-01"), // 5 on 1 Mar 2026: compulsory from 1 April
      person("C18", "2008-03-13"), // 18 tomorrow: today is the last day
      person("D18", "2008-03-12"), // 18 today
    ];
    expect(ids({ persons }, "ABSOLUTE")).toEqual(["A5", "C18"]);
    const [signal] = evaluatePopulation(
      { persons: [persons[2]!], enrolments: [], exemptions: [] },
      D,
    );
    expect(signal).toEqual({
      pupilId: "C18",
      schoolId: "",
      code: "ABSOLUTE",
      asOf: D,
      evidence: {
        age: 17,
        compulsory_from: "2013-04-01",
        compulsory_until: D,
        registered_from: "2015-01-01",
        last_enrolment_end: null,
      },
      attributes: {},
    });
  });

  it("needs registration by D, no active enrolment anywhere, no active exemption, no start qualification", () => {
    const persons = [
      person("NEW", "2014-01-01", { registeredFrom: "2026-03-13" }),
      person("ENR", "2014-01-01"),
      person("LEFT", "2014-01-01"),
      person("EXE", "2014-01-01"),
      person("EXP", "2014-01-01"),
      person("SQ", "2009-01-01", { startQualificationDate: "2025-07-01" }),
    ];
    const enrolments = [
      { pupilId: "ENR", schoolId: "20BB00", startDate: "2024-08-26", endDate: D },
      { pupilId: "LEFT", schoolId: "20BB00", startDate: "2024-08-26", endDate: "2026-03-11" },
    ];
    const exemptions = [
      exemption("EXE", { kind: "5b", endDate: D }),
      exemption("EXP", { kind: "5c", endDate: "2026-03-11" }),
    ];
    expect(ids({ persons, enrolments, exemptions }, "ABSOLUTE")).toEqual(["EXP", "LEFT"]);
    const left = evaluatePopulation({ persons: [persons[2]!], enrolments, exemptions: [] }, D);
    expect(left[0]?.evidence.last_enrolment_end).toBe("2026-03-11");
  });
});

describe("EXEMPTION_5A_NO_ADVICE", () => {
  it("fires for an active 5a exemption missing either advice, once per pupil", () => {
    const exemptions = [
      exemption("OK"),
      exemption("NOPART", { advicePartnership: false }),
      exemption("NODOC", { adviceDoctor: false }),
      exemption("NODOC", { adviceDoctor: false, startDate: "2024-08-01", endDate: null }),
      exemption("ENDED", { adviceDoctor: false, endDate: "2026-03-11" }),
      exemption("FUTURE", { adviceDoctor: false, startDate: "2026-03-13" }),
      exemption("OTHER", { kind: "5b", adviceDoctor: false }),
    ];
    const signals = evaluatePopulation({ persons: [], enrolments: [], exemptions }, D);
    expect(signals.map((s) => [s.pupilId, s.schoolId, s.code])).toEqual([
      ["NODOC", "", "EXEMPTION_5A_NO_ADVICE"],
      ["NOPART", "", "EXEMPTION_5A_NO_ADVICE"],
    ]);
    expect(signals[0]?.evidence).toEqual({
      exemption_start: "2024-08-01",
      exemption_end: null,
      advice_partnership: true,
      advice_doctor: false,
    });
  });

  it("and a person with only a 5a exemption is not absolutely absent", () => {
    const input = {
      persons: [person("X", "2014-01-01")],
      enrolments: [],
      exemptions: [exemption("X", { adviceDoctor: false })],
    };
    expect(evaluatePopulation(input, D).map((s) => s.code)).toEqual(["EXEMPTION_5A_NO_ADVICE"]);
  });
});
