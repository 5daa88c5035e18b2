// domain.md §4 "A signal is a state, evaluated daily by a job and on demand": the daily run
// evaluates the signals at D, moves every affected (pupil, school, code) through the state
// machine of src/domain/signals/state.ts and keeps each change. `incremental` evaluates only the
// candidates of signal-state-candidates.ts and is, by construction, the same as `full`
// (docs/signals.md "Signal state"; proven by signal-state.test.ts on both engines).
import type { Database } from "../db/connect.ts";
import { activePupilsBySchool, loadSchoolCalendars } from "../db/queries/signal-inputs.ts";
import { regionSignalProfile } from "../db/repositories/region-settings.ts";
import { dayNumber, type IsoDate } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { evaluatePopulation, evaluateUnit } from "../domain/signals/evaluate.ts";
import { crossesSchoolYear } from "../domain/signals/incremental.ts";
import type { SignalProfile } from "../domain/signals/profiles.ts";
import type { Signal } from "../domain/signals/types.ts";
import { type ClaimedChange, findCandidates, unitKey } from "./signal-state-candidates.ts";
import { loadPopulationFor } from "./signal-state-inputs.ts";
import { loadLiveStates, stateKey, writeHeldSpans, writeStates } from "./signal-state-store.ts";
import { planWrites } from "./signal-state-writes.ts";
import {
  encodeUnitInputs,
  type KeptUnitWrites,
  loadSchoolUnitsKeptOrRead,
  type SchoolUnits,
  writeKeptUnits,
} from "./signal-unit-inputs.ts";

export type EvaluationMode = "full" | "incremental";

export interface DailyEvaluationOptions {
  mode: EvaluationMode;
  profile?: SignalProfile;
  actor?: string;
}

export interface DailyEvaluationResult {
  runId: number;
  asOf: IsoDate;
  mode: EvaluationMode;
  /** What ran: an incremental request runs full when there is no usable previous run. */
  modeRun: EvaluationMode;
  fullReason: string | null;
  unitsEvaluated: number;
  /** Of those, units evaluated from their kept inputs instead of their rows (issue 19). */
  unitsFromKept: number;
  /** Units whose inputs were kept at this run for the next ones. */
  unitsKept: number;
  personsEvaluated: number;
  holding: number;
  raised: number;
  resolved: number;
  transitions: number;
  /** Rows of signal_states inserted or updated: not every held signal (planWrites). */
  statesWritten: number;
  /** Rows of signal_held_spans written: spans opened plus spans closed (not every held signal). */
  spansWritten: number;
  /**
   * Live states whose unit or person was not evaluated, and of those the ones resolved: in an
   * incremental run mostly those left to the calendar; in any run also units without an
   * enrolment active at D.
   */
  liveNotEvaluated: number;
  resolvedNotEvaluated: number;
  ms: { claim: number; candidates: number; load: number; evaluate: number; write: number };
}

/** Schools whose units are read at once (the pool has 10 connections; PGlite runs them in turn). */
const SCHOOLS_IN_FLIGHT = 3;

/** Serialises runs with the data transactions whose triggers record changes (see 0006). */
const CHANGE_LOCK = 724201;

interface Claim {
  runId: number;
  previous: {
    id: number;
    asOf: IsoDate;
    profile: string;
    finished: boolean;
    heldRecorded: boolean;
  } | null;
  changes: ClaimedChange[];
}

async function claimChanges(
  db: Database,
  asOf: IsoDate,
  mode: EvaluationMode,
  profile: string,
  actor: string,
): Promise<Claim> {
  return db.transaction(async (tx) => {
    await tx.query("select pg_advisory_xact_lock($1)", [CHANGE_LOCK]);
    const [last] = await tx.query<{
      id: string;
      as_of: string;
      profile: string;
      finished: boolean;
      held_recorded: boolean;
    }>(
      `select id, as_of::text, profile, finished_at is not null as finished, held_recorded
       from evaluation_runs order by id desc limit 1`,
    );
    const [run] = await tx.query<{ id: string }>(
      `insert into evaluation_runs (as_of, mode, profile, actor) values ($1, $2, $3, $4)
       returning id`,
      [asOf, mode, profile, actor],
    );
    // The claimed changes are kept with the run: the monitor at a past date needs what changed
    // after the run that evaluated it (services/monitor-held.ts).
    const changes = await tx.query<ClaimedChange>(
      `with claimed as (delete from signal_input_changes
                        returning kind, pupil_id, school_id, on_date),
            kept as (insert into signal_change_log (run_id, kind, pupil_id, school_id, on_date)
                     select $1, kind, pupil_id, school_id, on_date from claimed)
       select kind, pupil_id, school_id from claimed`,
      [run!.id],
    );
    return {
      runId: Number(run!.id),
      previous: last
        ? {
            id: Number(last.id),
            asOf: last.as_of,
            profile: last.profile,
            finished: last.finished,
            heldRecorded: last.held_recorded,
          }
        : null,
      changes,
    };
  });
}

