// The shape of every command: data (name, summary, options table) plus a run function.
// Parsing and --help are both derived from the options table, so the help always lists every
// option with its real default.

/** One option of a command. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Value placeholder in the help text, e.g. `<dir>`. */
  value?: string;
  /** Default shown in the help (and applied for single string options when absent). */
  default?: string;
  description: string;
}

/** The options table of a command, by long name. */
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** A positional argument: its placeholder (`<folder>`) and whether it must be given. */
export interface PositionalSpec {
  name: string;
  required?: boolean;
  /** The last positional only: it takes every argument left (`merge <folder>...`). */
  variadic?: boolean;
}

/** The parsed command line: option values by long name, and positionals. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** A stream live progress may redraw on (stderr); `isTTY` false means plain lines only. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** Where a command reads its environment and writes its output. */
export interface CommandIo {
  /** A line on stdout (results, what was written where). */
  out(line: string): void;
  /** A line on stderr (progress, diagnostics). */
  err(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Relative paths are resolved against it. */
  cwd: string;
  /** True when stdout is a terminal (colour; CI gets plain text). */
  tty: boolean;
  /** stderr, for a progress bar that redraws in place (absent: no live bar). */
  progress?: ProgressStream;
}

/** A command: data plus `run`, which resolves to the exit code and may throw typed errors. */
export interface CommandDef {
  /** The word that invokes it (`db-bench`, `report`). */
  name: string;
  /** One line for the command table. */
  summary: string;
  /** The paragraph under the usage line of --help. */
  description: string;
  options: OptionTable;
  positionals?: readonly PositionalSpec[];
  run(args: ParsedArgs, io: CommandIo, signal: AbortSignal): Promise<number>;
}

/** A command table (`rota-perf <command>`): each command loaded only when it is invoked. */
export interface CommandGroup {
  name: string;
  description: string;
  commands: Readonly<Record<string, { summary: string; load(): Promise<CommandDef> }>>;
}
