// One level of the adaptive search = one run of the rps probe bundle with MIN = MAX = rate,
// no warm-up and no pause; its rps_results.json holds the level's verdict. Each run's series,
// summary and clock are kept for the search's run record; its progress is shown live and its
// console summary stays off (the search prints one line per level).
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommandError,
  EXIT_CODES,
  formatNumber,
  InterruptedError,
  type RunSeries,
  type SweepLevel,
  type SweepLevelJson,
  type SweepResultsJson,
  scheduleOf,
  scriptEntry,
  targetRates,
} from '@rota-perf/core';
import { planScript } from '@rota-perf/k6-scenarios';
import type { RunContext } from './context.js';
import { type Engine, runBundle } from './engine.js';
import { bundlePath } from './outputs.js';
import { liveProgress, type ProgressSettings, progressPlanOf } from './progress/live.js';
import { readSummaryFacts, type SummaryFacts } from './record/summary-export.js';

/** How each level runs. */
export interface LevelRunner {
  engine: Engine;
  baseUrl: string;
  /** Script variables given by the user (-e). */
  env: Record<string, string>;
  runId: string;
  /** Scratch folder: one sub-folder per level run. */
  workDir: string;
  tolerance: number;
  p95Ms: number | null;
  progress: ProgressSettings;
  context: RunContext;
}

/** What one level run measured, for the search's record. */
export interface LevelRun {
  rate: number;
  /** Epoch ms of the level's test start (the engine's start when it did not say). */
  testStartMs: number | null;
  durationSeconds: number;
  series: RunSeries | null;
  summary: SummaryFacts | null;
}

/**
 * The variables the search sets for a level at `rate`, over the user's: the probe's schedule
 * and verdict settings, and no console summary.
 */
export function levelVariables(
  rate: number,
  seconds: number,
  tolerance: number,
  p95Ms: number | null,
): Record<string, string> {
  return {
    MIN_PROBE_RPS: String(rate),
    MAX_PROBE_RPS: String(rate),
    PROBE_STEP_RPS: '1',
    PROBE_WARMUP_DURATION: '0',
    PROBE_STEP_PAUSE: '0',
    PROBE_STEP_DURATION: `${seconds}s`,
    PROBE_FAILURE_TOLERANCE: String(tolerance),
    ...(p95Ms !== null ? { PROBE_P95_MS: String(p95Ms) } : {}),
    SUMMARY_STDOUT: 'false',
  };
}

/** The probe variables of a one-level run. */
export function levelEnv(
  runner: Pick<LevelRunner, 'env' | 'baseUrl' | 'tolerance' | 'p95Ms' | 'runId'>,
  rate: number,
  seconds: number,
  dir: string,
): Record<string, string> {
  return {
    ...runner.env,
    BASE_URL: runner.baseUrl,
    ...levelVariables(rate, seconds, runner.tolerance, runner.p95Ms),
    RESULTS_DIR: dir,
    RUN_ID: runner.runId,
  };
}

/** The probe variables of the whole search, as its record shows them: the level ones vary. */
export function searchVariables(
  env: Record<string, string>,
  settings: { duration: number; tolerance: number; p95SloMs: number | null },
  baseUrl: string | null,
  runId: string,
  outDir: string,
): Record<string, string> {
  const runner = {
    env,
    baseUrl: baseUrl ?? '',
    tolerance: settings.tolerance,
    p95Ms: settings.p95SloMs,
    runId,
  };
  const { BASE_URL: _unused, ...level } = levelEnv(runner, 0, settings.duration, outDir);
  const perLevel = 'per level (adaptive search)';
  return {
    ...level,
    ...(baseUrl !== null ? { BASE_URL: baseUrl } : {}),
    MIN_PROBE_RPS: perLevel,
    MAX_PROBE_RPS: perLevel,
  };
}

