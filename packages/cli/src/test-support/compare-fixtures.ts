// Results folders for compare's tests, written with the kit's own writers: the per-second
// series from core's SeriesRecorder, run.json from the record builder, db-bench and sweep
// results in their layouts. Latencies are drawn from a seeded generator, so every folder is
// reproducible and two seeds give two honest samples of one distribution.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type AdaptiveResultsJson,
  type DbBenchJsonCase,
  RESULT_FILE,
  type RunPhase,
  type RunRecord,
  type SweepResultsJson,
  seriesFileName,
} from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';
import { SeriesRecorder } from '@rota-perf/core/series';
import type { LevelRunPhase } from '@rota-perf/rps-sweeper';
import type { LevelRun } from '../adaptive.js';
import { combineSeries, levelPhases } from '../record/adaptive-record.js';
import { buildRunRecord } from '../record/build.js';
import { hostFacts, toolFacts } from '../record/host-facts.js';
import { writeRunRecord } from '../record/run-files.js';

/** A seeded uniform generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A log-normal latency around `medianMs` (σ 0.25): a service time's usual skew. */
function latency(random: () => number, medianMs: number): number {
  const gauss = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return medianMs * Math.exp(0.25 * gauss);
}

/** One endpoint of a fixture run. */
export interface FixtureEndpoint {
  name: string;
  scenario: string;
  medianMs: number;
  rps: number;
  /** Share of failed requests (default 0). */
  errorRate?: number;
}

/** The endpoints every fixture run has (as the endpoint benchmark names them). */
export const FIXTURE_ENDPOINTS: readonly FixtureEndpoint[] = [
  { name: 'GET /trails/', scenario: 'trails_list', medianMs: 8, rps: 5 },
  { name: 'GET /trails/:id', scenario: 'trails_detail', medianMs: 5, rps: 5 },
  { name: 'GET /me', scenario: 'me_profile', medianMs: 3, rps: 5 },
];

/** What to write. */
export interface FixtureRunOptions {
  seed: number;
  script?: string;
  target?: RunRecord['target'];
  endpoints?: readonly FixtureEndpoint[];
  plateauSeconds?: number;
}

const EMBEDDED: RunRecord['target'] = {
  url: 'http://127.0.0.1:40001',
  embedded: true,
  fixture: 'small',
};
const START_MS = Date.parse('2026-01-01T00:00:00.000Z');
const WARMUP_SECONDS = 2;

function record(options: {
  script: string;
  command: string;
  target: RunRecord['target'];
  phases: RunPhase[];
  series: ReturnType<SeriesRecorder['finish']>;
  files: Partial<RunRecord['files']>;
}): RunRecord {
  const seconds = options.phases.at(-1)?.end_seconds ?? 0;
  return buildRunRecord({
    runId: `fixture-${options.script}-${Math.random().toString(16).slice(2, 8)}`,
    command: options.command,
    script: options.script,
    startedAt: new Date(START_MS - 1000),
    endedAt: new Date(START_MS + seconds * 1000),
    tool: toolFacts(),
    host: hostFacts(),
    engine: { kind: 'node-runner', version: '0.1.0' },
    target: options.target,
    variables: {},
    exitCode: 0,
    interrupted: false,
    summary: null,
    series: options.series,
    phases: options.phases,
    testStartMs: START_MS,
    targetRps: null,
    plateauRps: null,
    files: {
      results: null,
      series: seriesFileName(options.script),
      memory_csv: null,
      report: null,
      ndjson: null,
      others: [],
      ...options.files,
    },
    notes: [],
  });
}

