// domain.md §4: the public face of the signal core. Callers (CLI, jobs, HTTP) import from here.
export { isActiveOn } from "./absolute.ts";
export {
  evaluatePopulation,
  evaluateUnit,
  evaluateUnitAtDates,
  LOOKBACK_DAYS,
  schoolDaysFor,
} from "./evaluate.ts";
export {
  BUILT_IN_PROFILES,
  DEFAULT_PROFILE,
  defineProfile,
  MAZL_PROFILE,
  type ProfileResult,
  type RegionalProfileConfig,
  resolveProfile,
  type SignalProfile,
} from "./profiles.ts";
export { compareSignals } from "./signal.ts";
export * from "./types.ts";
