import { afterAll, beforeAll } from 'vitest';
import { FIXTURE_PASSWORD_HASH } from '../../fixture/insert-users.js';
import type { FixtureOptions } from '../../fixture/options.js';
import { seedFixture } from '../../fixture/seed.js';
import type { FixtureItem, FixtureTrail } from '../../fixture/types.js';
import { startTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createRepositories, type Repositories } from '../index.js';

/** A seeded test database with repositories and fixture-to-id lookups (per test file). */
export interface SeededRepositories {
  t: TestDatabase;
  repos: Repositories;
  /** Database id of a fixture trail (by its unique thumbnail URL). */
  tid(trail: FixtureTrail): number;
  /** Database id of a fixture item (by its unique URL). */
  iid(item: FixtureItem): number;
  /** Creates a fresh user (`<prefix>-<n>@example.com`) and returns its id. */
  newUser(): Promise<number>;
}

/**
 * Registers beforeAll/afterAll that start an embedded database seeded with `options`; the
 * returned object is filled in before the first test runs.
 */
export function useSeededRepositories(options: FixtureOptions, prefix: string): SeededRepositories {
  const trailIds = new Map<string, number>();
  const itemIds = new Map<string, number>();
  let userSeq = 0;
  const seeded = {
    tid: (trail: FixtureTrail) => trailIds.get(trail.thumbnailUrl) as number,
    iid: (item: FixtureItem) => itemIds.get(item.url) as number,
    async newUser(): Promise<number> {
      userSeq += 1;
      const user = await seeded.repos.users.createUser({
        email: `${prefix}-${userSeq}@example.com`,
        username: `${prefix}_${userSeq}`,
        passwordHash: FIXTURE_PASSWORD_HASH,
        nameForCertificate: 'P',
        birthday: '1990-01-01',
        sex: 'MC',
        color: 'NS',
        role: 'User',
      });
      return user?.userId as number;
    },
  } as SeededRepositories;
  beforeAll(async () => {
    seeded.t = await startTestDatabase();
    await seedFixture(seeded.t.db, options);
    seeded.repos = createRepositories(seeded.t.db);
    for (const r of await seeded.t.client`select id, thumbnail_url from trails`)
      trailIds.set(r.thumbnail_url, Number(r.id));
    for (const r of await seeded.t.client`select id, url from trail_items`)
      itemIds.set(r.url, Number(r.id));
  });
  afterAll(async () => {
    await seeded.t?.dispose();
  });
  return seeded;
}
