import { describe, expect, it } from "vitest";
import type { CaseDetail } from "../../api/cases.ts";
import { ownerLabel } from "./people.ts";

const detail = (name: string | null) =>
  ({
    school_id: "15MK00",
    school_name: "IKC Het Kompas",
    owner: { person_id: "u1", role: "case_director", organisation: "Lindendaal" },
    participants: [{ person_id: "u1", role: "case_director", organisation: "Lindendaal", name }],
  }) as unknown as CaseDetail;

describe("ownerLabel", () => {
  it("names the owner with role and organisation", () => {
    expect(ownerLabel(detail("Anna de Boer"))).toBe("Anna de Boer, Casusregisseur – Lindendaal");
  });

  it("falls back to role and organisation when the name is unknown", () => {
    expect(ownerLabel(detail(null))).toBe("Casusregisseur – Lindendaal");
  });
});
