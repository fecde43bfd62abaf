import { EXIT, RunnerError } from '../errors.js';
import type { SegmentSettings } from '../options/execution.js';
import type { SummaryData } from '../summary/data.js';
import { logLine } from '../util/logfmt.js';
import { writeOut } from '../util/output.js';
import { formatHeader } from './banner.js';
import { closeRun, tallyOf } from './finish.js';
import { runLifecycle } from './lifecycle.js';
import { closeVus, firstLine, type OpenRun, openRun } from './open.js';
import { type RecordingOptions, startRecording } from './recording.js';
import type { EngineReporter, Recovery } from './reporter.js';
import { runScenarios } from './scenarios.js';
import { serializeSetupData } from './setup-data.js';

/**
 * Options of one in-thread run: what it records (series, `--out`), and the segment flags
 * (which part of the test this instance runs).
 */
export interface EngineOptions extends RecordingOptions, SegmentSettings {
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
  signal?: AbortSignal;
  /** Receives phases, setup data and snapshots (the supervisor's view of the run). */
  reporter?: EngineReporter;
}

/** The outcome: k6's exit code and the handleSummary data (null if the run never started). */
export interface EngineResult {
  exitCode: number;
  summaryData: SummaryData | null;
}

/** Where the series of a test another engine thread started stands (recovery). */
export interface SeriesResume {
  /** Date.now() at the test start: the start of second 0. */
  startMs: number;
  /** The first second the earlier thread had not handed on yet. */
  firstSecond: number;
}

/** Any error that escapes the engine becomes one line and an exit code. */
function asRunnerError(err: unknown): RunnerError {
  return err instanceof RunnerError ? err : new RunnerError(firstLine(err), EXIT.generic);
}

/** Runs a k6 script in this thread (one run per thread at a time). */
export async function executeScript(
  scriptPath: string,
  opts: EngineOptions = {},
): Promise<EngineResult> {
  opts.reporter?.phase({ name: 'init' });
  const open = await openRun(scriptPath, opts);
  try {
    startRecording(open, opts);
    if (!opts.quiet) writeOut(formatHeader(scriptPath, open));
    const onSignal = () => {
      logLine('info', 'Stopping k6 in response to signal...');
      open.requestStop(EXIT.externalAbort);
    };
    opts.signal?.addEventListener('abort', onSignal, { once: true });
    if (opts.signal?.aborted) onSignal();

    opts.reporter?.phase({ name: 'setup', timeoutMs: open.setupTimeoutMs });
    const setup = await runLifecycle(open.main, 'setup', undefined);
    const setupJson = setup.defined ? serializeSetupData(setup.result) : undefined;
    opts.reporter?.setupDone(setup.defined, setupJson);
    opts.reporter?.phase({ name: 'init' });

    const outcome = await runScenarios(open, setupJson, opts.reporter);
    opts.signal?.removeEventListener('abort', onSignal);
    const ended = {
      setup: { defined: setup.defined, json: setupJson },
      tallies: outcome.runs.map(tallyOf),
      testRunDurationMs: outcome.testRunDurationMs,
      exitCode: open.exitCode,
      runTeardown: true,
    };
    return await closeRun(open, ended, opts);
  } catch (err) {
    throw asRunnerError(err);
  } finally {
    closeVus(open);
  }
}

/**
 * Finishes a test another engine thread started but could not end (it was stopped while VU
 * code blocked it, or it died): teardown and the summary from the supervisor's last snapshot.
 */
export async function finishFromRecovery(
  scriptPath: string,
  opts: EngineOptions,
  recovery: Recovery,
  series?: SeriesResume,
): Promise<EngineResult> {
  let open: OpenRun;
  try {
    open = await openRun(scriptPath, opts);
  } catch (err) {
    throw asRunnerError(err);
  }
  try {
    const snapshot = recovery.snapshot;
    startRecording(open, opts, snapshot?.outputs);
    if (series) open.rt.series?.start(series.startMs, open.scenarios, series.firstSecond);
    if (snapshot) {
      open.rt.registry.restore(snapshot.metrics);
      open.rt.groups.restore(snapshot.rootGroup);
    }
    return await closeRun(open, { ...recovery, tallies: snapshot?.scenarios ?? [] }, opts);
  } catch (err) {
    throw asRunnerError(err);
  } finally {
    closeVus(open);
  }
}
