import { describe, expect, it } from "vitest";
import { pupilIdsFromCsv } from "./csv-list.ts";

describe("pupilIdsFromCsv", () => {
  it("reads the pupil_id column of a ';' file with a BOM, quotes and other columns", () => {
    const csv =
      '\uFEFFnaam;pupil_id;opmerking\r\n"Jansen; Piet";P000001;x\r\n;P000002;\r\n\r\n;P000001;dubbel\r\n';
    expect(pupilIdsFromCsv(csv)).toEqual(["P000001", "P000002"]);
  });

  it("reads a ',' file and a Dutch header", () => {
    expect(pupilIdsFromCsv("Leerlingnummer,school\nP000009,12AB00\n")).toEqual(["P000009"]);
  });

  it("says so when there is no id column", () => {
    expect(pupilIdsFromCsv("naam;school\nPiet;12AB00\n")).toBeNull();
    expect(pupilIdsFromCsv("")).toBeNull();
  });
});
