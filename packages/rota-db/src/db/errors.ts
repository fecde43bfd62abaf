import { EXIT_CODES, RotaPerfError } from '@rota-perf/core';

/** A database problem the user can fix (bad URL, server down, wrong password): print `message` alone. */
export class RotaDbError extends RotaPerfError {
  /** True for bad input (malformed URL, unknown preset): commands exit with code 2. */
  declare readonly usage: boolean;

  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message, options.usage ? EXIT_CODES.usage : EXIT_CODES.failure);
    this.name = 'RotaDbError';
    this.usage = options.usage ?? false;
  }
}
