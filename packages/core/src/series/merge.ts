// One series from the series of several instances of one run (execution segments, k6-operator
// pods): rows of the same second, scenario and request name are added, their histograms merged
// exactly, so a merged percentile is that of all the samples (within HDR precision), never an
// average of the instances' percentiles. Pure.
import type {
  RunSeries,
  SeriesRequestRow,
  SeriesScenarioRow,
  SeriesSecondRow,
} from '../run/series.js';
import { emptyScenarioRow, SERIES_VERSION } from '../run/series.js';
import {
  createLatencyHistogram,
  decodeHistogram,
  encodeHistogram,
  latencyStatsOf,
} from './histogram.js';

const addCounts = (into: Record<string, number>, from: Record<string, number>) => {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
};

/** The bucket of `t` of a part started `shiftMs` after the earliest part. */
const shifted = (t: number, shiftMs: number) => t + Math.round(shiftMs / 1000);

function mergeRequests(rows: SeriesRequestRow[]): SeriesRequestRow {
  const first = rows[0] as SeriesRequestRow;
  const histogram = createLatencyHistogram();
  const status: Record<string, number> = {};
  const errorCodes: Record<string, number> = {};
  let requests = 0;
  let failed = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    histogram.add(decodeHistogram(row.hdr));
    addCounts(status, row.status);
    addCounts(errorCodes, row.error_codes);
    requests += row.requests;
    failed += row.failed;
    const d = row.duration_ms;
    sum += d.mean * d.count;
    if (d.count > 0) {
      min = Math.min(min, d.min);
      max = Math.max(max, d.max);
    }
  }
  return {
    t: first.t,
    scenario: first.scenario,
    name: first.name,
    requests,
    failed,
    status,
    error_codes: errorCodes,
    duration_ms: latencyStatsOf(
      histogram,
      histogram.totalCount > 0 ? { min, max, sum } : undefined,
    ),
    hdr: encodeHistogram(histogram),
  };
}

function mergeScenarios(rows: SeriesScenarioRow[]): SeriesScenarioRow {
  const first = rows[0] as SeriesScenarioRow;
  const merged: SeriesScenarioRow = { t: first.t, ...emptyScenarioRow(first.scenario) };
  for (const row of rows) {
    merged.iterations += row.iterations;
    merged.dropped_iterations += row.dropped_iterations;
    merged.data_received += row.data_received;
    merged.data_sent += row.data_sent;
    merged.checks_passed += row.checks_passed;
    merged.checks_failed += row.checks_failed;
    // Each instance aims at its segment's part of the rate: together, the whole rate.
    if (row.target_rate !== undefined)
      merged.target_rate = (merged.target_rate ?? 0) + row.target_rate;
  }
  return merged;
}

function mergeSeconds(rows: SeriesSecondRow[]): SeriesSecondRow {
  const merged: SeriesSecondRow = { t: (rows[0] as SeriesSecondRow).t, vus: 0, vus_max: 0 };
  for (const row of rows) {
    merged.vus += row.vus;
    merged.vus_max += row.vus_max;
    // CPU shares add up (two instances at 80 % are 160 %: 1.6 cores); lag is the worst one.
    if (row.generator_cpu_percent !== undefined)
      merged.generator_cpu_percent =
        (merged.generator_cpu_percent ?? 0) + row.generator_cpu_percent;
    if (row.generator_event_loop_lag_ms !== undefined)
      merged.generator_event_loop_lag_ms = Math.max(
        merged.generator_event_loop_lag_ms ?? 0,
        row.generator_event_loop_lag_ms,
      );
  }
  return merged;
}

/** Groups rows by key, keeping the first-seen order of keys sorted by second afterwards. */
function groupBy<T extends { t: number }>(rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].sort((a, b) => (a[0] as T).t - (b[0] as T).t);
}

/**
 * The series of the whole run: bucket 0 is the earliest instance's test start, the others'
 * rows move by their start difference (rounded to whole seconds). Throws on no series.
 */
export function mergeSeries(parts: readonly RunSeries[]): RunSeries {
  if (parts.length === 0) throw new Error('mergeSeries: no series to merge');
  const starts = parts.map((p) => Date.parse(p.started_at));
  const origin = Math.min(...starts);
  const requests: SeriesRequestRow[] = [];
  const scenarios: SeriesScenarioRow[] = [];
  const seconds: SeriesSecondRow[] = [];
  for (const [i, part] of parts.entries()) {
    const shift = (starts[i] as number) - origin;
    for (const r of part.requests) requests.push({ ...r, t: shifted(r.t, shift) });
    for (const r of part.scenarios) scenarios.push({ ...r, t: shifted(r.t, shift) });
    for (const r of part.seconds) seconds.push({ ...r, t: shifted(r.t, shift) });
  }
  const engines = new Set(parts.map((p) => p.engine));
  return {
    version: SERIES_VERSION,
    interval_seconds: 1,
    started_at: new Date(origin).toISOString(),
    engine: engines.size === 1 ? (parts[0] as RunSeries).engine : 'k6',
    requests: groupBy(requests, (r) => `${r.t}\u0000${r.scenario}\u0000${r.name}`).map(
      mergeRequests,
    ),
    scenarios: groupBy(scenarios, (r) => `${r.t}\u0000${r.scenario}`).map(mergeScenarios),
    seconds: groupBy(seconds, (r) => String(r.t)).map(mergeSeconds),
  };
}

/** What one instance's series says about its share of a run. */
export interface SeriesTotals {
  requests: number;
  iterations: number;
  /** Requests per second over the seconds the series spans (null without requests). */
  achievedRps: number | null;
}

/** Requests, iterations and achieved rate of a series. */
export function seriesTotals(series: RunSeries): SeriesTotals {
  const requests = series.requests.reduce((n, r) => n + r.requests, 0);
  const iterations = series.scenarios.reduce((n, r) => n + r.iterations, 0);
  const seconds = Math.max(0, ...series.requests.map((r) => r.t + 1));
  return { requests, iterations, achievedRps: seconds > 0 ? requests / seconds : null };
}
