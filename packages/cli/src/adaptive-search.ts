// The adaptive search of `probe --adaptive`: one target for the whole search, one bundle run
// per level, memory sampled throughout, then the results JSON and the report.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLevelRunner } from './adaptive.js';
import { printOutputs, writeReportSafely } from './bench-run.js';
import type { CommandContext } from './command.js';
import { EXIT_INTERRUPTED, InterruptedError, UsageError } from './errors.js';
import { type AttachedMonitor, attachMonitor, type MonitorChoice } from './monitor.js';
import { writeJsonAtomically } from './write-json.js';

/** The results file of an adaptive search (the step sweep keeps rps_results.json). */
export const ADAPTIVE_RESULTS = 'adaptive_probe_results.json';

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
    engine: 'auto' | 'k6' | 'node';
    env: Record<string, string>;
    fixture: 'small' | 'large';
    monitor: MonitorChoice;
    baseUrl: string | undefined;
  },
  outDir: string,
  context: CommandContext,
): Promise<number> {
  const { isBuilt, resolveEngine } = await import('@rota-perf/k6-scenarios');
  if (!isBuilt('rps_probe')) {
    throw new UsageError('performance/k6/rps_probe.test.js is missing: build first (pnpm build)');
  }
  const engine = resolveEngine(run.engine);
  context.out(engine.kind === 'k6' ? `engine: k6 (${engine.binary})` : 'engine: node-runner');
  const workDir = await mkdtemp(join(tmpdir(), 'rota-perf-probe-'));
  let api: { url: string; pid: number; stop(): Promise<void> } | null = null;
  let monitor: AttachedMonitor | null = null;
  const csv = join(outDir, 'rps_probe_adaptive_memory.csv');
  try {
    let baseUrl = run.baseUrl;
    if (baseUrl === undefined) {
      context.out(
        `target: starting the reference Rota API on an embedded PostgreSQL (${run.fixture} fixture)…`,
      );
      const { startRotaApi } = await import('@rota-perf/rota-api');
      api = await startRotaApi({ fixture: run.fixture });
      baseUrl = api.url;
    }
    context.out(`target: ${baseUrl}`);
    if (context.signal.aborted) throw new InterruptedError('interrupted before the search started');
    monitor = await attachMonitor(run.monitor, api?.pid ?? null, csv, context.out);
    const { searchCeiling } = await import('@rota-perf/rps-sweeper');
    const started = Date.now();
    const result = await searchCeiling({
      ...settings,
      runLevel: createLevelRunner({
        engine: run.engine,
        baseUrl,
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
    const { buildSweepResultsJson, formatSweepSummary } = await import(
      '@rota-perf/report-formatter'
    );
    context.out(
      formatSweepSummary(result.sweep, { color: context.tty && !context.env.NO_COLOR }).trimEnd(),
    );
    for (const note of result.notes) context.out(`note: ${note}`);
    const json = join(outDir, ADAPTIVE_RESULTS);
    await writeJsonAtomically(json, {
      ...buildSweepResultsJson(result.sweep),
      ceiling: result.ceiling,
      first_failure: result.firstFailure,
      confirmed: result.confirmed,
      reached_max: result.reachedMax,
      exhausted: result.exhausted,
      notes: result.notes,
      runs: result.runs.map((r) => ({ phase: r.phase, rate: r.rate, passed: r.level.passed })),
    });
    const memory = await monitor?.stop();
    monitor = null;
    const report = await writeReportSafely(outDir, context);
    printOutputs(context, { resultsJson: json, memoryCsv: memory ? csv : null, report });
    return 0;
  } catch (error) {
    if (error instanceof InterruptedError || context.signal.aborted) {
      context.err('rota-perf probe: interrupted; no ceiling was concluded');
      return EXIT_INTERRUPTED;
    }
    throw error;
  } finally {
    await monitor?.stop();
    await api?.stop();
    await rm(workDir, { recursive: true, force: true });
  }
}
