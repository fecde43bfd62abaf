// A results folder as the orchestrator writes it: run.json, the per-second series recorded by
// the core's SeriesRecorder from synthetic samples, a memory CSV on the same wall clock, this
// run's results.json (stamped with its run_id) and files another run left behind.
import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatMemoryCsvRow,
  memoryCsvHeader,
  type RunRecord,
  type RunSeries,
} from '@rota-perf/core';
import { latencyStatsOf, mergeHistograms, SeriesRecorder } from '@rota-perf/core/series';
import { sampleRunRecord } from '../../../core/src/test-support/run-record.js';
import { FIXTURE_RESULTS } from './report-fixture.js';

/** The endpoints of the fixture: scenario (endpoint key), name tag and a typical latency. */
export const RUN_ENDPOINTS = [
  { scenario: 'trails_detail', name: 'GET /trails/:id', baseMs: 4 },
  { scenario: 'me_profile', name: 'GET /me/profile', baseMs: 12 },
  { scenario: 'auth_login', name: 'POST /auth/login', baseMs: 180 },
] as const;

/** The schedule: warm-up, plateau, cool-down (seconds on the series' clock). */
export const RUN_PHASES = [
  { name: 'warm-up', start: 0, end: 20 },
  { name: 'plateau', start: 20, end: 100 },
  { name: 'cool-down', start: 100, end: 120 },
] as const;

/** The engine's test started this long after the run (setup, session bootstrap). */
export const SETUP_SECONDS = 4;
/** The run's id in run.json and in this run's results.json. */
export const RUN_ID = '2026-12-01T06-00-00Z-4f3a';

/** Per-endpoint iterations per second at second `t` (ramps in warm-up and cool-down). */
export function rateAt(t: number): number {
  if (t < 20) return 4 + Math.floor((6 * t) / 20);
  if (t < 100) return 10;
  return Math.max(3, 10 - Math.floor((7 * (t - 100)) / 20));
}

// A deterministic generator: the same fixture every run.
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647;
  };
}

/** The series of a run of `seconds` seconds starting at `startMs`. */
export function fixtureSeries(startMs: number, seconds: number): RunSeries {
  const random = prng(42);
  const recorder = new SeriesRecorder({ startMs, engine: 'node-runner' });
  for (let t = 0; t < seconds; t++) {
    const rate = rateAt(t);
    for (const e of RUN_ENDPOINTS) {
      recorder.recordTargetRate(startMs + t * 1000, e.scenario, rate);
      for (let i = 0; i < rate; i++) {
        const at = startMs + t * 1000 + Math.floor((i * 1000) / rate);
        const tail = random() < 0.05 ? 4 : 1;
        const ms = e.baseMs * (0.7 + random() * 0.6) * tail;
        let status = 200;
        let code: string | undefined;
        if (e.scenario === 'trails_detail' && t >= 60 && t < 65 && i % 3 === 0) status = 503;
        if (e.scenario === 'me_profile' && t >= 90 && t < 92 && i < 2) {
          status = 0;
          code = '1050';
        }
        recorder.recordRequest(at, e.scenario, e.name, ms, status, status !== 200, code);
        recorder.recordIteration(at, e.scenario);
        recorder.recordData(at, e.scenario, 1000, 200);
        recorder.recordCheck(at, e.scenario, status === 200);
      }
      if (e.scenario === 'auth_login' && t >= 105 && t < 110) {
        recorder.recordDropped(startMs + t * 1000 + 500, e.scenario);
      }
    }
    recorder.recordSecond(startMs + t * 1000 + 999, {
      vus: 3 + (t % 4),
      vus_max: 20,
      generator_cpu_percent: 30 + (t % 10),
    });
    recorder.advance(startMs + (t + 1) * 1000);
  }
  return recorder.finish();
}

/** A mem-monitor CSV: a sample every `step` s from `startMs` for `seconds` seconds. */
export function memoryCsv(
  startMs: number,
  seconds: number,
  step: number,
  sample: (second: number) => { rssMib: number; cpuPercent: number },
): string {
  let csv = memoryCsvHeader();
  for (let i = 0; i <= seconds; i += step) {
    const { rssMib, cpuPercent } = sample(i);
    csv += formatMemoryCsvRow({
      timestamp: new Date(startMs + i * 1000).toISOString(),
      elapsedSeconds: i,
      pid: 4242,
      name: 'node rota-api',
      rssBytes: rssMib * 1024 * 1024,
      vmsBytes: 900 * 1024 * 1024,
      cpuPercent,
      matchedCount: 1,
    });
  }
  return csv;
}

/** The charts of the "Over time" section of a run with one memory CSV, in page order. */
export const TIME_CHART_IDS = [
  'chart-time-rate',
  'chart-time-latency',
  'chart-time-endpoints',
  'chart-time-errors',
  'chart-time-vus',
  'chart-time-memory-0',
];

/** Options of `writeRunFolder`. */
export interface RunFolderOptions {
  /** The run was stopped after this many seconds of its 120 (verdict interrupted). */
  interruptedAfter?: number;
}

/** The host of the fixture's runs. */
export const FIXTURE_HOST: RunRecord['host'] = {
  hostname: 'ci',
  platform: 'linux',
  cpus: 2,
  cpu_model: 'x86_64',
  memory_bytes: 8 * 1024 ** 3,
  load_average: [0.52, 0.41, 0.3],
  node: 'v20.20.2',
};