/** Writes an endpoint-benchmark results folder: warm-up, then a plateau of the endpoints. */
export async function writeLoadRun(folder: string, options: FixtureRunOptions): Promise<void> {
  const random = seeded(options.seed);
  const script = options.script ?? 'performance';
  const plateau = options.plateauSeconds ?? 20;
  const recorder = new SeriesRecorder({ startMs: START_MS, engine: 'node-runner' });
  const total = WARMUP_SECONDS + plateau;
  for (let t = 0; t < total; t++) {
    for (const e of options.endpoints ?? FIXTURE_ENDPOINTS) {
      for (let k = 0; k < e.rps; k++) {
        const at = START_MS + (t + (k + 0.5) / e.rps) * 1000;
        const failed = random() < (e.errorRate ?? 0);
        recorder.recordRequest(
          at,
          e.scenario,
          e.name,
          latency(random, e.medianMs),
          failed ? 500 : 200,
          failed,
        );
      }
    }
  }
  const series = recorder.finish();
  const phases: RunPhase[] = [
    { name: 'warm-up', start_seconds: 0, end_seconds: WARMUP_SECONDS },
    { name: 'plateau', start_seconds: WARMUP_SECONDS, end_seconds: total, target_rps: 15 },
  ];
  await writeJsonAtomically(join(folder, seriesFileName(script)), series);
  const target = options.target === undefined ? EMBEDDED : options.target;
  await writeRunRecord(
    folder,
    record({ script, command: 'bench', target, phases, series, files: {} }),
  );
}

/** Writes a sweep's folder: one level per target (5 s each), its results file with a ceiling. */
export async function writeSweepRun(
  folder: string,
  options: {
    seed: number;
    levels: number[];
    medianMs: (rps: number) => number;
    ceiling: number;
    lowerBound: boolean;
  },
): Promise<void> {
  const random = seeded(options.seed);
  const recorder = new SeriesRecorder({ startMs: START_MS, engine: 'node-runner' });
  const phases: RunPhase[] = [];
  options.levels.forEach((rps, i) => {
    const scenario = `probe_${rps}`;
    phases.push({ name: scenario, start_seconds: i * 5, end_seconds: i * 5 + 5, target_rps: rps });
    for (let t = i * 5; t < i * 5 + 5; t++) {
      for (let k = 0; k < rps; k++) {
        const at = START_MS + (t + (k + 0.5) / rps) * 1000;
        recorder.recordRequest(
          at,
          scenario,
          'GET /trails/',
          latency(random, options.medianMs(rps)),
          200,
          false,
        );
      }
    }
  });
  const series = recorder.finish();
  const script = 'rps_probe';
  const sweep: SweepResultsJson = {
    min_target_rps: options.levels[0] ?? 0,
    max_target_rps: options.levels.at(-1) ?? 0,
    step_rps: 10,
    failure_tolerance: 0.01,
    highest_passing_target: options.ceiling,
    scenarios: [],
    unstable: false,
    generator_saturated: options.lowerBound,
    limited_by: options.lowerBound ? 'generator_saturated' : 'system_failing',
    ceiling_is_lower_bound: options.lowerBound,
    p95_slo_ms: null,
    started_at: null,
  };
  await writeJsonAtomically(join(folder, 'rps_results.json'), sweep);
  await writeJsonAtomically(join(folder, seriesFileName(script)), series);
  await writeRunRecord(
    folder,
    record({
      script,
      command: 'bench',
      target: EMBEDDED,
      phases,
      series,
      files: { results: 'rps_results.json' },
    }),
  );
}

/** One level run of an adaptive fixture run. */
export interface FixtureLevelRun {
  phase: LevelRunPhase;
  rate: number;
  medianMs: number;
}

/**
 * Writes a `probe --adaptive` folder as the search writes it: one series per level run (each
 * starting at a fraction of a second past its own whole second, as real runs do, after its
 * setup requests), joined with combineSeries, one phase per level run from levelPhases.
 */
