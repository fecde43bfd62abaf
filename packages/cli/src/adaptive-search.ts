// The adaptive search of `probe --adaptive`: one target for the whole search, one bundle run
// per level (live progress, one line per level), memory sampled throughout, then the results
// JSON, the search's series, run.json and the report.
import { join } from 'node:path';
import {
  type AdaptiveResultsJson,
  EXIT_CODES,
  InterruptedError,
  memoryCsvName,
  REPORT_FILE,
  RESULT_FILE,
  RUN_RECORD_FILE,
  seriesFileName,
} from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';
import type { LevelRunPhase, SearchRun } from '@rota-perf/rps-sweeper';
import { createLevelRunner, formatLevelLine, type LevelRun, searchVariables } from './adaptive.js';
import { chooseEngine, printOutputs, writeReportSafely } from './bench-run.js';
import type { RunSettings } from './commands/shared-options.js';
import type { RunContext } from './context.js';
import { describeEngine } from './engine.js';
import { type AttachedMonitor, attachMonitor } from './monitor.js';
import { combineSeries, levelPhases, mergeSummaries } from './record/adaptive-record.js';
import { buildRunRecord, targetFacts } from './record/build.js';
import { toolFacts } from './record/host-facts.js';
import { fileEntry, writeRunRecord } from './record/run-files.js';
import { runOpening } from './record/run-start.js';
import { effectiveVariables, scriptProcessEnv } from './record/variables.js';
import { scratchDir } from './scratch-dir.js';
import { openTarget, type Target } from './target.js';

/** The name of the search's series and memory files (`<name>_series.json`, …). */
export const SEARCH_RUN = 'rps_probe_adaptive';

/** Search settings (rates in RPS, duration in seconds). */
export type SearchSettings = {
  min: number;
  max: number;
  precision: number;
  strategy: 'exponential' | 'linear';
  step?: number;
  duration: number;
  tolerance: number;
  p95SloMs: number | null;
};

