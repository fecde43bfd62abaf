// Small pure statistics used by every tool of the kit (k6 bundles, Node, the browser report).

/**
 * The q-quantile (0..1) of the values, with linear interpolation between closest ranks
 * (the same definition k6 uses for p(N)). Returns NaN for an empty input.
 */
export function quantile(values: readonly number[], q: number, alreadySorted = false): number {
  if (values.length === 0) return Number.NaN;
  const sorted = alreadySorted ? values : [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] as number;
  const high = sorted[upper] as number;
  return low + (high - low) * (position - lower);
}

/** Arithmetic mean; NaN for an empty input. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Population standard deviation; NaN for an empty input. */
export function stddev(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) ** 2;
  return Math.sqrt(squares / values.length);
}

/** Least-squares slope of y over x; NaN when it is undefined (fewer than 2 distinct x). */
export function leastSquaresSlope(xs: readonly number[], ys: readonly number[]): number {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return Number.NaN;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - mx;
    num += dx * ((ys[i] as number) - my);
    den += dx * dx;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** a / b, or 0 when b is 0 or the result is not finite (the original benchmark's rule). */
export function safeRatio(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a / b;
  return Number.isFinite(r) ? r : 0;
}
