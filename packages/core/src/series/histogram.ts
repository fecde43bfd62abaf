// Latency histograms of the series: one HDR histogram per bucket, stored as compressed base64
// so buckets, instances and runs can be added exactly (merged percentiles, not averaged ones).
import * as hdr from 'hdr-histogram-js';
import type { LatencyStats } from '../run/series.js';

// Values are stored as integer microseconds: three significant digits of a millisecond timing.
const MICROS_PER_MS = 1000;

/** An HDR histogram of latencies (hdr-histogram-js). */
export type LatencyHistogram = hdr.Histogram;

/** An empty latency histogram (3 significant digits, grows as needed). */
export function createLatencyHistogram(): LatencyHistogram {
  return hdr.build({ numberOfSignificantValueDigits: 3, autoResize: true });
}

/** Records one latency in milliseconds. */
export function recordLatency(histogram: LatencyHistogram, ms: number): void {
  histogram.recordValue(Math.max(0, Math.round(ms * MICROS_PER_MS)));
}

/** The histogram as the series stores it (`SeriesRequestRow.hdr`). */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** A histogram from its stored form; throws on a string that is not one. */
export function decodeHistogram(encoded: string): LatencyHistogram {
  // The pure-JS implementation: the WebAssembly one needs an explicit init and is not faster here.
  return hdr.decodeFromCompressedBase64(encoded, 32, false);
}

/** The sum of stored histograms (e.g. one endpoint over a plateau, or over several instances). */
export function mergeHistograms(encoded: Iterable<string>): LatencyHistogram {
  const total = createLatencyHistogram();
  for (const one of encoded) total.add(decodeHistogram(one));
  return total;
}

/** Exact extremes and mean when the caller tracked them; otherwise the histogram's own. */
export interface ExactExtremes {
  min: number;
  max: number;
  sum: number;
}

/**
 * The latency statistics of a histogram, in milliseconds. Percentiles are HDR bucket values
 * (0.1 % relative precision), clamped to the observed range as k6's summary would show them.
 */
export function latencyStatsOf(histogram: LatencyHistogram, exact?: ExactExtremes): LatencyStats {
  const count = histogram.totalCount;
  if (count === 0) return { count: 0, mean: 0, min: 0, p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
  const min = exact?.min ?? histogram.minNonZeroValue / MICROS_PER_MS;
  const max = exact?.max ?? histogram.maxValue / MICROS_PER_MS;
  const at = (p: number) =>
    Math.min(max, Math.max(min, histogram.getValueAtPercentile(p) / MICROS_PER_MS));
  return {
    count,
    mean: exact ? exact.sum / count : histogram.mean / MICROS_PER_MS,
    min,
    p50: at(50),
    p90: at(90),
    p95: at(95),
    p99: at(99),
    max,
  };
}
