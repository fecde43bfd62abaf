/** A database problem the user can fix (bad URL, server down, wrong password): print `message` alone. */
export class RotaDbError extends Error {
  override readonly name = 'RotaDbError';
  /** True for bad input (malformed URL, unknown preset): commands exit with code 2. */
  readonly usage: boolean;

  constructor(message: string, options: { usage?: boolean } = {}) {
    super(message);
    this.usage = options.usage ?? false;
  }
}
