import { describe, expect, it } from "vitest";
import {
  coordinator,
  directorActor,
  emptyConsent,
  sampleCase,
} from "../../../test/support/case-calendar.ts";
import { recordConsent } from "./consent.ts";
import { recordLadderStep } from "./ladder.ts";
import { openCase } from "./model.ts";
import {
  addParticipant,
  removeParticipant,
  restoreAfterConsent,
  setOwner,
  teamJoins,
} from "./participants.ts";
import { flagStagnation, resolveStagnation } from "./stagnation.ts";

const youthCare = {
  personId: "u-jt",
  role: "youth_care",
  organisation: "Jeugdteam Noord",
} as const;

describe("opening a case", () => {
  it("needs a reason by hand and a signal otherwise", () => {
    const base = {
      id: "c-2",
      pupilId: "P000002",
      schoolId: "99ZZ00",
      openedAt: "2026-01-05",
      absenceStartDate: "2026-01-05",
      owner: coordinator,
    };
    expect(openCase({ ...base, opening: { kind: "by_hand", reason: "" } })).toMatchObject({
      ok: false,
      error: "reason_required",
    });
    expect(openCase({ ...base, opening: { kind: "signals", signalIds: [] } })).toMatchObject({
      ok: false,
      error: "signals_required",
    });
    const opened = openCase({ ...base, opening: { kind: "signals", signalIds: ["s-1"] } });
    expect(opened).toMatchObject({
      ok: true,
      case: { phase: "SCHOOL", clockMode: "lesweken", owner: coordinator },
    });
  });
});

describe("participants and owner", () => {
  it("adds a partner only with consent (b) for that organisation", () => {
    const c = sampleCase();
    expect(addParticipant(c, youthCare, emptyConsent(), "2026-01-05")).toMatchObject({
      ok: false,
      error: "partner_consent_missing",
    });
    const consent = recordConsent(emptyConsent(), {
      id: "k1",
      purpose: "involve_partner",
      subject: "Jeugdteam Noord",
      decision: "given",
      giver: { kind: "parent", personId: "ouder-1" },
      at: "2026-01-05",
      recordedBy: "u-zc",
    });
    if (!consent.ok) throw new Error(consent.message);
    const added = addParticipant(c, youthCare, consent.file, "2026-01-05");
    expect(added.ok && added.case.participants.map((p) => p.personId)).toEqual(["u-zc", "u-jt"]);
    // The attendance officer joins by task, without consent (b).
    const lpa = {
      personId: "u-lpa",
      role: "attendance_officer",
      organisation: "gemeente Voorbeeld",
    } as const;
    expect(addParticipant(c, lpa, emptyConsent(), "2026-01-05").ok).toBe(true);
  });

  it("never leaves the case without owner", () => {
    const c = sampleCase();
    expect(removeParticipant(c, "u-zc", "2026-01-05")).toMatchObject({
      ok: false,
      error: "would_leave_without_owner",
    });
    const lpa = {
      personId: "u-lpa",
      role: "attendance_officer",
      organisation: "gemeente Voorbeeld",
    } as const;
    const withLpa = addParticipant(c, lpa, emptyConsent(), "2026-01-05");
    if (!withLpa.ok) throw new Error(withLpa.message);
    expect(setOwner(withLpa.case, "u-unknown")).toMatchObject({
      ok: false,
      error: "not_participant",
    });
    const handed = setOwner(withLpa.case, "u-lpa");
    if (!handed.ok) throw new Error(handed.message);
    const removed = removeParticipant(handed.case, "u-zc", "2026-01-06");
    expect(removed).toMatchObject({ ok: true, case: { owner: { personId: "u-lpa" } } });
    if (removed.ok)
      expect(removed.case.participants[0]).toMatchObject({ personId: "u-zc", until: "2026-01-06" });
  });
});

