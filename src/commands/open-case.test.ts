// One open case per pupil (issue 20 item 8b): the command refuses a second one, and when two
// requests race past that check, the database's partial unique index lets only one in.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf, seedCaseRegion, userWith } from "../../test/support/case-region.ts";
import { engines } from "../../test/support/databases.ts";
import type { Database } from "../db/connect.ts";
import { insertCase } from "../db/repositories/cases.ts";
import { isUniqueViolation } from "../db/unique-violation.ts";
import { openCase } from "../domain/cases/model.ts";
import { type OpenCaseInput, openCaseCommand } from "./open-case.ts";

const TODAY = "2026-03-02";
const ROLES = [{ role: "care_coordinator", schoolId: "99ZZ00" }];

describe.each(engines())("opening a case on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  let actor: ReturnType<typeof actorOf>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
    await seedCaseRegion(db);
    actor = actorOf(await userWith(db, "zc@voorbeeld.example", ROLES), ROLES);
  });
  afterAll(() => dispose());

  const input = (pupilId: string): OpenCaseInput => ({
    pupilId,
    opening: { kind: "by_hand", reason: "de mentor maakt zich zorgen" },
    absenceStartDate: "2026-02-02",
  });
  /** A case opened by hand outside the command, for the database to hold beside its own. */
  const caseBeside = (id: string, pupilId: string, reason: string) => {
    const made = openCase({
      id,
      pupilId,
      schoolId: "99ZZ00",
      openedAt: TODAY,
      opening: { kind: "by_hand", reason },
      absenceStartDate: "2026-02-02",
      owner: { personId: actor.userId, role: "care_coordinator", organisation: "99ZZ00" },
    });
    if (!made.ok) throw new Error(made.message);
    return made.case;
  };

  it("refuses a second open case for the pupil, naming the first", async () => {
    const first = await openCaseCommand(db, actor, input("P000001"), TODAY);
    if (!first.ok) throw new Error(first.message);
    const second = await openCaseCommand(db, actor, input("P000001"), TODAY);
    expect(second).toMatchObject({
      ok: false,
      error: "case_already_open",
      existingCaseId: first.case.id,
    });
  });

  it.skipIf(engine.name !== "postgres")(
    "answers the loser of a race with the winner's case, not an error",
    async () => {
      const winner = caseBeside("winnaar", "P000002", "gelijktijdig geopend");
      let loser: ReturnType<typeof openCaseCommand> | undefined;
      await db.transaction(async (tx) => {
        await insertCase(tx.orm, winner);
        // Not committed yet: the command finds no open case, and its insert waits on the index.
        loser = openCaseCommand(db, actor, input("P000002"), TODAY);
        await sleep(500);
      });
      expect(await loser).toMatchObject({
        ok: false,
        error: "case_already_open",
        existingCaseId: "winnaar",
      });
    },
  );

  it("recognises the index's refusal on this engine", async () => {
    const again = caseBeside("nog-een", "P000001", "buiten het commando om");
    const error = await insertCase(db.orm, again).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error, "cases_one_open_per_pupil_idx")).toBe(true);
    expect(isUniqueViolation(error, "some_other_idx")).toBe(false);
  });
});
