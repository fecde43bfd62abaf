import { EXIT_CODES, RotaPerfError } from '@rota-perf/core';

/** Exit codes as k6 v0.49 uses them: the core's one table (errext/exitcodes plus 1 and 2). */
export const EXIT = EXIT_CODES;

/** An error that ends the run with one readable line and a k6 exit code (no stack trace). */
export class RunnerError extends RotaPerfError {
  constructor(message: string, exitCode: number) {
    super(message, exitCode);
    this.name = 'RunnerError';
  }
}

/** Errors k6 raises from Go code print as `GoError: <message>`; scripts sometimes match on that. */
export class GoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoError';
  }
}

export const REAL_K6_HINT =
  'run the script with the real k6 binary (https://grafana.com/docs/k6/latest/set-up/install-k6/)';

/** Thrown for k6 APIs the Node runner deliberately does not implement. */
export function unsupported(what: string): RunnerError {
  return new RunnerError(
    `k6-node: ${what} is not supported by the Node runner; ${REAL_K6_HINT}`,
    EXIT.scriptException,
  );
}
