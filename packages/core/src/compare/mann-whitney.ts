// The two-sided Mann–Whitney U test (Wilcoxon rank-sum) and Holm's step-down correction: what
// `rota-perf compare` judges a change with. Rank-based, so it needs no normality and one slow
// second cannot dominate it; exact for small untied samples, else the normal approximation with
// tie and continuity corrections (as scipy.stats.mannwhitneyu, method "exact"/"asymptotic").
// Pure and k6-safe.

/** The result of a Mann–Whitney U test of sample `a` against sample `b`. */
export interface MannWhitneyResult {
  /** U of the first sample: pairs (x from a, y from b) with x > y, ties counting one half. */
  u: number;
  n1: number;
  n2: number;
  /** Two-sided p-value (1 when either sample is empty or every value is tied). */
  pValue: number;
  method: 'exact' | 'normal';
}

// Exact null distribution only while it stays cheap (n1·n2 ≤ 900 → ≤ ~1 M cells).
const EXACT_MAX_CELLS = 900;

/**
 * erfc(x) for x ≥ 0 with fractional error below 1.2e-7 everywhere (Numerical Recipes' Chebyshev
 * fit), so tiny p-values keep their relative precision.
 */
function erfc(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 +
                            t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(-x * x + poly);
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedNormalP(z: number): number {
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** Average ranks (1-based) of the pooled values, and Σ(t³ − t) over groups of ties. */
function rankPooled(values: readonly number[]): { ranks: number[]; tieTerm: number } {
  const order = values.map((v, i) => ({ v, i })).sort((x, y) => x.v - y.v);
  const ranks = new Array<number>(values.length);
  let tieTerm = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]?.v === order[start]?.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[(order[k] as { i: number }).i] = rank;
    const t = end - start + 1;
    tieTerm += t * t * t - t;
    start = end + 1;
  }
  return { ranks, tieTerm };
}

/**
 * P(U ≤ u) for every u, under the null hypothesis, without ties: the recurrence
 * p(n1, n2, u) = n1/(n1+n2)·p(n1−1, n2, u−n2) + n2/(n1+n2)·p(n1, n2−1, u), in probabilities so
 * nothing overflows.
 */
function exactCdf(n1: number, n2: number): number[] {
  // probs[i][j] = distribution of U for sizes (i, j), built up row by row.
  let previous: number[][] = [];
  for (let i = 0; i <= n1; i++) {
    const current: number[][] = [];
    for (let j = 0; j <= n2; j++) {
      if (i === 0 || j === 0) {
        current.push([1]);
        continue;
      }
      const dist = new Array<number>(i * j + 1).fill(0);
      const fromA = previous[j] as number[]; // (i−1, j): the largest value is from a, adds j
      const fromB = current[j - 1] as number[]; // (i, j−1): the largest is from b, adds 0
      for (let u = 0; u < fromA.length; u++) {
        dist[u + j] = (dist[u + j] as number) + ((fromA[u] as number) * i) / (i + j);
      }
      for (let u = 0; u < fromB.length; u++) {
        dist[u] = (dist[u] as number) + ((fromB[u] as number) * j) / (i + j);
      }
      current.push(dist);
    }
    previous = current;
  }
  const density = previous[n2] as number[];
  const cdf: number[] = [];
  let sum = 0;
  for (const p of density) {
    sum += p;
    cdf.push(sum);
  }
  return cdf;
}

/** Two-sided Mann–Whitney U test of `a` against `b`. */
export function mannWhitneyU(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  const n1 = a.length;
  const n2 = b.length;
  if (n1 === 0 || n2 === 0) return { u: 0, n1, n2, pValue: 1, method: 'normal' };
  const { ranks, tieTerm } = rankPooled([...a, ...b]);
  let rankSum = 0;
  for (let i = 0; i < n1; i++) rankSum += ranks[i] as number;
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const n = n1 + n2;
  if (tieTerm === 0 && n1 * n2 <= EXACT_MAX_CELLS) {
    const cdf = exactCdf(n1, n2);
    // U is symmetric about n1·n2/2: the two-sided p doubles the smaller tail.
    const low = cdf[Math.floor(u)] as number;
    const high = 1 - (u >= 1 ? (cdf[Math.floor(u) - 1] as number) : 0);
    return { u, n1, n2, pValue: Math.min(1, 2 * Math.min(low, high)), method: 'exact' };
  }
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, n1, n2, pValue: 1, method: 'normal' };
  const distance = Math.abs(u - (n1 * n2) / 2);
  // Continuity correction: half a step towards the mean, never past it.
  const z = Math.max(0, distance - 0.5) / Math.sqrt(variance);
  return { u, n1, n2, pValue: twoSidedNormalP(z), method: 'normal' };
}

/**
 * Holm's step-down adjustment of a family of p-values (null entries are not tests and stay
 * null): the i-th smallest is multiplied by (m − i), made monotone, capped at 1. Controls the
 * chance of any false positive in the family at alpha without assuming independence.
 */
export function holmAdjust(pValues: readonly (number | null)[]): (number | null)[] {
  const tests = pValues
    .map((p, i) => ({ p, i }))
    .filter((x): x is { p: number; i: number } => x.p !== null)
    .sort((x, y) => x.p - y.p);
  const adjusted: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tests.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (tests.length - k) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
