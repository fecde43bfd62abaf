// What a level is called where it is recorded: one definition for the writers (the sweep plan,
// the adaptive search's run record) and the readers (compare). A level's requests carry its
// scenario (`probe_50`) in a step sweep and in an adaptive level run alike, since each adaptive
// level is a run of the step bundle with a single level. The run record names a step sweep's
// level phases after that scenario, but an adaptive run's after the search phase and the rate
// (`step 50 RPS`, `confirm 50 RPS`): one rate can be run more than once there.
import type { RunPhase } from '@rota-perf/core';
import type { SearchPhase } from './search-types.js';

/** The name of a level's scenario: `probe_50`, `progress_300`. */
export function levelScenarioName(prefix: string, rate: number): string {
  return `${prefix}_${rate}`;
}

/** What an adaptive level run was: a search phase, or a level an interrupt cut short. */
export type LevelRunPhase = SearchPhase | 'interrupted';

/** The run-record phase of one adaptive level run: `step 50 RPS`, `confirm 45 RPS`. */
export function levelRunPhaseName(phase: LevelRunPhase, rate: number): string {
  return `${phase} ${rate} RPS`;
}

// The level runs that ran their whole duration; an interrupted one measured part of its level.
const FINISHED_PHASES: readonly SearchPhase[] = ['step', 'bisect', 'confirm', 'step-down'];

/** The level a run-record phase measured. */
export interface RecordedLevel {
  /** The level's scenario, which tags its requests in the series. */
  scenario: string;
  rate: number;
  /** The adaptive search phase of the run; null for a step sweep's level. */
  searchPhase: SearchPhase | null;
}

/**
 * The level a run-record phase measured in full, or null for any other phase (warm-up,
 * plateau, an interrupted level run). Names are rebuilt from the phase's rate and compared,
 * never parsed.
 */
export function recordedLevelOf(
  phase: Pick<RunPhase, 'name' | 'target_rps'>,
  prefix: string,
): RecordedLevel | null {
  const rate = phase.target_rps;
  if (rate === undefined) return null;
  const scenario = levelScenarioName(prefix, rate);
  if (phase.name === scenario) return { scenario, rate, searchPhase: null };
  const searchPhase = FINISHED_PHASES.find((p) => phase.name === levelRunPhaseName(p, rate));
  return searchPhase === undefined ? null : { scenario, rate, searchPhase };
}
