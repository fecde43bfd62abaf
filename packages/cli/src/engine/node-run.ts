// node-runner in its own process (its run()), quiet: the orchestrator shows progress from the
// seconds node-runner hands over live, and reads the series file it writes at the end.
import { readFile } from 'node:fs/promises';
import { type RunSeries, SERIES_VERSION } from '@rota-perf/core';
import type { EngineOutcome, EngineRun } from '../engine.js';

/** A series file, or null when it is missing or not one. */
export async function readSeries(path: string | null): Promise<RunSeries | null> {
  if (path === null) return null;
  try {
    const series = JSON.parse(await readFile(path, 'utf8')) as RunSeries;
    return series.version === SERIES_VERSION ? series : null;
  } catch {
    return null;
  }
}

/** Runs the bundle with node-runner. */
export async function runNodeRunner(run: EngineRun): Promise<EngineOutcome> {
  const { run: runScript } = await import('@rota-perf/node-runner');
  const live = run.live;
  const result = await runScript(run.bundle, {
    env: run.env,
    cwd: run.cwd,
    quiet: true,
    signal: run.signal,
    summaryExport: run.summaryExport,
    ...(run.seriesFile !== null ? { seriesFile: run.seriesFile } : {}),
    ...(live ? { onPlan: () => live.onStart(Date.now()), onSecond: (s) => live.onSecond(s) } : {}),
  });
  const series = await readSeries(run.seriesFile);
  return {
    exitCode: result.exitCode,
    series,
    testStartMs: series ? Date.parse(series.started_at) : null,
  };
}
