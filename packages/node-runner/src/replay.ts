import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT, RunnerError } from './errors.js';
import type { ReplayOptions } from './replay/replay.js';
import { childExecArgv, type RunResult } from './run.js';
import type { SummaryData } from './summary/data.js';

export type { ReplayOptions };

type ChildMessage =
  | { type: 'result'; exitCode: number; summaryData: SummaryData | null }
  | { type: 'error'; message: string; exitCode: number };

/**
 * Ends a test from recorded samples (k6 `--out json` NDJSON of one or several instances of a
 * run) in a child process: the script's thresholds re-evaluated on all the samples, its
 * handleSummary run as at the end of a test. Rejects with a RunnerError naming the file and
 * line of a corrupt sample; aborting `signal` stops the child.
 */
export function replay(
  scriptPath: string,
  files: readonly string[],
  options: Omit<ReplayOptions, 'signal'> & { signal?: AbortSignal } = {},
): Promise<RunResult> {
  const { signal, ...config } = options;
  const entry = fileURLToPath(new URL('./replay-child.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify({ ...config, script: scriptPath, files })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      cwd: config.cwd ?? process.cwd(),
      execArgv: childExecArgv(process.execArgv),
    });
    let message: ChildMessage | null = null;
    child.on('message', (msg: ChildMessage) => {
      message = msg;
    });
    const onAbort = () => child.kill('SIGINT');
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      signal?.removeEventListener('abort', onAbort);
      const got = message as ChildMessage | null;
      if (got?.type === 'result') resolve({ exitCode: got.exitCode, summaryData: got.summaryData });
      else if (got?.type === 'error') reject(new RunnerError(got.message, got.exitCode));
      else
        reject(
          new RunnerError(
            `the replay process ended without a result (${sig ?? `exit code ${code}`})`,
            sig ? EXIT.externalAbort : EXIT.generic,
          ),
        );
    });
  });
}
