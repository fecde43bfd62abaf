// One bundle run as `bench` and `start` do it: engine, target, memory monitor, results JSON,
// memory CSV, HTML report, and a list of what was written where. The one orchestration of a
// run in the kit (`pnpm --filter k6-scenarios bench` comes here too).
import { join } from 'node:path';
import {
  EXIT_CODES,
  firstLine,
  InterruptedError,
  type MemorySummary,
  memoryCsvName,
  type ScriptName,
  scriptEntry,
  UsageError,
} from '@rota-perf/core';
import type { RunContext } from './context.js';
import { type DatabaseWatch, watchDatabase } from './database-watch.js';
import { type EnginePreference, resolveEngine, runBundle } from './engine.js';
import { type AttachedMonitor, attachMonitor, type MonitorChoice } from './monitor.js';
import { bundlePath, isBuilt, writtenSince } from './outputs.js';
import { writeReport } from './report.js';
import { openTarget, type Target } from './target.js';

/** What to run and where its outputs go. */
export interface BenchStep {
  script: ScriptName;
  engine: EnginePreference;
  /** Script variables (`-e`); RESULTS_DIR is set to `outDir`. */
  env: Record<string, string>;
  baseUrl?: string | undefined;
  /** The --base-url target's PostgreSQL (the embedded target's is known). */
  databaseUrl?: string | undefined;
  outDir: string;
  fixture: 'small' | 'large';
  monitor: MonitorChoice;
  quiet: boolean;
  /** Write the HTML report after the run (the main job writes it once at the end). */
  report: boolean;
}

/** The outcome of a bench step. */
export interface BenchStepResult {
  exitCode: number;
  resultsJson: string | null;
  memoryCsv: string | null;
  memory: MemorySummary | null;
  report: string | null;
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
  const startedAt = Date.now();
  const engine = chooseEngine(step.script, step.engine, context);
  const csv = join(step.outDir, memoryCsvName(step.script));
  let target: Target | null = null;
  let monitor: AttachedMonitor | null = null;
  let database: DatabaseWatch | null = null;
  let databaseJson: string | null = null;
  let exitCode: number;
  let memory: MemorySummary | null = null;
  try {
    target = await openTarget(step.baseUrl, step.fixture, context, step.databaseUrl);
    monitor = await attachMonitor(step.monitor, target.pid, csv, context.out);
    database = await watchDatabase(
      { url: target.databaseUrl, embedded: target.embedded },
      { outDir: step.outDir, out: context.out, err: context.err },
    );
    exitCode = await runBundle(engine, {
      bundle: bundlePath(step.script),
      env: { ...step.env, RESULTS_DIR: step.outDir, BASE_URL: target.url },
      cwd: step.outDir,
      quiet: step.quiet,
      signal: context.signal,
    });
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    context.err(`rota-perf: ${error.message}`);
    exitCode = EXIT_CODES.externalAbort;
  } finally {
    memory = (await monitor?.stop()) ?? null;
    databaseJson = (await database?.stop()) ?? null;
    await target?.stop();
  }
  if (context.signal.aborted && exitCode === EXIT_CODES.ok) exitCode = EXIT_CODES.externalAbort;
  if (memory) {
    const { formatMemorySummary } = await import('@rota-perf/mem-monitor');
    context.out(formatMemorySummary(memory).trimEnd());
  }
  const json = join(step.outDir, scriptEntry(step.script).resultsFile);
  const resultsJson = (await writtenSince(json, startedAt)) ? json : null;
  if (resultsJson === null)
    context.err(`rota-perf: the run wrote no ${json} (exit code ${exitCode})`);
  const memoryCsv = monitor !== null && (await writtenSince(csv, startedAt)) ? csv : null;
  let report: string | null = null;
  if (step.report && (resultsJson !== null || memoryCsv !== null)) {
    report = await writeReportSafely(step.outDir, context);
  }
  // The main job lists every output once at its end.
  if (step.report) printOutputs(context, { resultsJson, memoryCsv, databaseJson, report });
  return { exitCode, resultsJson, memoryCsv, memory, report, databaseJson };
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
    memoryCsv: 'memory CSV',
    dbBenchJson: 'db-bench JSON',
    databaseJson: 'database JSON',
    report: 'HTML report',
  };
  const lines = Object.entries(files).map(
    ([key, path]) => `  ${`${labels[key] ?? key}:`.padEnd(15)}${path ?? '(not written)'}`,
  );
  context.out(['Outputs:', ...lines].join('\n'));
}
