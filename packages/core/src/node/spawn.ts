// A child process tied to an AbortSignal: aborting passes Ctrl-C on (the child then stops the
// way it stops for a user), and the promise says how it ended.
import { type StdioOptions, spawn } from 'node:child_process';
import { CommandError } from '../errors.js';

/** Options of spawnWithAbort. */
export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdio?: StdioOptions;
  signal?: AbortSignal;
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
  const child = spawn(file, args, {
    stdio: options.stdio ?? 'inherit',
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
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
      resolve({ code, signal });
    });
  });
}
