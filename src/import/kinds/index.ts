import type { ImportKind, KindSpec } from "../kind-spec.ts";
import { attendanceKind } from "./attendance.ts";
import { closuresKind } from "./closures.ts";
import { enrolmentsKind } from "./enrolments.ts";
import { exemptionsKind } from "./exemptions.ts";
import { populationKind } from "./population.ts";
import { pupilsKind } from "./pupils.ts";
import { schoolsKind } from "./schools.ts";

export const KIND_SPECS: Record<ImportKind, KindSpec> = {
  schools: schoolsKind,
  closures: closuresKind,
  pupils: pupilsKind,
  enrolments: enrolmentsKind,
  attendance: attendanceKind,
  population: populationKind,
  exemptions: exemptionsKind,
};
