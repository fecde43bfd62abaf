import { type EngineOptions, type EngineResult, executeScript } from './engine/engine.js';
import { EXIT, RunnerError } from './errors.js';

/** Runs a script in this process with k6's Ctrl-C behaviour; errors become one line + exit code. */
export async function runAsProcess(
  script: string,
  opts: Omit<EngineOptions, 'signal'>,
  onReady?: () => void,
): Promise<EngineResult> {
  const controller = new AbortController();
  let signals = 0;
  const onSigint = () => {
    signals++;
    if (signals === 1) controller.abort();
    else {
      process.stderr.write('Aborting k6 in response to signal\n');
      process.exit(EXIT.externalAbort);
    }
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  onReady?.();
  try {
    return await reportRun(script, { ...opts, signal: controller.signal }, (line) =>
      process.stderr.write(`${line}\n`),
    );
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/**
 * Runs a script and reports a failure to start or finish it the way k6 does: the message as
 * one line (no stack) and its k6 exit code as the run's result.
 */
export async function reportRun(
  script: string,
  opts: EngineOptions,
  err: (line: string) => void,
): Promise<EngineResult> {
  try {
    return await executeScript(script, opts);
  } catch (error) {
    if (error instanceof RunnerError) {
      err(error.message);
      return { exitCode: error.exitCode, summaryData: null };
    }
    err(`k6-node: ${error instanceof Error ? error.message : String(error)}`);
    return { exitCode: EXIT.generic, summaryData: null };
  }
}

/** Exits once stdout and stderr are flushed (pipes drop unflushed output on process.exit). */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
