// One bundle run as `bench` and `start` do it: engine, target, memory monitor, live progress,
// then the results JSON, the series, the memory CSV, run.json and the HTML report, and a list
// of what was written where. The one orchestration of a run in the kit (`pnpm --filter
// k6-scenarios bench` comes here too).
import { join } from 'node:path';
import {
  EXIT_CODES,
  firstLine,
  InterruptedError,
  type MemorySummary,
  memoryCsvName,
  REPORT_FILE,
  type RunRecord,
  type ScriptName,
  scriptEntry,
  seriesFileName,
  UsageError,
} from '@rota-perf/core';
import type { RunContext } from './context.js';
import { type DatabaseWatch, watchDatabase } from './database-watch.js';
import { type EngineOutcome, type EnginePreference, resolveEngine, runBundle } from './engine.js';
import { type AttachedMonitor, attachMonitor, type MonitorChoice } from './monitor.js';
import { bundlePath, isBuilt, writtenSince } from './outputs.js';
import type { ProgressSettings } from './progress/live.js';
import { plateauRpsOf, readOwnResults, writeRunRecord } from './record/run-files.js';
import { beginRun } from './record/run-start.js';
import { writeReport } from './report.js';
import { openTarget, type Target } from './target.js';

/** What to run and where its outputs go. */
export interface BenchStep {
  /** The command the record names (`bench`, `start`). */
  command: string;
  script: ScriptName;
  engine: EnginePreference;
  /** Script variables (`-e`); RESULTS_DIR is set to `outDir`. */
  env: Record<string, string>;
  baseUrl?: string | undefined;
  /** The target's database (--database-url); the embedded target's own otherwise. */
  databaseUrl?: string | undefined;
  outDir: string;
  fixture: 'small' | 'large';
  monitor: MonitorChoice;
  progress: ProgressSettings;
  /** Write the HTML report after the run (the main job writes it once at the end). */
  report: boolean;
  /** node-runner instances, each a segment of the test, merged into one folder (default 1). */
  instances?: number;
}

/** The outcome of a bench step. */
export interface BenchStepResult {
  exitCode: number;
  resultsJson: string | null;
  memoryCsv: string | null;
  memory: MemorySummary | null;
  report: string | null;
  /** run.json as written. */
  record: RunRecord;
  /** database_insights.json, when the target's database could be watched. */
  databaseJson: string | null;
}

/** Checks the bundle and says which engine runs it. */
export function chooseEngine(
  script: ScriptName,
  preference: EnginePreference,
  context: RunContext,
) {
  if (!isBuilt(script)) {
    throw new UsageError(
      `${scriptEntry(script).bundle} is missing: build first (pnpm --filter @rota-perf/k6-scenarios build)`,
    );
  }
  const engine = resolveEngine(preference, context.env);
  context.out(
    engine.kind === 'k6'
      ? `engine: k6 (${engine.binary})`
      : 'engine: node-runner (no k6 binary on PATH; set K6_BINARY to use one)',
  );
  return engine;
}

