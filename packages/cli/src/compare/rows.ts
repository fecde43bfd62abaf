// The values a comparison tests, per row: for an endpoint, each second of the plateau; for a
// sweep level, each second of the level; for a db-bench case, each iteration. A second's
// latencies come from its stored HDR histogram (exact percentiles of that second).
import type {
  DbBenchJsonCase,
  RunPhase,
  RunRecord,
  RunSeries,
  SeriesRequestRow,
} from '@rota-perf/core';
import { latencyStatsOf, mergeHistograms } from '@rota-perf/core/series';

/** One second of a row. */
export interface SecondValues {
  /** Seconds from the start of the row's window. */
  t: number;
  requests: number;
  failed: number;
  /** Latency percentiles of the second; null when it had no requests. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

/** A row's values on one side. */
export interface RowSamples {
  kind: 'endpoint' | 'level' | 'db_bench_case';
  name: string;
  /** Per-second values (endpoints, levels); empty for db-bench cases. */
  seconds: SecondValues[];
  /** Per-iteration latencies (db-bench cases); empty otherwise. */
  iterations: number[];
  /** Over the whole window: percentiles of the merged histogram (or the case's figures). */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Requests (operations) per second over the window. */
  rps: number | null;
  /** Failed / requests over the window (null for db-bench cases). */
  errorRate: number | null;
}

/** Half-open range of series buckets [from, to). */
interface Window {
  from: number;
  to: number;
}

// A bucket belongs to a phase when it lies inside it (phases start at fractional seconds of
// the record's clock; a bucket only partly inside would mix in the neighbouring phase).
const SLACK = 0.001;

function windowOf(phase: RunPhase, offsetSeconds: number): Window {
  return {
    from: Math.ceil(phase.start_seconds - offsetSeconds - SLACK),
    to: Math.floor(phase.end_seconds - offsetSeconds + SLACK),
  };
}

function sampleOf(
  name: string,
  kind: RowSamples['kind'],
  rows: SeriesRequestRow[],
  window: Window,
): RowSamples {
  const byT = new Map<number, SeriesRequestRow[]>();
  for (const row of rows) byT.set(row.t, [...(byT.get(row.t) ?? []), row]);
  const seconds: SecondValues[] = [];
  for (let t = window.from; t < window.to; t++) {
    const at = byT.get(t) ?? [];
    const requests = at.reduce((n, r) => n + r.requests, 0);
    const failed = at.reduce((n, r) => n + r.failed, 0);
    const stats = requests > 0 ? latencyStatsOf(mergeHistograms(at.map((r) => r.hdr))) : null;
    seconds.push({
      t: t - window.from,
      requests,
      failed,
      p50: stats?.p50 ?? null,
      p95: stats?.p95 ?? null,
      p99: stats?.p99 ?? null,
    });
  }
  const requests = seconds.reduce((n, s) => n + s.requests, 0);
  const failed = seconds.reduce((n, s) => n + s.failed, 0);
  const merged = requests > 0 ? latencyStatsOf(mergeHistograms(rows.map((r) => r.hdr))) : null;
  return {
    kind,
    name,
    seconds,
    iterations: [],
    p50: merged?.p50 ?? null,
    p95: merged?.p95 ?? null,
    p99: merged?.p99 ?? null,
    rps: seconds.length > 0 ? requests / seconds.length : null,
    errorRate: requests > 0 ? failed / requests : null,
  };
}

function inWindow(rows: readonly SeriesRequestRow[], window: Window): SeriesRequestRow[] {
  return rows.filter((r) => r.t >= window.from && r.t < window.to);
}

/**
 * The rows of a run: each endpoint (request name) over the plateau, and each sweep level (a
 * phase named after its scenario) over its own seconds.
 */
export function seriesRows(record: RunRecord, series: RunSeries): RowSamples[] {
  const offset = (Date.parse(series.started_at) - Date.parse(record.started_at)) / 1000;
  const out: RowSamples[] = [];
  const plateau = record.phases.find((p) => p.name === 'plateau');
  if (plateau) {
    const window = windowOf(plateau, offset);
    // Setup's requests carry no scenario; the plateau's all do.
    const rows = inWindow(series.requests, window).filter((r) => r.scenario !== '');
    const names = [...new Set(rows.map((r) => r.name))].sort();
    for (const name of names) {
      out.push(
        sampleOf(
          name,
          'endpoint',
          rows.filter((r) => r.name === name),
          window,
        ),
      );
    }
  }
  const scenarios = new Set(series.requests.map((r) => r.scenario));
  for (const phase of record.phases) {
    if (phase === plateau || !scenarios.has(phase.name)) continue;
    const window = windowOf(phase, offset);
    const rows = inWindow(series.requests, window).filter((r) => r.scenario === phase.name);
    out.push(sampleOf(phase.name, 'level', rows, window));
  }
  return out;
}

/** The rows of db-bench results: each case's per-iteration latencies (none in older files). */
export function dbBenchRows(cases: readonly DbBenchJsonCase[]): RowSamples[] {
  return cases.map((c) => ({
    kind: 'db_bench_case',
    name: c.name,
    seconds: [],
    iterations: c.samples_ms ?? [],
    p50: c.p50_ms,
    p95: c.p95_ms,
    p99: c.p99_ms,
    rps: c.ops_per_second,
    errorRate: null,
  }));
}
