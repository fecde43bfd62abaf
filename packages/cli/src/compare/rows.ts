// The values a comparison tests, per row: for an endpoint, each second of the plateau; for a
// sweep level, each second of the level; for a db-bench case, each iteration. A second's
// latencies come from its stored HDR histogram (exact percentiles of that second).
import {
  type DbBenchJsonCase,
  type RunPhase,
  type RunRecord,
  type RunSeries,
  SCRIPT_NAMES,
  type ScriptName,
  type SeriesRequestRow,
  scriptEntry,
} from '@rota-perf/core';
import { latencyStatsOf, mergeHistograms } from '@rota-perf/core/series';
import { type RecordedLevel, recordedLevelOf } from '@rota-perf/rps-sweeper';

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
  /**
   * A level's runs in the record, the compared one first (`step 40 RPS`, `confirm 40 RPS`);
   * more than one only in an adaptive run. Empty for other rows.
   */
  levelRuns: string[];
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

// Times in a record are whole milliseconds: this only absorbs floating-point noise.
const NOISE = 1e-6;

/**
 * A level's buckets: as many as its whole seconds, from the bucket its start falls in. A step
 * sweep's levels start on a bucket boundary (its series starts with the test), so this is the
 * phase's own window there. An adaptive run's series joins the level runs' series, each shifted
 * by whole seconds (the floor of its start: record/adaptive-record.ts), so a level's first
 * bucket is the one its start falls in, not the next one.
 */
function levelWindowOf(phase: RunPhase, offsetSeconds: number): Window {
  const from = Math.floor(phase.start_seconds - offsetSeconds + NOISE);
  return { from, to: from + Math.floor(phase.end_seconds - phase.start_seconds + NOISE) };
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
    levelRuns: [],
  };
}

function inWindow(rows: readonly SeriesRequestRow[], window: Window): SeriesRequestRow[] {
  return rows.filter((r) => r.t >= window.from && r.t < window.to);
}

/** The scenario prefix of a sweep script's levels; null for any other run. */
function levelPrefixOf(record: RunRecord): string | null {
  const script = SCRIPT_NAMES.find((name) => name === record.script);
  if (script === undefined) return null;
  const schedule = scriptEntry(script as ScriptName).schedule;
  return schedule.kind === 'sweep' ? schedule.scenarioPrefix : null;
}

/** A level of a run: the phase compared, and the names of all its runs (that one first). */
interface LevelPhases {
  phase: RunPhase;
  level: RecordedLevel;
  runs: string[];
}

/**
 * The levels of a run, one per rate, named by the level's scenario (`probe_40`) so that a step
 * sweep's and an adaptive run's levels pair up. An adaptive search can run a rate more than
 * once (step, then confirm or step-down); the first run of a rate is the one compared, as the
 * one reached on the way up like a step sweep's level. A later run of that rate follows the
 * failing levels above it, so it measures a target recovering from overload, and pooling it
 * would make the sides differ by which runs happened to repeat. An interrupted level run is no
 * level (it ran part of its duration).
 */
function recordedLevels(record: RunRecord): LevelPhases[] {
  const prefix = levelPrefixOf(record);
  if (prefix === null) return [];
  const byScenario = new Map<string, LevelPhases>();
  for (const phase of record.phases) {
    const level = recordedLevelOf(phase, prefix);
    if (level === null) continue;
    const first = byScenario.get(level.scenario);
    if (first) first.runs.push(phase.name);
    else byScenario.set(level.scenario, { phase, level, runs: [phase.name] });
  }
  return [...byScenario.values()];
}

/**
 * The rows of a run: each endpoint (request name) over the plateau, and each sweep level over
 * its own seconds.
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
  for (const { phase, level, runs } of recordedLevels(record)) {
    const window = levelWindowOf(phase, offset);
    const rows = inWindow(series.requests, window).filter((r) => r.scenario === level.scenario);
    out.push({ ...sampleOf(level.scenario, 'level', rows, window), levelRuns: runs });
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
    levelRuns: [],
  }));
}
