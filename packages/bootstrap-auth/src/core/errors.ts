import { CommandError } from '@rota-perf/core';

/** A setup failure the user can act on (target unreachable, login refused): one line, exit 1. */
export class BootstrapError extends CommandError {
  constructor(message: string) {
    super(message);
    this.name = 'BootstrapError';
  }
}
