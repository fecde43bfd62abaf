// The shape every subcommand module exports, and what it gets from the dispatcher.

/** Where a command writes and how it learns about Ctrl-C. */
export interface CommandContext {
  /** Working directory relative paths are resolved against. */
  cwd: string;
  /** Process environment (script variables pass through from here). */
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on the first Ctrl-C / SIGTERM. */
  signal: AbortSignal;
  /** Human-facing output (stdout). */
  out: (line: string) => void;
  /** Progress and diagnostics (stderr). */
  err: (line: string) => void;
  /** True when stdout is a terminal (progress may redraw; CI gets plain lines). */
  tty: boolean;
}

/** A subcommand: its help text and its runner, resolving to the process exit code. */
export interface Command {
  summary: string;
  help: string;
  run(argv: readonly string[], context: CommandContext): Promise<number>;
}
