// The series reduced to what the time charts draw, computed once at render time so the page
// embeds neither the histograms nor the per-name rows: at most MAX_SERIES_POINTS buckets of
// whole seconds, rates per second, latency from merged histograms.
import type { RunPhase, RunSeries, SeriesRequestRow } from '@rota-perf/core';
import { statusClass } from '../run-summary.js';
import { type EndpointLine, latencyTimeline, type Points, round } from './timeline-latency.js';

/** Most points a time chart draws; longer runs are bucketed by whole seconds. */
export const MAX_SERIES_POINTS = 1200;

/** A named line of a time chart. */
export interface TimelineLine {
  label: string;
  values: Points;
}

/** The charts' data on one clock: seconds since the series' start (bucket 0). */
export interface Timeline {
  /** Seconds per point (1 unless the run is longer than MAX_SERIES_POINTS seconds). */
  bucketSeconds: number;
  /** Seconds covered by the series. */
  seconds: number;
  /** Start of each point's bucket, in seconds. */
  x: number[];
  requestsPerSecond: Points;
  iterationsPerSecond: Points;
  /** What the executors aimed at (iterations/s); null when nothing says. */
  targetPerSecond: Points | null;
  failedPerSecond: Points;
  /** Failures per second by status class and by error code. */
  errors: TimelineLine[];
  latency: { p50: Points; p90: Points; p95: Points; p99: Points; max: Points };
  /**
   * p95 per request name of the test (setup's and teardown's left out), the ranked (measured
   * long enough) worst first, then the others.
   */
  endpoints: EndpointLine[];
  vus: Points;
  vusMax: Points;
  droppedPerSecond: Points;
  generatorCpu: Points | null;
}

// Counts per bucket of a keyed figure (status class, error code, request name…).
class Tally {
  readonly byKey = new Map<string, number[]>();
  constructor(private readonly buckets: number) {}
  add(key: string, bucket: number, n: number): void {
    let list = this.byKey.get(key);
    if (!list) {
      list = new Array<number>(this.buckets).fill(0);
      this.byKey.set(key, list);
    }
    list[bucket] = (list[bucket] ?? 0) + n;
  }
}

function errorLines(rows: readonly SeriesRequestRow[], at: (t: number) => number, n: number) {
  const classes = new Tally(n);
  const codes = new Tally(n);
  for (const r of rows) {
    const b = at(r.t);
    for (const [code, count] of Object.entries(r.status)) {
      const cls = statusClass(code);
      if (cls !== '2xx' && cls !== '3xx' && cls !== '1xx') classes.add(cls, b, count);
    }
    for (const [code, count] of Object.entries(r.error_codes)) codes.add(`error ${code}`, b, count);
  }
  const byName = (a: [string, number[]], b: [string, number[]]) => a[0].localeCompare(b[0]);
  return [...[...classes.byKey].sort(byName), ...[...codes.byKey].sort(byName)];
}

/** Target iterations/s per second: the scenarios' `target_rate`, else the run's phases. */
function targetBySecond(series: RunSeries, phases: readonly RunPhase[], seconds: number) {
  const sums = new Map<number, number>();
  for (const s of series.scenarios) {
    if (s.target_rate !== undefined) sums.set(s.t, (sums.get(s.t) ?? 0) + s.target_rate);
  }
  if (sums.size > 0) return sums;
  for (const p of phases) {
    if (p.target_rps === undefined) continue;
    for (
      let t = Math.max(0, Math.floor(p.start_seconds));
      t < Math.min(seconds, p.end_seconds);
      t++
    ) {
      sums.set(t, (sums.get(t) ?? 0) + p.target_rps);
    }
  }
  return sums.size > 0 ? sums : null;
}

// The mean of the values a map holds for seconds [from, from + count); null when it holds none.
function meanOver(values: ReadonlyMap<number, number>, from: number, count: number): number | null {
  let sum = 0;
  let n = 0;
  for (let t = from; t < from + count; t++) {
    const v = values.get(t);
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n > 0 ? round(sum / n) : null;
}

// The once-a-second gauges per point: VUs at their highest, the generator's CPU on average.
function secondLines(series: RunSeries, at: (t: number) => number, n: number) {
  const vus: Points = new Array<number | null>(n).fill(null);
  const vusMax: Points = new Array<number | null>(n).fill(null);
  const cpuSums = new Array<number>(n).fill(0);
  const cpuCounts = new Array<number>(n).fill(0);
  for (const s of series.seconds) {
    const b = at(s.t);
    vus[b] = Math.max(vus[b] ?? 0, s.vus);
    vusMax[b] = Math.max(vusMax[b] ?? 0, s.vus_max);
    if (s.generator_cpu_percent !== undefined) {
      cpuSums[b] = (cpuSums[b] ?? 0) + s.generator_cpu_percent;
      cpuCounts[b] = (cpuCounts[b] ?? 0) + 1;
    }
  }
  const generatorCpu = cpuCounts.some((c) => c > 0)
    ? cpuSums.map((sum, b) => ((cpuCounts[b] ?? 0) > 0 ? round(sum / (cpuCounts[b] ?? 1)) : null))
    : null;
  return { vus, vusMax, generatorCpu };
}

/**
 * The timeline of a series. `phases` (seconds on the series' clock) give the target rate when
 * the series has no `target_rate`.
 */
export function buildTimeline(
  series: RunSeries,
  phases: readonly RunPhase[] = [],
  maxPoints = MAX_SERIES_POINTS,
): Timeline {
  let last = -1;
  for (const rows of [series.requests, series.scenarios, series.seconds]) {
    for (const r of rows) if (r.t > last) last = r.t;
  }
  const seconds = last + 1;
  const k = Math.max(1, Math.ceil(seconds / maxPoints));
  const n = Math.ceil(seconds / k);
  const at = (t: number) => Math.floor(t / k);
  const span = (b: number) => Math.min(k, seconds - b * k);
  const zeros = () => new Array<number>(n).fill(0);
  const perSecond = (sums: number[]): Points => sums.map((v, b) => round(v / span(b)));

  const requests = zeros();
  const failed = zeros();
  const rowsByBucket: SeriesRequestRow[][] = Array.from({ length: n }, () => []);
  for (const r of series.requests) {
    const b = at(r.t);
    requests[b] = (requests[b] ?? 0) + r.requests;
    failed[b] = (failed[b] ?? 0) + r.failed;
    rowsByBucket[b]?.push(r);
  }
  const iterations = zeros();
  const dropped = zeros();
  for (const s of series.scenarios) {
    iterations[at(s.t)] = (iterations[at(s.t)] ?? 0) + s.iterations;
    dropped[at(s.t)] = (dropped[at(s.t)] ?? 0) + s.dropped_iterations;
  }

  const { latency, endpoints } = latencyTimeline(rowsByBucket);

  const { vus, vusMax, generatorCpu } = secondLines(series, at, n);

  const targets = targetBySecond(series, phases, seconds);
  const targetPerSecond = targets
    ? Array.from({ length: n }, (_, b) => meanOver(targets, b * k, span(b)))
    : null;

  return {
    bucketSeconds: k,
    seconds,
    x: Array.from({ length: n }, (_, b) => b * k),
    requestsPerSecond: perSecond(requests),
    iterationsPerSecond: perSecond(iterations),
    targetPerSecond,
    failedPerSecond: perSecond(failed),
    errors: errorLines(series.requests, at, n).map(([label, sums]) => ({
      label,
      values: perSecond(sums),
    })),
    latency,
    endpoints,
    vus,
    vusMax,
    droppedPerSecond: perSecond(dropped),
    generatorCpu,
  };
}
