// Evaluates the signals of domain.md §4 that hold at D over the data in the database: the
// attendance rules per (pupil, school) unit, school by school, and the population rules.

import { setImmediate } from "node:timers/promises";
import type { SqlClient } from "../db/connect.ts";
import {
  activePupilIds,
  activePupilsBySchool,
  loadPopulationInput,
  loadSchoolCalendars,
  loadSchoolUnits,
} from "../db/queries/signal-inputs.ts";
import { regionSignalProfile } from "../db/repositories/region-settings.ts";
import type { IsoDate } from "../domain/calendar/dates.ts";
import { evaluatePopulation, evaluateUnit } from "../domain/signals/evaluate.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import { compareSignals } from "../domain/signals/signal.ts";
import type { Signal, SignalCode } from "../domain/signals/types.ts";

export interface SignalQuery {
  asOf: IsoDate;
  /** Only this school's signals (population signals have no school and are left out). */
  schoolId?: string;
  /** Only these schools' signals (population signals have no school and are left out). */
  schoolIds?: readonly string[];
  /**
   * Only the signals of these pupils and persons (the reach of who asks, src/access): only the
   * schools they attend are read, and only their rows — the work follows them, not the region.
   */
  pupilIds?: readonly string[];
  code?: SignalCode;
  profile?: SignalProfile;
}

/**
 * Evaluating a region takes seconds of this thread — on PGlite the database's work too, and
 * mostly there: reading a large school's attendance is one long synchronous step, and awaiting a
 * PGlite query need not let other requests in. So a school is read and evaluated in chunks of
 * pupils, with a turn of the event loop after each: a health check or a cached read waits for
 * one chunk, not for the region (issue 20; docs/performance.md).
 */
const PUPILS_PER_TURN = 200;
const turnOfEventLoop = () => setImmediate();

const POPULATION_CODES: ReadonlySet<SignalCode> = new Set(["ABSOLUTE", "EXEMPTION_5A_NO_ADVICE"]);

let unitsPupilsRead = 0;
/**
 * How many pupils' units evaluation has read in this process so far (tests: the work a request
 * caused, as a difference; a pupil at two schools counts twice).
 */
export function pupilsEvaluatedSoFar(): number {
  return unitsPupilsRead;
}

export async function evaluateSignalsAt(sql: SqlClient, query: SignalQuery): Promise<Signal[]> {
  // The region's profile unless the caller names one (a one-off CLI --profile).
  const profile = query.profile ?? (await regionSignalProfile(sql));
  const calendars = await loadSchoolCalendars(sql);
  const signals: Signal[] = [];
  const wantsUnits = !query.code || !POPULATION_CODES.has(query.code);
  const onlySchools = query.schoolId ? [query.schoolId] : query.schoolIds;
  if (wantsUnits) {
    const reached = query.pupilIds
      ? await activePupilsBySchool(sql, query.pupilIds, query.asOf)
      : undefined;
    for (const calendar of calendars.values()) {
      if (onlySchools && !onlySchools.includes(calendar.schoolId)) continue;
      if (reached && !reached.has(calendar.schoolId)) continue;
      const pupils =
        reached?.get(calendar.schoolId) ??
        (await activePupilIds(sql, calendar.schoolId, query.asOf));
      for (let from = 0; from < pupils.length; from += PUPILS_PER_TURN) {
        const chunk = pupils.slice(from, from + PUPILS_PER_TURN);
        unitsPupilsRead += chunk.length;
        for (const unit of await loadSchoolUnits(sql, calendar, query.asOf, chunk)) {
          for (const signal of evaluateUnit(unit, query.asOf, profile)) {
            if (!query.code || signal.code === query.code) signals.push(signal);
          }
        }
        await turnOfEventLoop();
      }
    }
  }
  const wantsPopulation = !onlySchools && (!query.code || POPULATION_CODES.has(query.code));
  if (wantsPopulation) {
    await turnOfEventLoop();
    const input = await loadPopulationInput(sql, query.pupilIds);
    for (const signal of evaluatePopulation(input, query.asOf)) {
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
