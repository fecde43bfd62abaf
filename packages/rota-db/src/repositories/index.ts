import type { Executor } from '../db/types.js';
import { createFormsRepository } from './forms.js';
import { createItemsRepository } from './items.js';
import { createLookupsRepository } from './lookups.js';
import { createTrailsRepository } from './trails.js';
import { createUserProgressRepository } from './user-progress.js';
import { createUserTrailsRepository } from './user-trails.js';
import { createUsersRepository } from './users.js';

/**
 * Every repository over one executor. Pass a transaction (`db.transaction(tx => …)`) to run
 * writes inside it and roll back.
 */
export function createRepositories(db: Executor) {
  return {
    trails: createTrailsRepository(db),
    items: createItemsRepository(db),
    forms: createFormsRepository(db),
    users: createUsersRepository(db),
    userTrails: createUserTrailsRepository(db),
    userProgress: createUserProgressRepository(db),
    lookups: createLookupsRepository(db),
  };
}

/** The object `createRepositories` returns. */
export type Repositories = ReturnType<typeof createRepositories>;
