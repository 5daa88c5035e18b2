import { describe, expect, it } from "vitest";
import { formatOrganisation, formatPupil, formatSchool } from "./names.ts";

describe("names where people read", () => {
  it("shows a pupil's name with the number", () => {
    expect(formatPupil({ pupil_id: "P000123", pupil_name: "Sanne de Vries" })).toBe(
      "Sanne de Vries (P000123)",
    );
  });

  it("shows a school's name with the BRIN code", () => {
    expect(formatSchool({ school_id: "12AB00", school_name: "De Linde" })).toBe(
      "De Linde (12AB00)",
    );
  });

  it("shows the case school among organisations by name, other organisations as they are", () => {
    const school = { school_id: "12AB00", school_name: "De Linde" };
    expect(formatOrganisation("12AB00", school)).toBe("De Linde (12AB00)");
    expect(formatOrganisation("Leerplicht Zandstad", school)).toBe("Leerplicht Zandstad");
    expect(formatOrganisation("12AB00")).toBe("12AB00");
  });

  it("falls back to the bare id without a name, and to nothing without either", () => {
    expect(formatPupil({ pupil_id: "P000123" })).toBe("P000123");
    expect(formatSchool({ school_id: "12AB00", school_name: " " })).toBe("12AB00");
    expect(formatSchool({ school_id: "" })).toBe("");
  });
});