/** Turns a results-file level back into the SweepLevel the search judges. */
export function levelFromJson(json: SweepLevelJson): SweepLevel {
  // A bundle built before the level causes existed writes none of the diagnosis fields.
  const orNull = <T>(value: T | undefined): T | null => value ?? null;
  return {
    scenario: json.scenario,
    targetRps: json.target_rps,
    achievedRps: json.observed_rps,
    requests: json.requests,
    failures: json.failed_requests,
    failureRate: json.failure_rate,
    p95Ms: json.p95_ms,
    p99Ms: json.p99_ms,
    droppedIterations: json.dropped_iterations,
    passed: json.passed,
    reason: json.reason,
    cause: orNull(json.cause),
    maxVUs: orNull(json.max_vus),
    meanLatencyMs: orNull(json.mean_latency_ms),
    concurrency: orNull(json.concurrency),
    requiredConcurrency: orNull(json.required_concurrency),
    generatorCpuPercent: orNull(json.generator_cpu_percent),
    eventLoopLagMs: orNull(json.event_loop_lag_ms),
    startLagMs: orNull(json.start_lag_ms),
    startSeconds: json.start_seconds,
  };
}

/** One line per level run: what it achieved, its VUs and generator figures, its verdict. */
export function formatLevelLine(elapsedSeconds: number, phase: string, level: SweepLevel): string {
  const n = (v: number | null, decimals = 0) => (v === null ? 'n/a' : formatNumber(v, decimals));
  const vus = `VUs ${n(level.concurrency)}/${n(level.requiredConcurrency)}/${n(level.maxVUs)} busy/needed/max`;
  const generator =
    level.generatorCpuPercent === null
      ? 'generator n/a'
      : `generator CPU ${n(level.generatorCpuPercent)}%, start lag p95 ${n(level.startLagMs, 1)} ms, loop lag p95 ${n(level.eventLoopLagMs, 1)} ms`;
  const verdict = level.passed ? 'PASS' : `FAIL (${level.reason ?? 'no reason'})`;
  return `[${elapsedSeconds}s] ${phase} ${level.targetRps} RPS: achieved ${n(level.achievedRps, 1)} RPS, p95 ${n(level.p95Ms, 1)} ms, ${vus}, ${generator}, ${verdict}`;
}

/** A runLevel callback for searchCeiling; `runs` collects what each level measured. */
export function createLevelRunner(runner: LevelRunner, runs: LevelRun[]) {
  const { context } = runner;
  return async (rate: number, seconds: number): Promise<SweepLevel> => {
    if (context.signal.aborted) throw new InterruptedError('interrupted');
    const dir = join(runner.workDir, `level-${runs.length + 1}-${rate}`);
    await mkdir(dir, { recursive: true });
    const env = levelEnv(runner, rate, seconds, dir);
    const plan = planScript('rps_probe', env);
    const live = liveProgress(
      progressPlanOf(`probe --adaptive ${rate} RPS`, plan),
      context,
      runner.progress,
    );
    live.start();
    const summaryExport = join(dir, 'summary-export.json');
    const engineStartMs = Date.now();
    let outcome: Awaited<ReturnType<typeof runBundle>>;
    try {
      outcome = await runBundle(runner.engine, {
        bundle: bundlePath('rps_probe'),
        env,
        cwd: dir,
        signal: context.signal,
        summaryExport,
        seriesFile: join(dir, 'series.json'),
        ndjsonFile: runner.engine.kind === 'k6' ? join(dir, 'k6.ndjson') : null,
        targetRate: targetRates(scheduleOf(plan.scenarios)),
        live: live.feed,
      });
    } finally {
      live.stop();
    }
    runs.push({
      rate,
      // Without a series the engine's start stands in for the test start (setup included).
      testStartMs: outcome.testStartMs ?? engineStartMs,
      durationSeconds: seconds,
      series: outcome.series,
      summary: await readSummaryFacts(summaryExport),
    });
    // A child stopped by Ctrl-C (it gets the terminal's SIGINT too, maybe before this process
    // sees it) measured part of the level: that is an interrupt, not a failed level.
    if (context.signal.aborted || outcome.exitCode === EXIT_CODES.externalAbort)
      throw new InterruptedError(`interrupted during the ${rate} RPS level`);
    const file = scriptEntry('rps_probe').resultsFile;
    let doc: SweepResultsJson;
    try {
      doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as SweepResultsJson;
    } catch {
      throw new CommandError(
        `the ${rate} RPS level wrote no ${file} (engine exit code ${outcome.exitCode})`,
      );
    }
    const level = doc.scenarios[0];
    if (!level)
      throw new CommandError(
        `the ${rate} RPS level has no result (engine exit code ${outcome.exitCode})`,
      );
    return levelFromJson(level);
  };
}
