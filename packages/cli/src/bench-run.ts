// One bundle run as `bench` and `start` do it: target, engine, memory monitor, results JSON,
// memory CSV, HTML report, and a list of what was written where.
import { join } from 'node:path';
import type { MemorySummary } from '@rota-perf/report-formatter';
import type { CommandContext } from './command.js';
import { EXIT_INTERRUPTED, firstLine, InterruptedError } from './errors.js';
import { type AttachedMonitor, attachMonitor, type MonitorChoice } from './monitor.js';
import { RESULTS_FILES, writtenSince } from './outputs.js';
import { writeReport } from './report.js';

/** What to run and where its outputs go. */
export interface BenchStep {
  script: 'performance' | 'rps_probe' | 'progress_probe' | 'progress_write';
  engine: 'auto' | 'k6' | 'node';
  /** Script variables (`-e`); RESULTS_DIR is set to `outDir`. */
  env: Record<string, string>;
  baseUrl?: string;
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
}

/** Runs one bundle; never leaves the target or the monitor running. */
export async function runBenchStep(
  step: BenchStep,
  context: CommandContext,
): Promise<BenchStepResult> {
  const startedAt = Date.now();
  const { runBench } = await import('@rota-perf/k6-scenarios');
  const env: Record<string, string> = { ...step.env, RESULTS_DIR: step.outDir };
  if (step.baseUrl !== undefined) env.BASE_URL = step.baseUrl;
  const csv = join(step.outDir, `${step.script}_memory.csv`);
  // A holder, not a `let`: the monitor is attached inside a callback.
  const attached: { monitor: AttachedMonitor | null } = { monitor: null };
  let exitCode: number;
  let memory: MemorySummary | null = null;
  try {
    const result = await runBench({
      script: step.script,
      engine: step.engine,
      env,
      cwd: step.outDir,
      fixture: step.fixture,
      quiet: step.quiet,
      signal: context.signal,
      log: context.out,
      onTarget: async (target) => {
        // Ctrl-C while the embedded target was starting: stop before any load is sent.
        if (context.signal.aborted)
          throw new InterruptedError('interrupted before the run started');
        attached.monitor = await attachMonitor(
          step.monitor,
          target.embedded ? target.pid : null,
          csv,
          context.out,
        );
      },
    });
    exitCode = result.exitCode;
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    context.err(`rota-perf: ${error.message}`);
    exitCode = EXIT_INTERRUPTED;
  } finally {
    memory = (await attached.monitor?.stop()) ?? null;
  }
  if (context.signal.aborted && exitCode === 0) exitCode = EXIT_INTERRUPTED;
  if (memory) {
    const { formatMemorySummary } = await import('@rota-perf/report-formatter');
    context.out(formatMemorySummary(memory).trimEnd());
  }
  const json = join(step.outDir, RESULTS_FILES[step.script] as string);
  const resultsJson = (await writtenSince(json, startedAt)) ? json : null;
  if (resultsJson === null)
    context.err(`rota-perf: the run wrote no ${json} (exit code ${exitCode})`);
  const memoryCsv = attached.monitor !== null && (await writtenSince(csv, startedAt)) ? csv : null;
  let report: string | null = null;
  if (step.report && (resultsJson !== null || memoryCsv !== null)) {
    report = await writeReportSafely(step.outDir, context);
  }
  // The main job lists every output once at its end.
  if (step.report) printOutputs(context, { resultsJson, memoryCsv, report });
  return { exitCode, resultsJson, memoryCsv, memory, report };
}

/** The report is an extra: a failure is reported, not fatal to a run that produced results. */
export async function writeReportSafely(
  folder: string,
  context: CommandContext,
): Promise<string | null> {
  try {
    return await writeReport(folder);
  } catch (error) {
    context.err(`rota-perf: HTML report not written: ${firstLine(error)}`);
    return null;
  }
}

/** Prints where each output is (or that it is missing). */
export function printOutputs(context: CommandContext, files: Record<string, string | null>): void {
  const labels: Record<string, string> = {
    resultsJson: 'results JSON',
    memoryCsv: 'memory CSV',
    dbBenchJson: 'db-bench JSON',
    report: 'HTML report',
  };
  const lines = Object.entries(files).map(
    ([key, path]) => `  ${`${labels[key] ?? key}:`.padEnd(15)}${path ?? '(not written)'}`,
  );
  context.out(['Outputs:', ...lines].join('\n'));
}