/** Runs one bundle; never leaves the target or the monitor running. */
export async function runBenchStep(step: BenchStep, context: RunContext): Promise<BenchStepResult> {
  const engine = chooseEngine(step.script, step.engine, context);
  const run = await beginRun(step, engine, context);
  const csv = join(step.outDir, memoryCsvName(step.script));
  const files = {
    series: join(step.outDir, seriesFileName(step.script)),
    ndjson: engine.kind === 'k6' ? join(step.outDir, `${step.script}_k6.ndjson`) : null,
  };
  let target: Target | null = null;
  let monitor: AttachedMonitor | null = null;
  let outcome: EngineOutcome = {
    exitCode: EXIT_CODES.externalAbort,
    series: null,
    testStartMs: null,
  };
  let database: DatabaseWatch | null = null;
  let databaseJson: string | null = null;
  let memory: MemorySummary | null = null;
  let engineStartMs: number | null = null;
  const live = run.live;
  try {
    target = await openTarget(step.baseUrl, step.fixture, live.context, step.databaseUrl);
    monitor = await attachMonitor(step.monitor, target.pid, csv, live.context.out);
    database = await watchDatabase(
      { url: target.databaseUrl, embedded: target.embedded },
      { outDir: step.outDir, runId: run.runId, out: live.context.out, err: live.context.err },
    );
    live.start();
    engineStartMs = Date.now();
    outcome = await runBundle(engine, {
      bundle: bundlePath(step.script),
      env: { ...run.env, BASE_URL: target.url },
      cwd: step.outDir,
      signal: context.signal,
      summaryExport: run.summaryExport,
      seriesFile: files.series,
      ndjsonFile: files.ndjson,
      targetRate: run.targetRate,
      live: live.feed,
      ...(step.instances && step.instances > 1
        ? { instances: { count: step.instances, script: step.script } }
        : {}),
    });
  } catch (error) {
    if (!(error instanceof InterruptedError)) {
      await run.dispose();
      throw error;
    }
    context.err(`rota-perf: ${error.message}`);
  } finally {
    live.stop();
    databaseJson = (await database?.stop()) ?? null;
    memory = (await monitor?.stop()) ?? null;
    await target?.stop();
  }
  let exitCode = outcome.exitCode;
  if (context.signal.aborted && exitCode === EXIT_CODES.ok) exitCode = EXIT_CODES.externalAbort;
  if (memory) {
    const { formatMemorySummary } = await import('@rota-perf/mem-monitor');
    context.out(formatMemorySummary(memory).trimEnd());
  }
  const json = join(step.outDir, scriptEntry(step.script).resultsFile);
  const results = await readOwnResults(json, run.runId);
  const resultsJson = results === null ? null : json;
  if (resultsJson === null) exitCode = missingResults(step, json, exitCode, context);
  const memoryCsv =
    monitor !== null && (await writtenSince(csv, run.startedAt.getTime())) ? csv : null;
  const record = await run.record({
    exitCode,
    interrupted: context.signal.aborted,
    target,
    outcome,
    engineStartMs,
    plateauRps: plateauRpsOf(results),
    files: {
      results: resultsJson,
      series: outcome.series ? files.series : null,
      memory_csv: memoryCsv,
      report: step.report ? join(step.outDir, REPORT_FILE) : null,
      ndjson: outcome.series ? files.ndjson : null,
    },
    others: databaseJson === null ? [] : [databaseJson],
    notes: [
      ...(database?.notes ?? []),
      ...(resultsJson === null
        ? [`the script wrote no ${scriptEntry(step.script).resultsFile}`]
        : []),
    ],
  });
  let report: string | null = null;
  if (step.report) {
    report = await writeReportSafely(step.outDir, context);
    if (report === null)
      await writeRunRecord(step.outDir, { ...record, files: { ...record.files, report: null } });
    printOutputs(context, {
      resultsJson,
      series: record.files.series === null ? null : files.series,
      memoryCsv,
      databaseJson,
      runRecord: join(step.outDir, 'run.json'),
      report,
    });
  }
  return { exitCode, resultsJson, memoryCsv, memory, report, record, databaseJson };
}

/**
 * The exit code of a run whose script wrote no results file of this run. An engine that says
 * 0 ran the test but its handleSummary failed (k6 only logs that): not a success, so 107 (a
 * script error, as the README's table says) with one line naming the file. Another code
 * already tells why the run failed, and stays.
 */
function missingResults(step: BenchStep, json: string, exitCode: number, context: RunContext) {
  if (exitCode !== EXIT_CODES.ok) {
    context.err(`rota-perf ${step.command}: the run wrote no ${json} (exit code ${exitCode})`);
    return exitCode;
  }
  context.err(
    `rota-perf ${step.command}: the ${step.script} script wrote no ${json} (its handleSummary failed; see its log above): exit code ${EXIT_CODES.scriptException}`,
  );
  return EXIT_CODES.scriptException;
}

/** The report is an extra: a failure is reported, not fatal to a run that produced results. */
export async function writeReportSafely(
  folder: string,
  context: RunContext,
): Promise<string | null> {
  try {
    return await writeReport(folder);
  } catch (error) {
    context.err(`rota-perf: HTML report not written: ${firstLine(error)}`);
    return null;
  }
}

/** Prints where each output is (or that it is missing). */
export function printOutputs(context: RunContext, files: Record<string, string | null>): void {
  const labels: Record<string, string> = {
    resultsJson: 'results JSON',
    series: 'series',
    memoryCsv: 'memory CSV',
    dbBenchJson: 'db-bench JSON',
    databaseJson: 'database JSON',
    runRecord: 'run record',
    report: 'HTML report',
  };
  const lines = Object.entries(files).map(
    ([key, path]) => `  ${`${labels[key] ?? key}:`.padEnd(15)}${path ?? '(not written)'}`,
  );
  context.out(['Outputs:', ...lines].join('\n'));
}