function whyFull(claim: Claim, asOf: IsoDate, profile: string): string | null {
  const p = claim.previous;
  if (!p) return "no previous run";
  if (!p.finished) return "the previous run did not finish";
  if (p.profile !== profile) return "the profile changed";
  if (p.asOf > asOf) return "D lies before the previous run";
  if (crossesSchoolYear(dayNumber(p.asOf), dayNumber(asOf))) return "a new school year";
  if (claim.changes.some((c) => c.kind === "all")) return "calendars or whole tables changed";
  return null;
}

export async function runDailyEvaluation(
  db: Database,
  asOf: IsoDate,
  options: DailyEvaluationOptions,
): Promise<DailyEvaluationResult> {
  // The region's profile unless the caller names one (domain.md §4; src/domain/region).
  const profile = options.profile ?? (await regionSignalProfile(db.sql));
  const actor = options.actor ?? "system:daily-evaluation";
  let clock = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - clock);
    clock = now;
    return ms;
  };
  const claim = await claimChanges(db, asOf, options.mode, profile.name, actor);
  const claimMs = lap();
  const fullReason = options.mode === "full" ? "asked" : whyFull(claim, asOf, profile.name);
  const modeRun: EvaluationMode = fullReason === null ? "incremental" : "full";

  const calendars = await loadSchoolCalendars(db.sql);
  const candidates =
    modeRun === "incremental"
      ? await findCandidates(db.sql, claim.previous!.asOf, asOf, claim.changes, calendars, profile)
      : null;
  const candidatesMs = lap();

  // Pupils to evaluate everywhere, at the schools where they are enrolled at D (one query, not
  // every such pupil in every school's queries: that grew with pupils × schools).
  const everywhere = candidates
    ? await activePupilsBySchool(db.sql, [...candidates.pupilsEverywhere], asOf)
    : null;
  // Units, per school; all of them in a full run. The schools' reads are pipelined (a few in
  // flight on the pool while this process evaluates the school before), and each school's units
  // are evaluated in school order and dropped, so the database and the rules overlap and only a
  // few schools' rows are in memory at once.
  const jobs: { calendar: SchoolCalendar; pupilIds: string[] | undefined }[] = [];
  for (const calendar of calendars.values()) {
    let pupilIds: string[] | undefined;
    if (candidates) {
      const set = candidates.units.get(calendar.schoolId);
      if (set !== "all") {
        pupilIds = [...new Set([...(set ?? []), ...(everywhere?.get(calendar.schoolId) ?? [])])];
        if (pupilIds.length === 0) continue;
      }
    }
    jobs.push({ calendar, pupilIds });
  }
  // A unit whose records did not change since the run that kept its inputs is read from them
  // (signal-unit-inputs.ts): in an incremental run, for the units listed per school.
  const unchanged = (pupilId: string, schoolId: string) =>
    candidates !== null &&
    !candidates.changedUnits.has(unitKey(pupilId, schoolId)) &&
    !candidates.changedPupils.has(pupilId);
  const inFlight: Promise<SchoolUnits>[] = [];
  const startNext = () => {
    const job = jobs[inFlight.length];
    if (!job) return;
    const read = loadSchoolUnitsKeptOrRead(db.sql, job.calendar, asOf, job.pupilIds, unchanged);
    read.catch(() => undefined); // awaited in order below; not an unhandled rejection meanwhile
    inFlight.push(read);
  };
  for (let i = 0; i < SCHOOLS_IN_FLIGHT; i++) startNext();
  const holding = new Map<string, Signal>();
  const evaluated = new Set<string>();
  const kept: KeptUnitWrites = {
    forgetAll: candidates === null,
    forgetUnits: [],
    forgetPupils: candidates ? [...candidates.changedPupils] : [],
    forgetSchools: [],
    keep: [],
  };
  // A loop, not push(...): a national day lists hundreds of thousands of changed units.
  for (const unit of candidates?.changedUnits.values() ?? []) kept.forgetUnits.push(unit);
  let unitsFromKept = 0;
  let evaluateUnitsMs = 0;
  for (let i = 0; i < jobs.length; i++) {
    const school = await inFlight[i]!;
    startNext();
    const t0 = performance.now();
    unitsFromKept += school.kept;
    for (let u = 0; u < school.units.length; u++) {
      const unit = school.units[u]!;
      const pupilId = unit.pupil.id;
      const schoolId = unit.calendar.schoolId;
      evaluated.add(unitKey(pupilId, schoolId));
      const signals = evaluateUnit(unit, asOf, profile);
      for (const s of signals) holding.set(stateKey(s.pupilId, s.schoolId, s.code), s);
      // Kept for the next runs: the inputs just read of a unit that holds a signal (it is
      // evaluated again tomorrow); a unit that holds nothing any longer is forgotten.
      const fromKept = u < school.kept;
      if (signals.length > 0 && !fromKept) {
        kept.keep.push({ schoolId, pupilId, inputs: encodeUnitInputs(unit) });
      } else if (signals.length === 0 && fromKept) {
        kept.forgetUnits.push({ schoolId, pupilId });
      }
    }
    // A school evaluated whole in an incremental run: its kept inputs are read again (and kept
    // again where a signal holds), so all of them go.
    if (candidates && !jobs[i]!.pupilIds) kept.forgetSchools.push(jobs[i]!.calendar.schoolId);
    evaluateUnitsMs += performance.now() - t0;
  }
  const unitsEvaluated = evaluated.size;
  const keptWritten = kept.keep.length;
  const population = await loadPopulationFor(db.sql, candidates ? candidates.persons : "all");
  const live = await loadLiveStates(db.sql);
  const loadMs = Math.max(0, lap() - Math.round(evaluateUnitsMs));

  for (const s of evaluatePopulation(population, asOf)) {
    holding.set(stateKey(s.pupilId, s.schoolId, s.code), s);
  }
  const writes = planWrites(holding, live, asOf, calendars);
  for (const p of population.persons) evaluated.add(unitKey(p.id, ""));
  const resolvedIds = new Set(
    writes.updates.filter((u) => u.status === "resolved").map((u) => u.id),
  );
  let liveNotEvaluated = 0;
  let resolvedNotEvaluated = 0;
  for (const state of live.values()) {
    if (evaluated.has(unitKey(state.pupilId, state.schoolId))) continue;
    liveNotEvaluated++;
    if (resolvedIds.has(state.id)) resolvedNotEvaluated++;
  }
  const evaluateMs = lap() + Math.round(evaluateUnitsMs);

  const { n: transitions, spansWritten } = await db.transaction(async (tx) => {
    const n = await writeStates(tx, writes, actor, claim.runId);
    await writeKeptUnits(tx, kept, asOf);
    // The spans go on from the last run that FINISHED: a run killed before it finished wrote no
    // spans (they are written here, with its finish), so continuing from it (the newest run) would
    // start every held signal's span again beside the open one.
    const [lastFinished] = await tx.query<{ id: string; as_of: string; held_recorded: boolean }>(
      `select r.id::text as id, r.as_of::text as as_of, r.held_recorded from evaluation_runs r
       where r.finished_at is not null and r.id < $1 order by r.id desc limit 1`,
      [claim.runId],
    );
    const spans = await writeHeldSpans(
      tx,
      holding,
      claim.runId,
      asOf,
      lastFinished
        ? {
            id: Number(lastFinished.id),
            asOf: lastFinished.as_of,
            heldRecorded: lastFinished.held_recorded,
          }
        : null,
    );
    const counts = {
      holding: holding.size,
      raised: writes.inserts.length,
      resolved: resolvedIds.size,
      transitions: n,
      full_reason: fullReason,
    };
    await tx.query(
      `update evaluation_runs set finished_at = now(), mode_run = $2, units_evaluated = $3,
              persons_evaluated = $4, counts = $5::jsonb, held_recorded = true where id = $1`,
      [claim.runId, modeRun, unitsEvaluated, population.persons.length, JSON.stringify(counts)],
    );
    return { n, spansWritten: spans.opened + spans.closed };
  });
  const writeMs = lap();
  return {
    runId: claim.runId,
    asOf,
    mode: options.mode,
    modeRun,
    fullReason,
    unitsEvaluated,
    unitsFromKept,
    unitsKept: keptWritten,
    personsEvaluated: population.persons.length,
    holding: holding.size,
    raised: writes.inserts.length,
    resolved: resolvedIds.size,
    transitions,
    statesWritten: writes.inserts.length + writes.updates.length,
    spansWritten,
    liveNotEvaluated,
    resolvedNotEvaluated,
    ms: {
      claim: claimMs,
      candidates: candidatesMs,
      load: loadMs,
      evaluate: evaluateMs,
      write: writeMs,
    },
  };
}
