// Evaluates the signals of domain.md §4 that hold at D over the data in the database: the
// attendance rules per (pupil, school) unit, school by school, and the population rules.

import type { SqlClient } from "../db/connect.ts";
import {
  loadPopulationInput,
  loadSchoolCalendars,
  loadSchoolUnits,
} from "../db/queries/signal-inputs.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { evaluatePopulation, evaluateUnit } from "../domain/signals/evaluate.ts";
import { DEFAULT_PROFILE, type SignalProfile } from "../domain/signals/profiles.ts";
import { compareSignals } from "../domain/signals/signal.ts";
import type { Signal, SignalCode } from "../domain/signals/types.ts";

export interface SignalQuery {
  asOf: IsoDate;
  /** Only this school's signals (population signals have no school and are left out). */
  schoolId?: string;
  code?: SignalCode;
  profile?: SignalProfile;
}

const POPULATION_CODES: ReadonlySet<SignalCode> = new Set(["ABSOLUTE", "EXEMPTION_5A_NO_ADVICE"]);

export async function evaluateSignalsAt(sql: SqlClient, query: SignalQuery): Promise<Signal[]> {
  const profile = query.profile ?? DEFAULT_PROFILE;
  const calendars = await loadSchoolCalendars(sql);
  const signals: Signal[] = [];
  const wantsUnits = !query.code || !POPULATION_CODES.has(query.code);
  if (wantsUnits) {
    for (const calendar of calendars.values()) {
      if (query.schoolId && calendar.schoolId !== query.schoolId) continue;
      for (const unit of await loadSchoolUnits(sql, calendar, query.asOf)) {
        for (const signal of evaluateUnit(unit, query.asOf, profile)) {
          if (!query.code || signal.code === query.code) signals.push(signal);
        }
      }
    }
  }
  const wantsPopulation = !query.schoolId && (!query.code || POPULATION_CODES.has(query.code));
  if (wantsPopulation) {
    for (const signal of evaluatePopulation(await loadPopulationInput(sql), query.asOf)) {
      if (!query.code || signal.code === query.code) signals.push(signal);
    }
  }
  return signals.sort(compareSignals);
}

/** The JSON element of interfaces.md ("Signal output"). */
export function presentSignal(signal: Signal) {
  return {
    pupil_id: signal.pupilId,
    school_id: signal.schoolId,
    code: signal.code,
    as_of: signal.asOf,
    evidence: signal.evidence,
    attributes: signal.attributes,
  };
}