/** Runs the search; resolves to the exit code (105 when interrupted). */
export async function runSearch(
  settings: SearchSettings,
  run: RunSettings,
  outDir: string,
  context: RunContext,
): Promise<number> {
  const { startedAt, runId, host } = runOpening();
  const engine = chooseEngine('rps_probe', run.engine, context);
  const engineFacts = await describeEngine(engine);
  const scratch = await scratchDir('rota-perf-probe-');
  const workDir = scratch.path;
  let target: Target | null = null;
  let monitor: AttachedMonitor | null = null;
  const csv = join(outDir, memoryCsvName(SEARCH_RUN));
  const levelRuns: (LevelRun & { phase: LevelRunPhase })[] = [];
  const collected: LevelRun[] = [];
  const finished: SearchRun[] = [];
  let resultsJson: string | null = null;
  let memoryCsv: string | null = null;
  let exitCode: number = EXIT_CODES.ok;
  const notes = [
    `adaptive search: ${settings.strategy} from ${settings.min} to ${settings.max} RPS, precision ${settings.precision}, ${settings.duration} s per level, tolerance ${settings.tolerance}${settings.p95SloMs === null ? '' : `, p95 SLO ${settings.p95SloMs} ms`}`,
  ];
  try {
    target = await openTarget(run.baseUrl, run.fixture, context);
    monitor = await attachMonitor(run.monitor, target.pid, csv, context.out);
    const { searchCeiling, buildSweepResultsJson } = await import('@rota-perf/rps-sweeper');
    const started = Date.now();
    const result = await searchCeiling({
      ...settings,
      runLevel: createLevelRunner(
        {
          engine,
          baseUrl: target.url,
          env: run.env,
          runId,
          workDir,
          tolerance: settings.tolerance,
          p95Ms: settings.p95SloMs,
          progress: run.progress,
          context,
        },
        collected,
      ),
      onRun: (searchRun) => {
        const { phase, level } = searchRun;
        finished.push(searchRun);
        const last = collected[collected.length - 1];
        if (last) levelRuns.push({ ...last, phase });
        const elapsed = Math.round((Date.now() - started) / 1000);
        context.out(formatLevelLine(elapsed, phase, level));
      },
    });
    const { formatSweepSummary } = await import('@rota-perf/report-formatter');
    context.out(
      formatSweepSummary(result.sweep, { color: context.tty && !context.env.NO_COLOR }).trimEnd(),
    );
    for (const note of result.notes) context.out(`note: ${note}`);
    const doc: AdaptiveResultsJson = {
      run_id: runId,
      ...buildSweepResultsJson(result.sweep),
      ceiling: result.ceiling,
      first_failure: result.firstFailure,
      confirmed: result.confirmed,
      reached_max: result.reachedMax,
      exhausted: result.exhausted,
      notes: result.notes,
      runs: result.runs.map((r) => ({ phase: r.phase, rate: r.rate, passed: r.level.passed })),
    };
    resultsJson = await writeJsonAtomically(join(outDir, RESULT_FILE.adaptiveProbe), doc);
    notes.push(...result.notes);
  } catch (error) {
    if (!(error instanceof InterruptedError || context.signal.aborted)) throw error;
    exitCode = EXIT_CODES.externalAbort;
    // The levels that finished, and the one the interrupt cut short (measured, not judged).
    const cut = collected[finished.length];
    if (cut)
      context.out(`[interrupted] ${cut.rate} RPS: stopped before the level ended, not judged`);
    context.err('rota-perf probe: interrupted; no ceiling was concluded');
    const partial = await interruptedResults(settings, finished, cut?.rate ?? null, runId);
    resultsJson = await writeJsonAtomically(join(outDir, RESULT_FILE.adaptiveProbe), partial);
    notes.push(...partial.notes);
  } finally {
    const memory = await monitor?.stop();
    memoryCsv = memory ? csv : null;
    await target?.stop();
    await scratch.remove();
  }
  // An interrupted level never reached onRun: it is still measured.
  for (const r of collected.slice(levelRuns.length)) levelRuns.push({ ...r, phase: 'interrupted' });
  const series = combineSeries(levelRuns);
  const seriesFile = series
    ? await writeJsonAtomically(join(outDir, seriesFileName(SEARCH_RUN)), series)
    : null;
  const summary = mergeSummaries(levelRuns.map((r) => r.summary));
  const levelSeconds = levelRuns.reduce((n, r) => n + r.durationSeconds, 0);
  const record = buildRunRecord({
    runId,
    command: 'probe',
    script: 'rps_probe',
    startedAt,
    endedAt: new Date(),
    tool: toolFacts(),
    host,
    engine: engineFacts,
    target: targetFacts(target, run.fixture),
    variables: effectiveVariables(
      'rps_probe',
      {
        ...scriptProcessEnv('rps_probe', context.env),
        ...searchVariables(run.env, settings, target?.url ?? null, runId, outDir),
      },
      {},
    ),
    exitCode,
    interrupted: context.signal.aborted,
    summary,
    series,
    phases: levelPhases(levelRuns, startedAt.getTime()),
    testStartMs: startedAt.getTime(),
    targetRps: null,
    plateauRps: null,
    achievedRps: summary?.requests && levelSeconds > 0 ? summary.requests / levelSeconds : null,
    files: {
      results: fileEntry(resultsJson),
      series: fileEntry(seriesFile),
      memory_csv: fileEntry(memoryCsv),
      report: REPORT_FILE,
      ndjson: null,
      others: [],
    },
    notes,
  });
  await writeRunRecord(outDir, record);
  const report = await writeReportSafely(outDir, context);
  if (report === null)
    await writeRunRecord(outDir, { ...record, files: { ...record.files, report: null } });
  printOutputs(context, {
    resultsJson,
    series: seriesFile,
    memoryCsv,
    runRecord: join(outDir, RUN_RECORD_FILE),
    report,
  });
  return exitCode;
}

/**
 * adaptive_probe_results.json of an interrupted search: the finished levels as the search saw
 * them, the highest that held so far (no ceiling: nothing was concluded) and the cut level as
 * a run with phase `interrupted` and `passed` null.
 */
async function interruptedResults(
  settings: SearchSettings,
  finished: readonly SearchRun[],
  cutRate: number | null,
  runId: string,
): Promise<AdaptiveResultsJson> {
  const { buildSweepResultsJson, searchSweep } = await import('@rota-perf/rps-sweeper');
  const held = finished.filter((r) => r.level.passed).map((r) => r.rate);
  const highest = held.length > 0 ? Math.max(...held) : null;
  const failed = finished.filter((r) => !r.level.passed && (highest === null || r.rate > highest));
  return {
    run_id: runId,
    ...buildSweepResultsJson(searchSweep(settings, finished, highest)),
    ceiling: null,
    first_failure: failed.length > 0 ? Math.min(...failed.map((r) => r.rate)) : null,
    confirmed: null,
    reached_max: false,
    exhausted: false,
    notes: [
      `interrupted${cutRate === null ? ' between levels' : ` during the ${cutRate} RPS level`} after ${finished.length} finished level${finished.length === 1 ? '' : 's'}; no ceiling was concluded${highest === null ? '' : ` (the highest level that held: ${highest} RPS)`}`,
    ],
    runs: [
      ...finished.map((r) => ({ phase: r.phase, rate: r.rate, passed: r.level.passed })),
      ...(cutRate === null ? [] : [{ phase: 'interrupted', rate: cutRate, passed: null }]),
    ],
  };
}
