// Which engine runs a bundle, and running it: the real k6 when one is installed, else
// node-runner. The one place the kit chooses and starts an engine; both yield the exit code,
// the per-second series and the summary export the run record is made of.
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { type RunInstance, type RunSeries, type ScriptName, UsageError } from '@rota-perf/core';
import { packageVersionOf } from '@rota-perf/core/node';
import type { FinishedSecond } from '@rota-perf/core/series';
import { k6Version, runK6 } from './engine/k6-run.js';
import { runNodeInstances } from './engine/node-instances.js';
import { runNodeRunner } from './engine/node-run.js';

/** The engine preference of a run. */
export type EnginePreference = 'auto' | 'k6' | 'node';

/** A chosen engine: the k6 binary's path, or node-runner. */
export type Engine = { kind: 'k6'; binary: string } | { kind: 'node' };

type Env = Readonly<Record<string, string | undefined>>;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `K6_BINARY`, else `k6` on PATH, else null. */
export function findK6(env: Env): string | null {
  if (env.K6_BINARY) return env.K6_BINARY;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'k6'))) return join(dir, 'k6');
  }
  return null;
}

/** Resolves `auto|k6|node` to an engine; `k6` without a binary is a usage error. */
export function resolveEngine(preference: EnginePreference, env: Env): Engine {
  if (preference === 'node') return { kind: 'node' };
  const binary = findK6(env);
  if (binary) return { kind: 'k6', binary };
  if (preference === 'k6') {
    throw new UsageError('--engine k6: no k6 binary found (set K6_BINARY or put k6 on PATH)');
  }
  return { kind: 'node' };
}

/** The engine as the run record names it. */
export async function describeEngine(engine: Engine) {
  if (engine.kind === 'k6') {
    return { kind: 'k6' as const, version: await k6Version(engine.binary) };
  }
  const manifest = createRequire(import.meta.url).resolve('@rota-perf/node-runner/package.json');
  return { kind: 'node-runner' as const, version: packageVersionOf(manifest) ?? 'unknown' };
}

/** What the live display is told while the engine runs. */
export interface LiveFeed {
  /** The test started (after setup) at this wall-clock time. */
  onStart(startMs: number): void;
  onSecond(second: FinishedSecond): void;
  /** A line the engine printed (k6's output is read line by line, not passed through). */
  onLine(line: string, channel: 'stdout' | 'stderr'): void;
}

/** Options of one bundle run. */
export interface EngineRun {
  bundle: string;
  /** Passed as `-e KEY=VALUE` (k6) or `__ENV` entries (node-runner). */
  env: Record<string, string>;
  cwd: string;
  signal: AbortSignal;
  /** Where the engine writes its `--summary-export` (the record's thresholds and checks). */
  summaryExport: string;
  /** Where the per-second series goes (null: not kept). */
  seriesFile: string | null;
  /** k6 only: its `--out json` stream, kept beside the results (null: none). */
  ndjsonFile: string | null;
  /** The rate a scenario aims at `t` s after the test start (k6's series has no such field). */
  targetRate?: (scenario: string, t: number) => number | null;
  live?: LiveFeed;
  /** node-runner only: run the test as this many segmented instances, then merge them. */
  instances?: { count: number; script: ScriptName };
}

/** How a run ended and what it measured. */
export interface EngineOutcome {
  /** k6's exit code (99 a threshold failed, 105 interrupted). */
  exitCode: number;
  series: RunSeries | null;
  /** Epoch ms of the test start (bucket 0 of the series), when known. */
  testStartMs: number | null;
  /** The instances of a run split into segments (`bench --instances`). */
  instances?: RunInstance[];
}

/** Runs the bundle with the engine; always quiet (live progress is the orchestrator's). */
export function runBundle(engine: Engine, run: EngineRun): Promise<EngineOutcome> {
  if (engine.kind === 'k6') return runK6(engine.binary, run);
  const split = run.instances;
  return split && split.count > 1
    ? runNodeInstances(run, split.script, split.count)
    : runNodeRunner(run);
}
