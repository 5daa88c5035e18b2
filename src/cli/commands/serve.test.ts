import { describe, expect, it } from "vitest";
import { engines } from "../../../test/support/databases.ts";
import { createUser } from "../../db/repositories/users.ts";
import { BadInputError } from "../errors.ts";
import { refuseDemoAccounts } from "./serve.ts";

describe.each(engines())("serve's demo-account guard on $name", (engine) => {
  it("refuses demo accounts only on a PostgreSQL server and only without the flag", async () => {
    const { db, dispose } = await engine.fresh();
    try {
      await createUser(db.orm, { email: "beheer@gemeente.example", name: "Echt", roles: [] });
      await expect(refuseDemoAccounts(db, false)).resolves.toBeUndefined();
      await createUser(db.orm, { email: "beheer@demo.aanwezig.nl", name: "Demo", roles: [] });
      const refusal = refuseDemoAccounts(db, false);
      if (engine.name === "postgres") {
        await expect(refusal).rejects.toBeInstanceOf(BadInputError);
        await expect(refuseDemoAccounts(db, false)).rejects.toThrow(/--allow-demo-accounts/);
      } else {
        // The embedded database is the one `demo` makes locally: demo accounts belong there.
        await expect(refusal).resolves.toBeUndefined();
      }
      await expect(refuseDemoAccounts(db, true)).resolves.toBeUndefined();
    } finally {
      await dispose();
    }
  });
});
