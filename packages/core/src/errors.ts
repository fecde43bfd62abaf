// The error classes every package throws and every bin maps to an exit code, through
// `exitCodeFor` only. Checked with `instanceof`, never by name. No class fields (k6 v0.49
// cannot parse them): every property is assigned in the constructor.
import { EXIT_CODES } from './exit-codes.js';

/** A user-facing error: one line, no stack trace, and the exit code it ends a command with. */
export class RotaPerfError extends Error {
  /** The process exit code a bin ends with when this error stops a command. */
  declare readonly exitCode: number;

  /** `name` is the subclass's own (set here, not read from the class: bundlers rename classes). */
  constructor(message: string, exitCode: number, name = 'RotaPerfError') {
    super(message);
    this.name = name;
    this.exitCode = exitCode;
  }
}

/** A mistake on the command line (unknown option, missing argument): exit code 2. */
export class UsageError extends RotaPerfError {
  constructor(message: string) {
    super(message, EXIT_CODES.usage, 'UsageError');
  }
}

/**
 * A bad variable or option value; `message` names it and the expected form. Exit code 2 in
 * a command (inside a k6 script the engine reports it as a script error, 107).
 */
export class ConfigError extends RotaPerfError {
  /** The variable or option that held the bad value. */
  declare readonly variable: string;

  constructor(variable: string, message: string) {
    super(message, EXIT_CODES.usage, 'ConfigError');
    this.variable = variable;
  }
}

/** The run was stopped by Ctrl-C / SIGTERM before it could finish: exit code 105. */
export class InterruptedError extends RotaPerfError {
  constructor(message: string) {
    super(message, EXIT_CODES.externalAbort, 'InterruptedError');
  }
}

/** A failure the user can act on that is not a usage mistake (a missing folder…): exit code 1. */
export class CommandError extends RotaPerfError {
  constructor(message: string) {
    super(message, EXIT_CODES.failure, 'CommandError');
  }
}

/** The exit code an error ends a command with: its own for ours, 1 for anything else. */
export function exitCodeFor(error: unknown): number {
  return error instanceof RotaPerfError ? error.exitCode : EXIT_CODES.failure;
}

/**
 * The first line of an error's message (user errors are printed without a stack), with control
 * characters escaped (`\x1b`): a message may quote bytes of a corrupt file, and a terminal must
 * not run them.
 */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return escapeControl(text.split('\n')[0] ?? text);
}

/** `text` with every C0/C1 control character but tab written as `\xNN`. */
export function escapeControl(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what it escapes
  return text.replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

/** Quotes a raw value the way error messages show it: `"abc"`. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
