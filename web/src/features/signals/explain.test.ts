import { describe, expect, it } from "vitest";
import type { SignalRow } from "../../api/signals.ts";
import {
  absenceStartOf,
  codeOfSignalId,
  evidenceFacts,
  explainSignal,
  signalId,
} from "./explain.ts";

const legal: SignalRow = {
  pupil_id: "P000006",
  school_id: "25CZ00",
  code: "LEGAL_16H",
  as_of: "2026-03-16",
  evidence: {
    unauthorized_minutes: 3210,
    unauthorized_hours: 53.5,
    first_absence_date: "2026-02-23",
    lesweken: 4,
    window_start: "2026-02-23",
    window_end: "2026-03-16",
  },
  attributes: {},
};

describe("signal evidence in plain Dutch", () => {
  it("says why the legal duty fired, with hours and Dutch dates", () => {
    expect(explainSignal(legal)).toBe(
      "53,5 uur ongeoorloofd afwezig tussen 23-02-2026 en 16-03-2026. Vanaf 16 uur in 4 lesweken moet de school dit bij DUO melden.",
    );
  });

  it("explains an ongoing long sickness and an absolute absence", () => {
    expect(
      explainSignal({
        code: "SICK_LONG",
        evidence: { sick_days: 29, episode_start: "2026-01-27", ongoing: true },
      }),
    ).toBe("Al 29 schooldagen achter elkaar ziek, sinds 27-01-2026.");
    expect(
      explainSignal({ code: "ABSOLUTE", evidence: { age: 8, registered_from: "2026-02-15" } }),
    ).toContain("Leerplichtig kind van 8 jaar, ingeschreven in de gemeente sinds 15-02-2026");
  });

  it("lists the figures with Dutch labels, dates and yes/no", () => {
    const facts = evidenceFacts({
      evidence: { sick_days: 4, episode_starts: ["2026-01-12", "2026-01-27"], ongoing: false },
    });
    expect(facts).toEqual([
      { label: "Ziektedagen", value: "4" },
      { label: "Begin ziekteperiodes", value: "12-01-2026, 27-01-2026" },
      { label: "Duurt nog voort", value: "nee" },
    ]);
  });

  it("proposes the first day of the counted absence as the case's absence start", () => {
    expect(absenceStartOf(legal)).toBe("2026-02-23");
    expect(
      absenceStartOf({
        code: "SICK_FREQUENT",
        as_of: "2026-03-16",
        evidence: { episode_starts: ["2026-01-19", "2026-02-13"], window_start: "2026-01-16" },
      }),
    ).toBe("2026-01-19");
    // Year rates count since 1 August, which is no absence start: the signal's date instead.
    expect(
      absenceStartOf({
        code: "PERSISTENT_10",
        as_of: "2026-03-16",
        evidence: { window_start: "2025-08-01" },
      }),
    ).toBe("2026-03-16");
  });

  it("names a signal without a stored state by code, pupil, school and date", () => {
    expect(signalId(legal)).toBe("LEGAL_16H:P000006:25CZ00:2026-03-16");
    expect(signalId({ ...legal, id: "LEGAL_16H:12" })).toBe("LEGAL_16H:12");
    expect(codeOfSignalId("SICK_LONG:12")).toBe("SICK_LONG");
    expect(codeOfSignalId("whatever")).toBeUndefined();
  });
});