export async function writeAdaptiveRun(
  folder: string,
  options: { seed: number; runs: FixtureLevelRun[]; levelSeconds?: number },
): Promise<void> {
  const random = seeded(options.seed);
  const seconds = options.levelSeconds ?? 5;
  const levelRuns = options.runs.map((run, i) => {
    // Each level run starts a few seconds after the previous one ended (its engine starting).
    const testStartMs = START_MS + i * (seconds + 3) * 1000 + (i === 0 ? 0 : 806);
    const recorder = new SeriesRecorder({ startMs: testStartMs, engine: 'node-runner' });
    recorder.recordRequest(testStartMs, '', 'http://127.0.0.1:40001/auth/register', 20, 200, false);
    for (let t = 0; t < seconds; t++) {
      for (let k = 0; k < run.rate; k++) {
        const at = testStartMs + (t + (k + 0.5) / run.rate) * 1000;
        const ms = latency(random, run.medianMs);
        recorder.recordRequest(at, `probe_${run.rate}`, 'GET /trails/', ms, 200, false);
      }
    }
    const levelRun: LevelRun & { phase: LevelRunPhase } = {
      phase: run.phase,
      rate: run.rate,
      testStartMs,
      durationSeconds: seconds,
      series: recorder.finish(),
      summary: null,
    };
    return levelRun;
  });
  const series = combineSeries(levelRuns);
  if (series === null) throw new Error('an adaptive fixture needs at least one level run');
  const held = options.runs.map((r) => r.rate);
  const ceiling = Math.max(...held);
  const results: AdaptiveResultsJson = {
    min_target_rps: Math.min(...held),
    max_target_rps: ceiling,
    step_rps: 0,
    failure_tolerance: 0.01,
    highest_passing_target: ceiling,
    scenarios: [],
    unstable: false,
    generator_saturated: false,
    limited_by: null,
    ceiling_is_lower_bound: true,
    p95_slo_ms: null,
    started_at: null,
    ceiling,
    first_failure: null,
    confirmed: true,
    reached_max: true,
    exhausted: false,
    notes: [],
    runs: options.runs.map((r) => ({ phase: r.phase, rate: r.rate, passed: true })),
  };
  const seriesFile = seriesFileName('rps_probe_adaptive');
  await writeJsonAtomically(join(folder, RESULT_FILE.adaptiveProbe), results);
  await writeJsonAtomically(join(folder, seriesFile), series);
  await writeRunRecord(
    folder,
    record({
      script: 'rps_probe',
      command: 'probe',
      target: EMBEDDED,
      // On the test's clock (the first level's start), as buildRunRecord takes phases.
      phases: levelPhases(levelRuns, START_MS),
      series,
      files: { results: RESULT_FILE.adaptiveProbe, series: seriesFile },
    }),
  );
}

/** Writes db_bench_results.json with each case's per-iteration latencies. */
export async function writeDbBenchResults(
  folder: string,
  options: { seed: number; cases: { name: string; medianMs: number }[]; iterations?: number },
): Promise<void> {
  const random = seeded(options.seed);
  const cases: DbBenchJsonCase[] = options.cases.map((c) => {
    const samples = Array.from({ length: options.iterations ?? 200 }, () =>
      latency(random, c.medianMs),
    );
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.floor(q * (sorted.length - 1))] as number;
    const totalMs = samples.reduce((n, v) => n + v, 0);
    return {
      name: c.name,
      iterations: samples.length,
      total_time: totalMs / 1000,
      mean_ms: totalMs / samples.length,
      ops_per_second: samples.length / (totalMs / 1000),
      ops_per_minute: (60 * samples.length) / (totalMs / 1000),
      rows_per_second: 0,
      rows_processed: 0,
      min_ms: sorted[0] as number,
      p50_ms: at(0.5),
      p95_ms: at(0.95),
      p99_ms: at(0.99),
      max_ms: sorted.at(-1) as number,
      stddev_ms: 0,
      concurrency: 1,
      samples_ms: samples,
    };
  });
  await writeFile(join(folder, RESULT_FILE.dbBench), `${JSON.stringify({ cases }, null, 2)}\n`);
}
