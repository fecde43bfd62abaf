// The one table of exit codes: k6's own (errext/exitcodes, v0.49) plus the two every command
// uses (1 a failure, 2 bad usage). The README's exit-code table documents these.

/** Exit codes of every rota-perf command and of both engines (k6 and node-runner). */
export const EXIT_CODES = {
  /** Success. */
  ok: 0,
  /** Any other failure (a missing folder, a step that failed). */
  failure: 1,
  /** Bad usage: an unknown command or option, or a bad value. */
  usage: 2,
  /** A threshold was crossed (k6 ThresholdsHaveFailed); `compare`: a regression budget exceeded. */
  thresholds: 99,
  /** setup() did not finish within setupTimeout (k6 SetupTimeout). */
  setupTimeout: 100,
  /** teardown() did not finish within teardownTimeout (k6 TeardownTimeout). */
  teardownTimeout: 101,
  /** The script's options are invalid (k6 InvalidConfig). */
  invalidConfig: 104,
  /** Interrupted with Ctrl-C or SIGTERM (k6 ExternalAbort). */
  externalAbort: 105,
  /** The script threw, e.g. a malformed variable (k6 ScriptException). */
  scriptException: 107,
  /** The script called test.abort() or a threshold aborted it (k6 ScriptAborted). */
  scriptAborted: 108,
  /** An unexpected engine failure (k6's generic 255). */
  generic: 255,
} as const;

/** One of the exit codes above. */
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];
