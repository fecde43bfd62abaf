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
    return await executeScript(script, { ...opts, signal: controller.signal });
  } catch (err) {
    if (err instanceof RunnerError) {
      process.stderr.write(`${err.message}\n`);
      return { exitCode: err.exitCode, summaryData: null };
    }
    process.stderr.write(`k6-node: ${err instanceof Error ? err.message : String(err)}\n`);
    return { exitCode: EXIT.generic, summaryData: null };
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}

/** Exits once stdout and stderr are flushed (pipes drop unflushed output on process.exit). */
export function exitAfterFlush(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
