// What a sweep's verdicts say about its ceiling, read the same way by the analysis that
// writes the results file and by the formatters that show it.
import type { LevelCause, SweepResult } from './summaries.js';

/** True when the reported ceiling is only a floor: saturated generator, or nothing failed. */
export function isCeilingLowerBound(result: SweepResult): boolean {
  if (result.generatorSaturated) return true;
  const top = result.levels.reduce((m, l) => Math.max(m, l.targetRps), Number.NEGATIVE_INFINITY);
  return (
    result.levels.length > 0 &&
    result.levels.every((l) => l.passed) &&
    result.highestPassingTarget === top
  );
}

/** Each cause in a few words: the start of a failing level's reason, and table cells. */
export const LEVEL_CAUSE_LABEL: Readonly<Record<LevelCause, string>> = {
  system_failing: 'system failing',
  vu_pool_exhausted: 'system slowed until the VU pool ran out',
  generator_saturated: 'load generator saturated',
  rate_not_reached: 'rate not reached',
  no_data: 'no data',
};

/** What the ceiling means, given what held back the first failing level above it. */
export const CEILING_LIMIT_TEXT: Readonly<Record<LevelCause, string>> = {
  system_failing:
    'Above it the system under test failed (errors over the tolerance or p95 over the SLO).',
  vu_pool_exhausted:
    "Above it the system under test slowed down until the VU pool ran out (rate × latency > maxVUs, Little's law): the ceiling holds for this pool; raise maxVUs to find where the system fails.",
  generator_saturated:
    'Above it the load generator, not the system, was the limit: the figure is a floor, not the ceiling of the system under test.',
  rate_not_reached:
    'Above it the target rate was not reached, for the reason the first failing level gives (neither the system nor the generator is proven the limit).',
  no_data: 'Above it a level has no data.',
};
