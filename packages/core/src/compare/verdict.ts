// A row's verdict: a change counts only when it is statistically significant (Holm-adjusted
// Mann–Whitney p below alpha) AND practically large (the median moved by at least the floor):
// two runs on one machine always differ a little, and with enough seconds the test alone
// would call that noise a change. Both are of the change relative to the row's peers (see
// run-shift.ts): a machine that ran the whole second run slower is not a slower endpoint.
import type { ChangeVerdict } from '../results/comparison.js';

/** How a change is judged (comparison.json's settings, in camel case). */
export interface ChangeRule {
  alpha: number;
  /** The practical floor on the median's change: 0.25 = 1.25× slower or 1/1.25× faster. */
  minRelativeChange: number;
  /** Fewer values than this on either side: not enough data. */
  minSamples: number;
  /** Judge each row against the drift of its peers (run-shift.ts); false: raw changes. */
  relativeToRun: boolean;
}

/** The defaults of `rota-perf compare` (measured with the A/A benchmark, docs/benchmarks.md). */
export const DEFAULT_CHANGE_RULE: ChangeRule = {
  alpha: 0.05,
  minRelativeChange: 0.25,
  minSamples: 5,
  relativeToRun: true,
};

/** What the verdict of one row is drawn from. */
export interface VerdictInput {
  baselineSamples: number;
  candidateSamples: number;
  /** The median latency's change relative to the peers' drift (raw when judged without). */
  medianChangeRelativeToRun: number | null;
  /** The Holm-adjusted p-value of the median latency's test. */
  adjustedP: number | null;
}

/** True when the adjusted p-value says the two distributions differ. */
export function isSignificant(adjustedP: number | null, rule: ChangeRule): boolean {
  return adjustedP !== null && adjustedP < rule.alpha;
}

/** Faster, slower, no significant change, or not enough data. */
export function verdictOf(input: VerdictInput, rule: ChangeRule): ChangeVerdict {
  if (Math.min(input.baselineSamples, input.candidateSamples) < rule.minSamples) {
    return 'not_enough_data';
  }
  const change = input.medianChangeRelativeToRun;
  if (change === null || !isSignificant(input.adjustedP, rule)) return 'no_significant_change';
  // The floor is on the ratio, so it is the same either way: 25 % slower is 1.25×, its mirror
  // 20 % faster is 1/1.25× (a run 30 % slower than another is the other 23 % faster).
  if (Math.abs(Math.log1p(change)) < Math.log1p(rule.minRelativeChange)) {
    return 'no_significant_change';
  }
  return change > 0 ? 'slower' : 'faster';
}
