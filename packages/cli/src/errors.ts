// Errors the CLI turns into one line on stderr and an exit code, never a stack trace.

/** A mistake on the command line: one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A user-facing failure that is not a usage mistake (missing folder, …): one line, exit 1. */
export class CliError extends Error {
  override name = 'CliError';
}

/** The run was stopped by Ctrl-C / SIGTERM before it could finish. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
}

/** k6's exit code for an interrupted run. */
export const EXIT_INTERRUPTED = 105;

// Matched by name, not instanceof: importing the packages that define them would load them
// eagerly and defeat the lazy command table (`--help` should not load Fastify or postgres).
const USAGE_ERROR_NAMES = new Set([
  'UsageError', // ours, k6-scenarios', db-bench's
  'MonitorUsageError', // mem-monitor
  'SweepConfigError', // rps-sweeper: a malformed variable or option
  'ConfigError', // rota-api / bootstrap-auth configuration
]);

/** Maps an error to the exit code of the command (2 usage, 105 interrupted, 1 otherwise). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof InterruptedError) return EXIT_INTERRUPTED;
  if (error instanceof Error && USAGE_ERROR_NAMES.has(error.name)) return 2;
  return 1;
}

/** The first line of an error's message (user errors are printed without a stack). */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}
