// The adaptive search of `probe --adaptive`: one target for the whole search, one bundle run
// per level, memory sampled throughout, then the results JSON and the report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AdaptiveResultsJson,
  EXIT_CODES,
  InterruptedError,
  memoryCsvName,
  RESULT_FILE,
} from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';
import { createLevelRunner } from './adaptive.js';
import { chooseEngine, printOutputs, writeReportSafely } from './bench-run.js';
import type { RunContext } from './context.js';
import type { EnginePreference } from './engine.js';
import { type AttachedMonitor, attachMonitor, type MonitorChoice } from './monitor.js';
import { openTarget, type Target } from './target.js';

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
  run: {
    engine: EnginePreference;
    env: Record<string, string>;
    fixture: 'small' | 'large';
    monitor: MonitorChoice;
    baseUrl: string | undefined;
  },
  outDir: string,
  context: RunContext,
): Promise<number> {
  chooseEngine('rps_probe', run.engine, context);
  const workDir = await mkdtemp(join(tmpdir(), 'rota-perf-probe-'));
  let target: Target | null = null;
  let monitor: AttachedMonitor | null = null;
  const csv = join(outDir, memoryCsvName('rps_probe_adaptive'));
  try {
    target = await openTarget(run.baseUrl, run.fixture, context);
    monitor = await attachMonitor(run.monitor, target.pid, csv, context.out);
    const { searchCeiling } = await import('@rota-perf/rps-sweeper');
    const started = Date.now();
    const result = await searchCeiling({
      ...settings,
      runLevel: createLevelRunner({
        engine: run.engine,
        processEnv: context.env,
        baseUrl: target.url,
        env: run.env,
        workDir,
        tolerance: settings.tolerance,
        p95Ms: settings.p95SloMs,
        signal: context.signal,
      }),
      onRun: ({ phase, rate, level }) => {
        const elapsed = Math.round((Date.now() - started) / 1000);
        const verdict = level.passed ? 'PASS' : `FAIL (${level.reason ?? 'no reason'})`;
        context.out(
          `[${elapsed}s] ${phase} ${rate} RPS: achieved ${level.achievedRps ?? 'n/a'} RPS, ${verdict}`,
        );
      },
    });
    const { buildSweepResultsJson } = await import('@rota-perf/rps-sweeper');
    const { formatSweepSummary } = await import('@rota-perf/report-formatter');
    context.out(
      formatSweepSummary(result.sweep, { color: context.tty && !context.env.NO_COLOR }).trimEnd(),
    );
    for (const note of result.notes) context.out(`note: ${note}`);
    const json = join(outDir, RESULT_FILE.adaptiveProbe);
    const doc: AdaptiveResultsJson = {
      ...buildSweepResultsJson(result.sweep),
      ceiling: result.ceiling,
      first_failure: result.firstFailure,
      confirmed: result.confirmed,
      reached_max: result.reachedMax,
      exhausted: result.exhausted,
      notes: result.notes,
      runs: result.runs.map((r) => ({ phase: r.phase, rate: r.rate, passed: r.level.passed })),
    };
    await writeJsonAtomically(json, doc);
    const memory = await monitor?.stop();
    monitor = null;
    const report = await writeReportSafely(outDir, context);
    printOutputs(context, { resultsJson: json, memoryCsv: memory ? csv : null, report });
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError || context.signal.aborted) {
      context.err('rota-perf probe: interrupted; no ceiling was concluded');
      return EXIT_CODES.externalAbort;
    }
    throw error;
  } finally {
    await monitor?.stop();
    await target?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