describe("the breakthrough team and consent (b) given again (§5)", () => {
  const team = "Doorbraakteam Voorbeeld";
  const member = { personId: "u-dbt", role: "breakthrough_member", organisation: team } as const;
  const lpa = { personId: "u-lpa", role: "attendance_officer", organisation: team } as const;
  const teamConsent = (decision: "given" | "withdrawn", at: string, file = emptyConsent()) => {
    const r = recordConsent(file, {
      id: `k-${decision}-${at}`,
      purpose: "involve_partner",
      subject: team,
      decision,
      giver: { kind: "parent", personId: "ouder-1" },
      at,
      recordedBy: "u-cr",
    });
    if (!r.ok) throw new Error(r.message);
    return r.file;
  };

  it("convening adds the members: partners only with consent (b) for the team", () => {
    const without = teamJoins(sampleCase(), [member, lpa], emptyConsent(), "2026-02-02");
    expect(without.joined).toEqual(["u-lpa"]);
    expect(without.withoutConsent).toEqual(["u-dbt"]);
    const withConsent = teamJoins(
      sampleCase(),
      [member, lpa],
      teamConsent("given", "2026-02-02"),
      "2026-02-02",
    );
    expect(withConsent.joined).toEqual(["u-dbt", "u-lpa"]);
    // Someone already in the case is left as they are.
    expect(teamJoins(withConsent.case, [member], emptyConsent(), "2026-02-03").joined).toEqual([]);
  });

  it("restores only the participations the withdrawal ended", () => {
    const joined = teamJoins(
      sampleCase(),
      [member, lpa],
      teamConsent("given", "2026-02-02"),
      "2026-02-02",
    );
    const byLaw = removeParticipant(joined.case, "u-dbt", "2026-02-03", "consent_withdrawn");
    if (!byLaw.ok) throw new Error(byLaw.message);
    const byHand = removeParticipant(byLaw.case, "u-lpa", "2026-02-03");
    if (!byHand.ok) throw new Error(byHand.message);
    const back = restoreAfterConsent(byHand.case, team, "2026-02-04");
    expect(back.restored).toEqual(["u-dbt"]);
    expect(back.case.participants.filter((p) => p.personId === "u-dbt")).toEqual([
      { ...member, since: "2026-02-02", until: "2026-02-03", endedBecause: "consent_withdrawn" },
      { ...member, since: "2026-02-04" },
    ]);
    // Another organisation's consent, or a second restore, brings nobody back.
    expect(restoreAfterConsent(byHand.case, "Jeugdteam Noord", "2026-02-04").restored).toEqual([]);
    expect(restoreAfterConsent(back.case, team, "2026-02-05").restored).toEqual([]);
  });
});

describe("stagnation and the ladder", () => {
  it("flags stagnation with a cause and resolves it without losing it", () => {
    const c = sampleCase();
    expect(
      flagStagnation(c, { id: "s1", cause: "other", note: "" }, directorActor, "2026-01-05"),
    ).toMatchObject({
      ok: false,
      error: "note_required",
    });
    const flagged = flagStagnation(
      c,
      { id: "s1", cause: "funding_dispute", note: "wie betaalt?" },
      directorActor,
      "2026-01-05",
    );
    if (!flagged.ok) throw new Error(flagged.message);
    const resolved = resolveStagnation(flagged.case, "s1", "2026-01-20");
    expect(resolved).toMatchObject({
      ok: true,
      case: { stagnationFlags: [{ cause: "funding_dispute", resolvedAt: "2026-01-20" }] },
    });
  });

  it("moves up the ladder only with a reason, down freely", () => {
    const c = sampleCase();
    const first = recordLadderStep(
      c,
      { situation: "simple", mode: "dialogue", reason: "" },
      directorActor,
      "2026-01-05",
    );
    if (!first.ok) throw new Error(first.message);
    expect(
      recordLadderStep(
        first.case,
        { situation: "complex", mode: "dialogue", reason: "" },
        directorActor,
        "2026-01-12",
      ),
    ).toMatchObject({ ok: false, error: "reason_required" });
    expect(
      recordLadderStep(
        first.case,
        { situation: "simple", mode: "co_creation", reason: " " },
        directorActor,
        "2026-01-12",
      ),
    ).toMatchObject({ ok: false, error: "reason_required" });
    const up = recordLadderStep(
      first.case,
      {
        situation: "stagnated",
        mode: "forcing_direction",
        reason: "geen zicht op oplossing binnen 3 maanden",
      },
      directorActor,
      "2026-02-01",
    );
    if (!up.ok) throw new Error(up.message);
    const down = recordLadderStep(
      up.case,
      { situation: "complicated", mode: "consultation", reason: "" },
      directorActor,
      "2026-03-01",
    );
    expect(down.ok && down.case.ladder.map((s) => s.mode)).toEqual([
      "dialogue",
      "forcing_direction",
      "consultation",
    ]);
  });
});
