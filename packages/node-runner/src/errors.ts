// Exit codes as k6 v0.49 uses them (errext/exitcodes), so callers can treat both engines alike.
export const EXIT = {
  ok: 0,
  usage: 2,
  thresholds: 99,
  setupTimeout: 100,
  teardownTimeout: 101,
  invalidConfig: 104,
  externalAbort: 105,
  scriptException: 107,
  scriptAborted: 108,
  generic: 255,
} as const;

/** An error that ends the run with one readable line and a k6 exit code (no stack trace). */
export class RunnerError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'RunnerError';
    this.exitCode = exitCode;
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
