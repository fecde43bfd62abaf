// node-runner in its own process (its run()), quiet: the orchestrator shows progress. The
// series is node-runner's own file when it writes one.
import { readFile } from 'node:fs/promises';
import { type RunSeries, SERIES_VERSION } from '@rota-perf/core';
import type { EngineOutcome, EngineRun } from '../engine.js';

async function readSeries(path: string | null): Promise<RunSeries | null> {
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
  // node-runner's live feed (onPlan/onSecond/seriesFile of run()) is not there yet: the
  // display shows the clock only, and the series is read if node-runner wrote one.
  run.live?.onNoFeed();
  const result = await runScript(run.bundle, {
    env: run.env,
    cwd: run.cwd,
    quiet: true,
    signal: run.signal,
    summaryExport: run.summaryExport,
  });
  const series = await readSeries(run.seriesFile);
  return {
    exitCode: result.exitCode,
    series,
    testStartMs: series ? Date.parse(series.started_at) : null,
  };
}
