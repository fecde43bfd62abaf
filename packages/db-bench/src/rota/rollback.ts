import type { Database, Executor } from '@rota-perf/rota-db';
import type { CaseWrapper } from '../harness/define-case.js';

// Thrown after the timed call so that Drizzle rolls the transaction back; never escapes.
class RollbackSignal extends Error {
  override readonly name = 'RollbackSignal';
}

/**
 * Runs every timed call in its own transaction and rolls it back afterwards, outside the
 * timer, so a write case leaves no row behind (a savepoint inside commits nothing either).
 */
export function rollbackAfter(db: Database): CaseWrapper<Executor> {
  return async (timed) => {
    try {
      await db.transaction(async (tx) => {
        await timed(tx);
        throw new RollbackSignal();
      });
    } catch (error) {
      if (!(error instanceof RollbackSignal)) throw error;
    }
  };
}
