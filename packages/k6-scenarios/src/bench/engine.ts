// Which engine runs a bundle: the real k6 when one is installed, else node-runner.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { run as runOnNode } from '@rota-perf/node-runner';
import { UsageError } from './scripts.js';

/** The engine preference of a run. */
export type EnginePreference = 'auto' | 'k6' | 'node';

/** A chosen engine: the k6 binary's path, or node-runner. */
export type Engine = { kind: 'k6'; binary: string } | { kind: 'node' };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `K6_BINARY`, else `k6` on PATH, else null. */
export function findK6(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.K6_BINARY) return env.K6_BINARY;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'k6'))) return join(dir, 'k6');
  }
  return null;
}

/** Resolves `auto|k6|node` to an engine; `k6` without a binary is a usage error. */
export function resolveEngine(
  preference: EnginePreference,
  env: NodeJS.ProcessEnv = process.env,
): Engine {
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
  signal?: AbortSignal;
}

/** Runs the bundle; resolves to k6's exit code (99 when a threshold failed). */
export async function runBundle(engine: Engine, options: EngineRun): Promise<number> {
  if (engine.kind === 'node') {
    const result = await runOnNode(options.bundle, {
      env: options.env,
      cwd: options.cwd,
      quiet: options.quiet ?? false,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return result.exitCode;
  }
  const args = ['run', ...(options.quiet ? ['--quiet'] : [])];
  for (const [key, value] of Object.entries(options.env)) args.push('-e', `${key}=${value}`);
  args.push(options.bundle);
  const child = spawn(engine.binary, args, { cwd: options.cwd, stdio: 'inherit' });
  const onAbort = () => child.kill('SIGINT');
  options.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new UsageError(`cannot start ${engine.binary}: ${error.message}`)),
    );
    child.on('exit', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve(code ?? (signal ? 105 : 255));
    });
  });
}
