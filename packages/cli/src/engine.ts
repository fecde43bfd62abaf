// Which engine runs a bundle, and running it: the real k6 when one is installed, else
// node-runner. The one place the kit chooses and starts an engine.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { EXIT_CODES, UsageError } from '@rota-perf/core';
import { spawnWithAbort } from '@rota-perf/core/node';

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

/** Options of one bundle run. */
export interface EngineRun {
  bundle: string;
  /** Passed as `-e KEY=VALUE` (k6) or `__ENV` entries (node-runner). */
  env: Record<string, string>;
  cwd: string;
  quiet?: boolean;
  signal: AbortSignal;
}

/** Runs the bundle; resolves to k6's exit code (99 when a threshold failed, 105 interrupted). */
export async function runBundle(engine: Engine, options: EngineRun): Promise<number> {
  if (engine.kind === 'node') {
    const { run } = await import('@rota-perf/node-runner');
    const result = await run(options.bundle, {
      env: options.env,
      cwd: options.cwd,
      quiet: options.quiet ?? false,
      signal: options.signal,
    });
    return result.exitCode;
  }
  const args = ['run', ...(options.quiet ? ['--quiet'] : [])];
  for (const [key, value] of Object.entries(options.env)) args.push('-e', `${key}=${value}`);
  args.push(options.bundle);
  const ended = await spawnWithAbort(engine.binary, args, {
    cwd: options.cwd,
    signal: options.signal,
  });
  return ended.code ?? (ended.signal ? EXIT_CODES.externalAbort : EXIT_CODES.generic);
}
