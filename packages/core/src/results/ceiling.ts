// What a sweep's verdicts say about its ceiling, read the same way by the analysis that
// writes the results file and by the formatters that show it.
import type { SweepResult } from './summaries.js';

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
