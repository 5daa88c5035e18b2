// What one daily run writes to signal_states (domain.md §4 "A signal is a state"): the state
// machine of src/domain/signals/state.ts over every key that holds at D or has a live state,
// writing only the rows that change (issue 19).
import type { IsoDate } from "../domain/calendar/dates.ts";
import type { SchoolCalendar } from "../domain/calendar/school-calendar.ts";
import { nextSignalState } from "../domain/signals/state.ts";
import type { Signal } from "../domain/signals/types.ts";
import { canonicalJson, type StateWrites, type StoredState } from "./signal-state-store.ts";

/**
 * The state machine over every key that holds now or has a live state. In an incremental run a
 * live state outside the evaluated units did not hold at the previous run and cannot hold at D
 * (domain/signals/incremental.ts): it takes the not-holding step, resolved or not by the
 * calendar alone.
 *
 * What is written (issue 19): a state that held at the previous run (`held`) and holds again
 * with the same attributes is not written at all — its last held date is derived from the run's
 * date (lastHeldOnSql) and its evidence stays that of the run at which it was raised, began to
 * hold again or changed its attributes. A row is written when it is raised, starts or stops
 * holding, changes its attributes or its status, or when a run back-dated before an earlier one
 * would otherwise derive an earlier date than the one it held at.
 */
export function planWrites(
  holding: ReadonlyMap<string, Signal>,
  live: ReadonlyMap<string, StoredState>,
  asOf: IsoDate,
  calendars: ReadonlyMap<string, SchoolCalendar>,
): StateWrites {
  const writes: StateWrites = { inserts: [], updates: [] };
  for (const [key, signal] of holding) {
    const previous = live.get(key) ?? null;
    const step = nextSignalState(previous, signal, true, asOf, null);
    if (!previous) {
      if (step.kind === "changed" && step.transition) {
        writes.inserts.push({
          state: step.state,
          evidence: signal.evidence,
          attributes: signal.attributes,
          transition: step.transition,
        });
      }
      continue;
    }
    const state = step.state ?? previous;
    // What a reader derives once this run is the latest finished one, if nothing is written.
    const derived = previous.storedLastHeldOn > asOf ? previous.storedLastHeldOn : asOf;
    const newAttributes = canonicalJson(signal.attributes) !== previous.attributes;
    if (previous.held && derived === state.lastHeldOn && !newAttributes) continue;
    writes.updates.push({
      id: previous.id,
      status: state.status,
      lastHeldOn: state.lastHeldOn,
      held: true,
      resolvedOn: state.resolvedOn,
      evidence: signal.evidence,
      attributes: signal.attributes,
      transition: step.kind === "changed" ? step.transition : null,
    });
  }
  for (const [key, previous] of live) {
    if (holding.has(key)) continue;
    const calendar = previous.schoolId ? (calendars.get(previous.schoolId) ?? null) : null;
    const step = nextSignalState(previous, previous, false, asOf, calendar);
    // A state that stops holding is written once: its last held date is then kept as it is.
    if (step.kind === "unchanged" && !previous.held) continue;
    const state = step.state ?? previous;
    writes.updates.push({
      id: previous.id,
      status: state.status,
      lastHeldOn: state.lastHeldOn,
      held: false,
      resolvedOn: state.resolvedOn,
      transition: step.kind === "changed" ? step.transition : null,
    });
  }
  return writes;
}
