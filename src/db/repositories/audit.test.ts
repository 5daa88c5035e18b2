import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { type AuditEvent, appendAudit } from "../../access/index.ts";
import type { Database } from "../connect.ts";
import { listAudit } from "./audit.ts";
import { createUser } from "./users.ts";

describe.each(engines())("audit log on $name", (engine) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await engine.fresh());
  });
  afterAll(() => dispose());

  const entry = (pupilId: string, outcome: AuditEvent["outcome"]): AuditEvent => ({
    userId: null,
    role: "teacher",
    action: "read_pupil",
    resourceType: "pupil",
    resourceId: pupilId,
    pupilId,
    context: { route: "/api/pupils/:pupil_id", method: "GET" },
    outcome,
  });

  it("lists a pupil's trail newest first with the actor's e-mail", async () => {
    const user = await createUser(db.orm, { email: "t@x.example", name: "T", roles: [] });
    await appendAudit(db.orm, { ...entry("P1", "allowed"), userId: user.id });
    await appendAudit(db.orm, entry("P2", "allowed"));
    await appendAudit(db.orm, { ...entry("P1", "denied"), userId: user.id });
    const rows = await listAudit(db.orm, { pupilId: "P1", limit: 10 });
    expect(rows.map((r) => [r.outcome, r.userEmail])).toEqual([
      ["denied", "t@x.example"],
      ["allowed", "t@x.example"],
    ]);
    const older = await listAudit(db.orm, { pupilId: "P1", beforeId: rows[0]!.id, limit: 10 });
    expect(older.map((r) => r.outcome)).toEqual(["allowed"]);
  });

  it("refuses to change or remove a row, even through plain SQL", async () => {
    await appendAudit(db.orm, entry("P3", "allowed"));
    await expect(db.sql.query("update audit_log set outcome = 'denied'")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.sql.query("delete from audit_log")).rejects.toThrow(/append-only/);
    const rows = await listAudit(db.orm, { pupilId: "P3", limit: 10 });
    expect(rows.map((r) => r.outcome)).toEqual(["allowed"]);
  });
});
