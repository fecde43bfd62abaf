// A child process tied to an AbortSignal: aborting passes Ctrl-C on (the child then stops the
// way it stops for a user), and the promise says how it ended.
import { type StdioOptions, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { CommandError } from '../errors.js';
import { guardChild } from './child-guard.js';

/** Options of spawnWithAbort. */
export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  signal?: AbortSignal;
  /**
   * Each line the child prints, instead of passing its stdout/stderr through (so a live
   * display can place them); stdin stays inherited.
   */
  onLine?: (line: string, channel: 'stdout' | 'stderr') => void;
}

/** How the child ended: its exit code, or the signal that ended it. */
export interface SpawnResult {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Runs `file args`; on abort the child gets SIGINT. A child that cannot start is a CommandError. */
export function spawnWithAbort(
  file: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<SpawnResult> {
  const onLine = options.onLine;
  const child = spawn(file, args, {
    stdio: onLine ? ['inherit', 'pipe', 'pipe'] : (options.stdio ?? 'inherit'),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
  // A child (the k6 binary) stops when this process goes away: Ctrl-C, then SIGKILL if stuck.
  guardChild(child, { stopSignal: 'SIGINT', killAfterMs: 30_000 });
  // Both streams are read to their end before the promise settles: no line is lost.
  const drained: Promise<void>[] = [];
  if (onLine) {
    for (const channel of ['stdout', 'stderr'] as const) {
      const stream = child[channel];
      if (!stream) continue;
      const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
      lines.on('line', (line) => onLine(line, channel));
      drained.push(new Promise((resolve) => lines.once('close', () => resolve())));
    }
  }
  const onAbort = () => child.kill('SIGINT');
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(new CommandError(`cannot start ${file}: ${error.message}`));
    });
    child.on('exit', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      void Promise.all(drained).then(() => resolve({ code, signal }));
    });
  });
}
