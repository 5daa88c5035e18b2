// Checks that a read is in the audit trail (issue 12: every allowed read is logged, every refusal
// too): one new row of `action` for the reader, allowed, naming the route, the method and the
// rule's reason; one new denied row for a refused reader.
import { expect } from "vitest";
import type { Orm } from "../../src/db/connect.ts";
import { listAudit } from "../../src/db/repositories/audit.ts";

interface Reader {
  userId: string;
  /** Sends the read; answers the status code. */
  read: () => Promise<number>;
}

export async function expectReadAudited(
  orm: Orm,
  expected: { action: string; resourceType: string; route: string; role: string },
  readers: { allowed: Reader; refused: Reader },
): Promise<void> {
  const rowsOf = async (userId: string) =>
    (await listAudit(orm, { userId, limit: 100 })).filter((a) => a.action === expected.action);

  const before = (await rowsOf(readers.allowed.userId)).length;
  expect(await readers.allowed.read()).toBe(200);
  const after = await rowsOf(readers.allowed.userId);
  expect(after).toHaveLength(before + 1);
  expect(after[0]).toMatchObject({
    resourceType: expected.resourceType,
    outcome: "allowed",
    role: expected.role,
    pupilId: null,
  });
  expect(after[0]?.context).toMatchObject({
    route: expected.route,
    method: "GET",
    reason: expect.any(String),
  });

  const deniedBefore = (await rowsOf(readers.refused.userId)).length;
  expect(await readers.refused.read()).toBe(403);
  const denied = await rowsOf(readers.refused.userId);
  expect(denied).toHaveLength(deniedBefore + 1);
  expect(denied[0]).toMatchObject({ outcome: "denied" });
}
