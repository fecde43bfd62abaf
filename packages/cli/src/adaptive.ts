// One level of the adaptive search = one run of the rps probe bundle with MIN = MAX = rate,
// no warm-up and no pause; its rps_results.json holds the level's verdict.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CommandError,
  InterruptedError,
  type SweepLevel,
  type SweepLevelJson,
  type SweepResultsJson,
  scriptEntry,
} from '@rota-perf/core';
import { type EnginePreference, resolveEngine, runBundle } from './engine.js';
import { bundlePath } from './outputs.js';

/** How each level runs. */
export interface LevelRunner {
  engine: EnginePreference;
  /** Where K6_BINARY and PATH are read. */
  processEnv: Readonly<Record<string, string | undefined>>;
  baseUrl: string;
  /** Script variables given by the user (-e). */
  env: Record<string, string>;
  /** Scratch folder: one sub-folder per level run. */
  workDir: string;
  tolerance: number;
  p95Ms: number | null;
  signal: AbortSignal;
}

/** The probe variables of a one-level run. */
export function levelEnv(runner: LevelRunner, rate: number, seconds: number, dir: string) {
  return {
    ...runner.env,
    BASE_URL: runner.baseUrl,
    MIN_PROBE_RPS: String(rate),
    MAX_PROBE_RPS: String(rate),
    PROBE_STEP_RPS: '1',
    PROBE_WARMUP_DURATION: '0',
    PROBE_STEP_PAUSE: '0',
    PROBE_STEP_DURATION: `${seconds}s`,
    PROBE_FAILURE_TOLERANCE: String(runner.tolerance),
    ...(runner.p95Ms !== null ? { PROBE_P95_MS: String(runner.p95Ms) } : {}),
    RESULTS_DIR: dir,
  };
}

/** Turns a results-file level back into the SweepLevel the search judges. */
export function levelFromJson(json: SweepLevelJson): SweepLevel {
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
    startSeconds: json.start_seconds,
  };
}

/** A runLevel callback for searchCeiling. */
export function createLevelRunner(runner: LevelRunner) {
  let runs = 0;
  return async (rate: number, seconds: number): Promise<SweepLevel> => {
    if (runner.signal.aborted) throw new InterruptedError('interrupted');
    const dir = join(runner.workDir, `level-${++runs}-${rate}`);
    await mkdir(dir, { recursive: true });
    const exitCode = await runBundle(resolveEngine(runner.engine, runner.processEnv), {
      bundle: bundlePath('rps_probe'),
      env: levelEnv(runner, rate, seconds, dir),
      cwd: dir,
      quiet: true,
      signal: runner.signal,
    });
    if (runner.signal.aborted)
      throw new InterruptedError(`interrupted during the ${rate} RPS level`);
    const file = scriptEntry('rps_probe').resultsFile;
    let doc: SweepResultsJson;
    try {
      doc = JSON.parse(await readFile(join(dir, file), 'utf8')) as SweepResultsJson;
    } catch {
      throw new CommandError(
        `the ${rate} RPS level wrote no ${file} (engine exit code ${exitCode})`,
      );
    }
    const level = doc.scenarios[0];
    if (!level)
      throw new CommandError(`the ${rate} RPS level has no result (engine exit code ${exitCode})`);
    return levelFromJson(level);
  };
}
