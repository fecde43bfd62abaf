import { itemsInLockOrder } from '../fixture/content.js';
import { generateFixture } from '../fixture/generate.js';
import type { FixtureOptions } from '../fixture/options.js';

/** A fixture bigger than `small` in the dimensions the limits test (7 trails > showcase 6). */
export const TEST_FIXTURE: FixtureOptions = {
  seed: 4242,
  trails: 8,
  sectionsPerTrail: 12,
  itemsPerSection: 12,
  questionsPerForm: 4,
  usersWithProgress: 5,
};

/** The generated data of TEST_FIXTURE, to compute expectations independently of SQL. */
export const TEST_DATA = generateFixture(TEST_FIXTURE);

export { itemsInLockOrder };
