import type { EngineResult } from './engine/engine.js';
import { EXIT } from './errors.js';
import {
  type LiveSeriesOptions,
  type SupervisedOptions,
  superviseScript,
} from './supervisor/supervise.js';
import { writeErr } from './util/output.js';

/**
 * Runs a script with k6's Ctrl-C behaviour: the engine in a worker thread, this thread free to
 * handle signals (the first stops the test gracefully, the second exits at once) and to stop
 * the engine when VU code blocks it. Errors are printed as one line; the exit code is returned.
 * `stop` asks for the graceful stop without counting as a signal: a parent passing on the
 * Ctrl-C its process group already delivered here must not make it a second one.
 */
export async function runAsProcess(
  script: string,
  opts: SupervisedOptions,
  onReady?: () => void,
  live?: LiveSeriesOptions,
  stop?: AbortSignal,
): Promise<EngineResult> {
  const supervision = superviseScript(script, opts, live);
  stop?.addEventListener('abort', () => supervision.abort(), { once: true });
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) supervision.abort();
    else {
      writeErr('Aborting k6 in response to signal\n');
      process.exit(EXIT.externalAbort);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  onReady?.();
  try {
    return await supervision.result;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Runs a script in an engine thread for a command: the caller's signal acts as Ctrl-C. The
 * supervisor prints a failure as one line (k6's way) and returns its exit code.
 */
export async function runSupervised(
  script: string,
  opts: SupervisedOptions,
  signal: AbortSignal,
  live?: LiveSeriesOptions,
): Promise<EngineResult> {
  const supervision = superviseScript(script, opts, live);
  const onAbort = () => supervision.abort();
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await supervision.result;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

/** Exits once stdout and stderr are flushed (pipes drop unflushed output on process.exit). */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
