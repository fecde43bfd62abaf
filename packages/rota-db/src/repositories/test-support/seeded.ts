import { afterAll, beforeAll } from 'vitest';
import { generateFixture } from '../../fixture/generate.js';
import { FIXTURE_PASSWORD_HASH } from '../../fixture/insert-users.js';
import type { FixtureOptions } from '../../fixture/options.js';
import { seedFixture } from '../../fixture/seed.js';
import type { FixtureData, FixtureItem, FixtureTrail } from '../../fixture/types.js';
import { startTestDatabase, type TestDatabase } from '../../test-support/database.js';
import { createRepositories, type Repositories } from '../index.js';

/** A seeded test database with repositories and fixture-to-id lookups (per test file). */
export interface SeededDatabase {
  /** The generated fixture that was seeded, to compute expectations without SQL. */
  data: FixtureData;
  t: TestDatabase;
  repos: Repositories;
  /** Database id of a fixture trail (by its unique thumbnail URL). */
  tid(trail: FixtureTrail): number;
  /** Database id of a fixture item (by its unique URL). */
  iid(item: FixtureItem): number;
  /** Creates a fresh user (`<prefix>-<n>@example.com`) and returns its id. */
  newUser(): Promise<number>;
}

/** The sizes of a small fixture: one trail of two sections of three items, no progress. */
const SMALL_SIZES: Omit<FixtureOptions, 'seed'> = {
  trails: 1,
  sectionsPerTrail: 2,
  itemsPerSection: 3,
  questionsPerForm: 2,
  usersWithProgress: 0,
};

/**
 * Registers beforeAll/afterAll that start an embedded database seeded with a fixture of
 * `sizes` (the small sizes where not given); `prefix` names the users `newUser` creates. `data`
 * is there at once, the rest is filled in before the first test runs.
 */
export function useSeededDatabase(
  prefix: string,
  sizes: Pick<FixtureOptions, 'seed'> & Partial<FixtureOptions>,
): SeededDatabase {
  const options: FixtureOptions = { ...SMALL_SIZES, ...sizes };
  const trailIds = new Map<string, number>();
  const itemIds = new Map<string, number>();
  let userSeq = 0;
  const seeded = {
    data: generateFixture(options),
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
  } as SeededDatabase;
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
