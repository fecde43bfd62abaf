import { type BenchCase, defineCase } from './define-case.js';

/** Name of the calibration case that times an empty function (pure harness cost). */
export const CALIBRATION_EMPTY = 'calibration.empty_function';
/** Name of the calibration case that times a trivial query (driver + round-trip floor). */
export const CALIBRATION_QUERY = 'calibration.trivial_query';

/**
 * Cases that measure the harness itself: an empty function shows what timing a call costs,
 * a trivial query (e.g. `SELECT 1`) the floor under which no repository case can go. Run
 * them like any other case; they are reported apart from the real cases.
 */
export function defineCalibrationCases(trivialQuery?: () => Promise<unknown>): BenchCase[] {
  const cases = [defineCase(CALIBRATION_EMPTY, () => undefined)];
  if (trivialQuery !== undefined) cases.push(defineCase(CALIBRATION_QUERY, () => trivialQuery()));
  return cases;
}
