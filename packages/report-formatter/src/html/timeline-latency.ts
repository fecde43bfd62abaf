// Latency over time from the series' per-second HDR histograms. Percentiles of several request
// names (or seconds) are those of their merged histogram, never an average of percentiles:
// averaging the p95 of a 10 ms and a 1 s endpoint says nothing about either.
import type { LatencyStats, SeriesRequestRow } from '@rota-perf/core';
import { latencyStatsOf, mergeHistograms } from '@rota-perf/core/series';

/** One value per point of a time chart; null where there is none. */
export type Points = (number | null)[];

/** Values rounded to 3 decimals: the page embeds thousands of them. */
export const round = (v: number): number => Math.round(v * 1000) / 1000;

/** The latency of one bucket: every request, and the p95 of each request name in it. */
export interface BucketLatency {
  overall: LatencyStats;
  /**
   * Per name of the test's requests, its worst p95 of any second in the bucket (one point may
   * stand for several). Setup's and teardown's requests (no scenario) are left out.
   */
  p95ByName: Map<string, number>;
}

// setup() and teardown() run outside every scenario, so their rows have none (series.ts). They
// are not the test's load: one sample each, at or before the test's start.
const isTestRow = (r: SeriesRequestRow): boolean => r.scenario !== '';

// The exact extremes and mean of rows (each row's mean x count is its exact sum).
function exactOf(rows: readonly SeriesRequestRow[]) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const r of rows) {
    const d = r.duration_ms;
    if (d.count === 0) continue;
    if (d.min < min) min = d.min;
    if (d.max > max) max = d.max;
    sum += d.mean * d.count;
  }
  return { min, max, sum };
}

function mergedStats(rows: readonly SeriesRequestRow[]): LatencyStats {
  try {
    return latencyStatsOf(mergeHistograms(rows.map((r) => r.hdr)), exactOf(rows));
  } catch (error) {
    const r = rows[0];
    throw new Error(
      `series row t=${r?.t} name "${r?.name}": unreadable hdr histogram (${(error as Error).message})`,
    );
  }
}

/**
 * The bucket's latency. Overall: the percentiles of all its rows' merged histograms. Per
 * request name of the test: the p95 of each second (its row's own, or its scenarios' rows merged when
 * several scenarios send the same name), the worst second kept so that spikes survive.
 */
export function bucketLatency(rows: readonly SeriesRequestRow[]): BucketLatency {
  const bySecondAndName = new Map<string, SeriesRequestRow[]>();
  for (const r of rows) {
    if (!isTestRow(r)) continue;
    const key = `${r.t}\u0000${r.name}`;
    const list = bySecondAndName.get(key);
    if (list) list.push(r);
    else bySecondAndName.set(key, [r]);
  }
  const p95ByName = new Map<string, number>();
  for (const list of bySecondAndName.values()) {
    const first = list[0] as SeriesRequestRow;
    const p95 = list.length === 1 ? first.duration_ms.p95 : mergedStats(list).p95;
    p95ByName.set(first.name, Math.max(p95, p95ByName.get(first.name) ?? p95));
  }
  return { overall: mergedStats(rows), p95ByName };
}

/**
 * Seconds a request name must have been measured in to be ranked among the slowest: fewer, and
 * one slow sample (a request the test sends once) would take the place of a real endpoint.
 */
export const MIN_RANKED_SECONDS = 5;

/** What the ranking knows of one request name. */
export interface NameMeasure {
  name: string;
  /** The count-weighted mean of its per-second p95, in ms. */
  meanP95: number;
  /** Seconds in which it was measured. */
  seconds: number;
}

/**
 * Request names slowest first (by mean p95). Ranked are those measured in MIN_RANKED_SECONDS
 * seconds, or, in a run too short for that, as long as the longest-measured name; the others
 * follow, unranked, slowest first.
 */
export function rankSlowest(measures: readonly NameMeasure[]): { name: string; ranked: boolean }[] {
  const longest = Math.max(0, ...measures.map((m) => m.seconds));
  const minSeconds = Math.min(MIN_RANKED_SECONDS, longest);
  const ranked = (m: NameMeasure) => m.seconds > 0 && m.seconds >= minSeconds;
  return [...measures]
    .sort((a, b) => Number(ranked(b)) - Number(ranked(a)) || b.meanP95 - a.meanP95)
    .map((m) => ({ name: m.name, ranked: ranked(m) }));
}

/** The p95 line of one request name of the test. */
export interface EndpointLine {
  label: string;
  values: Points;
  /** Eligible for the slowest shown (see rankSlowest). */
  ranked: boolean;
}

/** Percentile lines over all requests, and the p95 line of each request name of the test. */
export interface LatencyTimeline {
  latency: { p50: Points; p90: Points; p95: Points; p99: Points; max: Points };
  /** p95 per request name of the test, in rankSlowest's order. */
  endpoints: EndpointLine[];
}

/** The latency lines of a timeline, from its request rows grouped by bucket. */
export function latencyTimeline(rowsByBucket: readonly SeriesRequestRow[][]): LatencyTimeline {
  const n = rowsByBucket.length;
  const latency: LatencyTimeline['latency'] = { p50: [], p90: [], p95: [], p99: [], max: [] };
  const lines = new Map<string, Points>();
  const weights = new Map<string, { sum: number; count: number; seconds: Set<number> }>();
  rowsByBucket.forEach((rows, b) => {
    const bucket = rows.length > 0 ? bucketLatency(rows) : null;
    for (const key of ['p50', 'p90', 'p95', 'p99', 'max'] as const) {
      latency[key].push(bucket ? round(bucket.overall[key]) : null);
    }
    for (const r of rows) {
      if (!isTestRow(r)) continue;
      const w = weights.get(r.name) ?? { sum: 0, count: 0, seconds: new Set<number>() };
      w.sum += r.duration_ms.p95 * r.requests;
      w.count += r.requests;
      if (r.requests > 0) w.seconds.add(r.t);
      weights.set(r.name, w);
    }
    for (const [name, p95] of bucket?.p95ByName ?? []) {
      let line = lines.get(name);
      if (!line) {
        line = new Array<number | null>(n).fill(null);
        lines.set(name, line);
      }
      line[b] = round(p95);
    }
  });
  const measures = [...lines.keys()].map((name): NameMeasure => {
    const w = weights.get(name);
    return {
      name,
      meanP95: w && w.count > 0 ? w.sum / w.count : 0,
      seconds: w?.seconds.size ?? 0,
    };
  });
  const endpoints = rankSlowest(measures).map(({ name, ranked }) => ({
    label: name,
    values: lines.get(name) as Points,
    ranked,
  }));
  return { latency, endpoints };
}
