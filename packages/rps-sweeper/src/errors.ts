// One error type for every bad input, so callers (k6 init code, the CLI) can tell a user's
// mistake from a bug: print `message` alone and exit 2, no stack trace.

/** A bad configuration value; `message` is one line naming the variable and the expected form. */
export class SweepConfigError extends Error {
  /** The variable (env name or option name) that held the bad value. */
  declare readonly variable: string;

  constructor(variable: string, message: string) {
    super(message);
    this.name = 'SweepConfigError';
    // Assigned here rather than as a class field: k6 v0.49 cannot parse class fields, and
    // the bundle should not depend on the bundler lowering them.
    this.variable = variable;
  }
}

/** Quotes a raw value for an error message the way the messages show it: `"abc"`. */
export function quote(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}
