// The real k6: `k6 run --quiet --out json=<ndjson> --summary-export <file> -e … bundle`, its
// NDJSON followed while it runs and folded into the per-second series (live seconds for the
// progress display), its output lines handed to the display, the series written at the end
// (also when interrupted: whatever k6 wrote is in it).
import { execFile } from 'node:child_process';
import { EXIT_CODES, type RunSeries } from '@rota-perf/core';
import { spawnWithAbort, writeJsonAtomically } from '@rota-perf/core/node';
import { K6NdjsonReader } from '@rota-perf/core/series';
import type { EngineOutcome, EngineRun } from '../engine.js';
import { followFile } from './follow-file.js';

/** The arguments of `k6 run` for a bundle run. */
export function k6RunArgs(run: EngineRun): string[] {
  const args = ['run', '--quiet'];
  if (run.ndjsonFile) args.push('--out', `json=${run.ndjsonFile}`);
  args.push('--summary-export', run.summaryExport);
  for (const [key, value] of Object.entries(run.env)) args.push('-e', `${key}=${value}`);
  args.push(run.bundle);
  return args;
}

/** `k6 version` → `0.49.0` (`unknown` when it cannot tell). */
export function k6Version(binary: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(binary, ['version'], { timeout: 10_000 }, (error, stdout) => {
      const match = /v?(\d+\.\d+\.\d+[\w.+-]*)/.exec(String(stdout));
      resolve(error || !match ? 'unknown' : (match[1] as string));
    });
  });
}

/** Runs k6; resolves once it exited and its stream is read to the end. */
export async function runK6(binary: string, run: EngineRun): Promise<EngineOutcome> {
  let announced = false;
  const reader = new K6NdjsonReader({
    ...(run.targetRate ? { targetRate: run.targetRate } : {}),
    onSecond: (second) => run.live?.onSecond(second),
  });
  const push = (line: string) => {
    reader.pushLine(line);
    if (!announced && reader.startMs !== null) {
      announced = true;
      run.live?.onStart(reader.startMs);
    }
  };
  const followed = run.ndjsonFile ? followFile(run.ndjsonFile, push) : null;
  let exitCode: number;
  try {
    const ended = await spawnWithAbort(binary, k6RunArgs(run), {
      cwd: run.cwd,
      signal: run.signal,
      ...(run.live ? { onLine: run.live.onLine } : {}),
    });
    exitCode = ended.code ?? (ended.signal ? EXIT_CODES.externalAbort : EXIT_CODES.generic);
  } finally {
    await followed?.stop();
  }
  let series: RunSeries | null = null;
  if (followed !== null) {
    series = reader.finish();
    if (run.seriesFile) await writeJsonAtomically(run.seriesFile, series);
  }
  return { exitCode, series, testStartMs: reader.startMs };
}