/** The run record of the fixture. */
export function fixtureRecord(
  runStartMs: number,
  series: RunSeries,
  interrupted: boolean,
): RunRecord {
  const seconds = series.seconds.length;
  let requests = 0;
  const status: Record<string, number> = {};
  for (const r of series.requests) {
    requests += r.requests;
    for (const [code, n] of Object.entries(r.status)) status[code] = (status[code] ?? 0) + n;
  }
  const duration = SETUP_SECONDS + seconds;
  // The sample run (node-runner, embedded target, every file written) with this run's figures.
  return {
    ...sampleRunRecord(),
    run_id: RUN_ID,
    started_at: new Date(runStartMs).toISOString(),
    ended_at: new Date(runStartMs + duration * 1000).toISOString(),
    duration_seconds: duration,
    variables: {
      TARGET_RPS: '10',
      TEST_DURATION: '80s',
      WARMUP_DURATION: '20s',
      AUTH_PASSWORD: '***',
    },
    host: FIXTURE_HOST,
    exit_code: interrupted ? 105 : 99,
    interrupted,
    verdict: interrupted ? 'interrupted' : 'thresholds-crossed',
    thresholds: [
      { metric: 'http_req_failed{phase:main}', expression: 'rate<0.01', passed: true },
      { metric: 'http_req_duration', expression: 'p(95)<200', passed: false },
    ],
    checks: [
      { name: 'status is 200', passes: status['200'] ?? 0, fails: requests - (status['200'] ?? 0) },
    ],
    status_codes: status,
    dropped_iterations: series.scenarios.reduce((n, s) => n + s.dropped_iterations, 0),
    rate: { target_rps: 30, achieved_rps: requests / seconds, plateau_rps: 30 },
    phases: RUN_PHASES.filter((p) => p.start < seconds).map((p) => ({
      name: p.name,
      start_seconds: p.start + SETUP_SECONDS,
      end_seconds: Math.min(p.end, seconds) + SETUP_SECONDS,
      ...(p.name === 'plateau' ? { target_rps: 30 } : {}),
    })),
  };
}

/** This run's results.json: the fixed document with totals and endpoints from the series. */
export async function fixtureLoad(series: RunSeries): Promise<Record<string, unknown>> {
  const load = JSON.parse(await readFile(join(FIXTURE_RESULTS, 'results.json'), 'utf8'));
  const seconds = series.seconds.length;
  const total = (rows: readonly { requests: number; failed: number }[]) =>
    rows.reduce((a, r) => ({ requests: a.requests + r.requests, failed: a.failed + r.failed }), {
      requests: 0,
      failed: 0,
    });
  const all = total(series.requests);
  load.run_id = RUN_ID;
  load.duration_seconds = seconds;
  load.total_requests = all.requests;
  load.failed_requests = all.failed;
  load.failure_rate = all.failed / all.requests;
  load.endpoints = RUN_ENDPOINTS.map((e) => {
    const rows = series.requests.filter((r) => r.name === e.name);
    const stats = latencyStatsOf(mergeHistograms(rows.map((r) => r.hdr)));
    const { requests, failed } = total(rows);
    return {
      endpoint: e.scenario,
      label: e.name,
      phase: 'main',
      requests,
      requests_per_second: requests / seconds,
      avg_ms: stats.mean,
      p50_ms: stats.p50,
      p95_ms: stats.p95,
      p99_ms: stats.p99,
      max_ms: stats.max,
      failures: failed,
      failure_rate: failed / requests,
      missing_metrics: [],
    };
  });
  return load;
}

/** A folder of one run (started 10 minutes ago) plus leftovers of other runs. */
export async function writeRunFolder(options: RunFolderOptions = {}): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rota-report-run-'));
  const runStartMs = Math.floor(Date.now() / 1000) * 1000 - 600_000;
  const seriesStartMs = runStartMs + SETUP_SECONDS * 1000;
  const seconds = options.interruptedAfter ?? 120;
  const series = fixtureSeries(seriesStartMs, seconds);
  const record = fixtureRecord(runStartMs, series, options.interruptedAfter !== undefined);
  await writeFile(join(folder, 'run.json'), JSON.stringify(record, null, 2));
  await writeFile(join(folder, 'performance_series.json'), JSON.stringify(series));
  // mem-monitor starts with the run (before the engine's test) and samples every second.
  const csv = memoryCsv(runStartMs, SETUP_SECONDS + seconds, 1, (i) => ({
    rssMib: 90 + i / 4,
    cpuPercent: i < SETUP_SECONDS ? 5 : 40 + (i % 7),
  }));
  await writeFile(join(folder, 'performance_memory.csv'), csv);
  // This run's results.json: stamped with its run_id, totals as the series counts them.
  await writeFile(join(folder, 'results.json'), JSON.stringify(await fixtureLoad(series)));
  // Another run's sweep (its own run_id) and an old db-bench file without one.
  const sweep = JSON.parse(await readFile(join(FIXTURE_RESULTS, 'rps_results.json'), 'utf8'));
  sweep.run_id = '2026-11-30T22-10-00Z-aa01';
  await writeFile(join(folder, 'rps_results.json'), JSON.stringify(sweep));
  const dbBench = join(folder, 'db_bench_results.json');
  await writeFile(dbBench, await readFile(join(FIXTURE_RESULTS, 'db_bench_results.json')));
  const yesterday = new Date(runStartMs - 86_400_000);
  await utimes(dbBench, yesterday, yesterday);
  return folder;
}
