import { type DbBenchCaseResult, mean, quantile, safeRatio, stddev } from '@rota-perf/core';

/** The raw measurements of one case, before they are reduced to statistics. */
export interface CaseSamples {
  name: string;
  /** Duration of every measured call, milliseconds, in the order they ran. */
  durationsMs: readonly number[];
  rowsProcessed: number;
  concurrency: number;
  /** Wall-clock time of the measured phase, seconds (used when calls overlap). */
  wallSeconds: number;
}

/** The most per-iteration latencies a case keeps in its results (bounded file size). */
export const MAX_KEPT_SAMPLES = 1000;

/**
 * At most MAX_KEPT_SAMPLES of the durations, evenly spaced in run order (so a drift over the run
 * stays visible), rounded to the microsecond.
 */
export function keptSamples(durationsMs: readonly number[]): number[] {
  const n = durationsMs.length;
  const kept = Math.min(n, MAX_KEPT_SAMPLES);
  const out: number[] = [];
  for (let k = 0; k < kept; k++) {
    const value = durationsMs[Math.floor((k * n) / kept)] as number;
    out.push(Math.round(value * 1000) / 1000);
  }
  return out;
}

/**
 * Reduces one case's samples to the per-case figures of the original benchmark (§4.4).
 * Serially, `total_time` is the sum of call durations, as in the original. With parallel
 * clients the calls overlap, so the sum would overstate the time n-fold: `total_time` is
 * then the wall-clock time of the measured phase, and ops/s is real throughput.
 */
export function summariseCase(samples: CaseSamples): DbBenchCaseResult {
  const sorted = [...samples.durationsMs].sort((a, b) => a - b);
  const iterations = sorted.length;
  let sumMs = 0;
  for (const d of sorted) sumMs += d;
  const totalTime = samples.concurrency > 1 ? samples.wallSeconds : sumMs / 1000;
  const opsPerSecond = safeRatio(iterations, totalTime);
  const orZero = (v: number) => (Number.isFinite(v) ? v : 0);
  return {
    name: samples.name,
    iterations,
    concurrency: samples.concurrency,
    total_time: totalTime,
    mean_ms: orZero(mean(sorted)),
    min_ms: orZero(sorted[0] ?? Number.NaN),
    p50_ms: orZero(quantile(sorted, 0.5, true)),
    p95_ms: orZero(quantile(sorted, 0.95, true)),
    p99_ms: orZero(quantile(sorted, 0.99, true)),
    max_ms: orZero(sorted[iterations - 1] ?? Number.NaN),
    stddev_ms: orZero(stddev(sorted)),
    ops_per_second: opsPerSecond,
    ops_per_minute: opsPerSecond * 60,
    rows_processed: samples.rowsProcessed,
    rows_per_second: safeRatio(samples.rowsProcessed, totalTime),
    samples_ms: keptSamples(samples.durationsMs),
  };
}
