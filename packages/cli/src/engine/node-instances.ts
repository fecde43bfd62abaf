// `bench --instances N`: node-runner as N processes on this machine, each one execution segment
// of the same test (i/N:(i+1)/N), each writing its series, k6 NDJSON samples and summary into
// instance-<i>/ of the results folder; then merged (../merge/) into the folder's own results
// file, series and summary export. A rehearsal of a distributed run, and a way to give the
// load generator more than one core. Each child stops when this process goes away (run()'s
// IPC channel) or the signal aborts.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT_CODES, type RunInstance, type ScriptName, seriesFileName } from '@rota-perf/core';
import type { EngineOutcome, EngineRun } from '../engine.js';
import { combineParts } from '../merge/combine.js';
import type { InstancePart } from '../merge/parts.js';
import { readSeries } from './node-run.js';

/** The segment of instance `i` of `n` and the sequence of all of them (`0,1/3,2/3,1`). */
export function instanceSegments(n: number): { segments: string[]; sequence: string } {
  const point = (i: number) => (i === 0 ? '0' : i === n ? '1' : `${i}/${n}`);
  const segments = Array.from({ length: n }, (_, i) => `${point(i)}:${point(i + 1)}`);
  return { segments, sequence: Array.from({ length: n + 1 }, (_, i) => point(i)).join(',') };
}

/** k6's verdict codes: anything else from an instance (a crash, an interrupt) wins. */
const VERDICT_CODES = new Set<number>([EXIT_CODES.ok, EXIT_CODES.thresholds]);

/** Runs the bundle as `count` segmented node-runner instances and merges them. */
export async function runNodeInstances(
  run: EngineRun,
  script: ScriptName,
  count: number,
): Promise<EngineOutcome & { instances: RunInstance[] }> {
  const { run: runScript } = await import('@rota-perf/node-runner');
  const { segments, sequence } = instanceSegments(count);
  const runId = run.env.RUN_ID ?? 'run';
  let started = false;
  const outcomes = await Promise.all(
    segments.map(async (segment, i) => {
      const id = `instance-${i + 1}`;
      const dir = join(run.cwd, id);
      await mkdir(dir, { recursive: true });
      const files = {
        series: join(dir, seriesFileName(script)),
        ndjson: join(dir, `${script}_k6.ndjson`),
      };
      const live = run.live;
      const result = await runScript(run.bundle, {
        // The merged summary is printed once, by the merge; an instance's own stays in its folder.
        env: { ...run.env, RESULTS_DIR: dir, RUN_ID: `${runId}-${i + 1}`, SUMMARY_STDOUT: 'false' },
        cwd: dir,
        quiet: true,
        signal: run.signal,
        summaryExport: join(dir, 'summary-export.json'),
        seriesFile: files.series,
        outputs: [`json=${files.ndjson}`],
        executionSegment: segment,
        executionSegmentSequence: sequence,
        ...(live
          ? {
              // The first instance to start starts the clock; every instance's seconds add up.
              onPlan: () => {
                if (!started) live.onStart(Date.now());
                started = true;
              },
              onSecond: (s) => live.onSecond(s),
            }
          : {}),
      });
      const series = await readSeries(files.series);
      return { id, segment, ndjson: files.ndjson, series, exitCode: result.exitCode };
    }),
  );
  const parts: InstancePart[] = outcomes
    .filter((o) => o.series !== null)
    .map((o) => ({
      id: o.id,
      ndjson: o.ndjson,
      series: o.series as NonNullable<typeof o.series>,
      segment: o.segment,
      record: null,
      thresholds: new Map(),
    }));
  const failed = outcomes.find((o) => !VERDICT_CODES.has(o.exitCode));
  if (parts.length === 0)
    return {
      exitCode: failed?.exitCode ?? EXIT_CODES.generic,
      series: null,
      testStartMs: null,
      instances: [],
    };
  // Merged also after an interrupt: the partial results of what the instances measured.
  const combined = await combineParts(parts, {
    script,
    variables: run.env,
    outDir: run.cwd,
    runId,
    summaryExport: run.summaryExport,
    signal: new AbortController().signal,
  });
  return {
    exitCode: failed?.exitCode ?? combined.exitCode,
    series: combined.series,
    testStartMs: Date.parse(combined.series.started_at),
    instances: combined.instances,
  };
}
