// The instances of one run added up into one results folder's data: the script's results file
// and summary export from all their samples (node-runner's replay: the script's own thresholds
// and handleSummary), the merged per-second series, and each instance's share.
import { join } from 'node:path';
import { type RunInstance, type RunSeries, type ScriptName, seriesFileName } from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';
import { mergeSeries, seriesTotals } from '@rota-perf/core/series';
import { bundlePath } from '../outputs.js';
import type { InstancePart } from './parts.js';

/** Where the merged data goes and what the script is given. */
export interface CombineOptions {
  script: ScriptName;
  /** The run's variables (the script's `__ENV`); RESULTS_DIR and RUN_ID are set here. */
  variables: Record<string, string>;
  outDir: string;
  runId: string;
  /** Where the summary export of the merged samples goes (the record's thresholds, checks). */
  summaryExport: string;
  signal: AbortSignal;
}

/** The merged run's data. */
export interface Combined {
  /** The script's exit code on the merged data (99: a threshold crossed). */
  exitCode: number;
  series: RunSeries;
  seriesFile: string;
  instances: RunInstance[];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** Each instance's requests, iterations and rate, and its share of all requests. */
export function instanceShares(parts: readonly InstancePart[]): RunInstance[] {
  const totals = parts.map((p) => seriesTotals(p.series));
  const all = totals.reduce((n, t) => n + t.requests, 0);
  return parts.map((part, i) => {
    const t = totals[i] as (typeof totals)[number];
    return {
      id: part.id,
      segment: part.segment ?? 'unknown',
      requests: t.requests,
      share: all > 0 ? round(t.requests / all) : 0,
      iterations: t.iterations,
      achieved_rps: t.achievedRps === null ? null : round(t.achievedRps),
    };
  });
}

/** Replays all the samples through the script and merges the series; writes both. */
export async function combineParts(
  parts: readonly InstancePart[],
  options: CombineOptions,
): Promise<Combined> {
  const { replay } = await import('@rota-perf/node-runner');
  const result = await replay(
    bundlePath(options.script),
    parts.map((p) => p.ndjson),
    {
      cwd: options.outDir,
      env: {
        ...options.variables,
        RESULTS_DIR: options.outDir,
        RUN_ID: options.runId,
      },
      summaryExport: options.summaryExport,
      signal: options.signal,
    },
  );
  const series = mergeSeries(parts.map((p) => p.series));
  const seriesFile = join(options.outDir, seriesFileName(options.script));
  await writeJsonAtomically(seriesFile, series);
  return { exitCode: result.exitCode, series, seriesFile, instances: instanceShares(parts) };
}
