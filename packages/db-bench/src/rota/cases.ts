import { type Connection, createRepositories, type Repositories } from '@rota-perf/rota-db';
import type { BenchCase } from '../harness/define-case.js';
import { defineCase } from '../harness/define-case.js';
import type { RotaContext } from './context.js';
import { rollbackAfter } from './rollback.js';

type ContextId = 'trail_id' | 'section_id' | 'item_id' | 'user_id';

/** One case of docs/rota-api.md §4.3: its name, needs and the repository call it times. */
export interface RotaCaseSpec {
  /** The original's name, so results compare with the original's JSON. */
  name: string;
  requires: readonly (keyof RotaContext)[];
  /** Flagged as a write: runs only with --include-writes. */
  writes: boolean;
  /** Runs in a transaction rolled back after timing (every case that writes, flagged or not). */
  rollback: boolean;
  /** Rows per call by the original's rule when the TS shape differs from the Python one. */
  countRows?: (result: unknown) => number;
  call: (repos: Repositories, ctx: RotaContext) => Promise<unknown>;
}

// A single record counts 1 and a miss 0, as an ORM object / None did in the original.
const presence = (result: unknown) => (result === null || result === undefined ? 0 : 1);
// `{ rows, total }` stands for the original's `(list, total)` pair: count the list.
const pageRows = (result: unknown) => (result as { rows: unknown[] }).rows.length;
const one = () => 1;

// The harness skips a case before calling it when a required field is missing.
function id(ctx: RotaContext, field: ContextId): number {
  const value = ctx[field];
  if (value === null) throw new Error(`context field ${field} is missing`);
  return value;
}

const read = (
  name: string,
  requires: RotaCaseSpec['requires'],
  call: RotaCaseSpec['call'],
  countRows?: RotaCaseSpec['countRows'],
): RotaCaseSpec => ({ name, requires, writes: false, rollback: false, call, countRows });

/** The 21 cases of the original benchmark, in its order. */
export const ROTA_CASES: readonly RotaCaseSpec[] = [
  read('TrailsRepository.list_showcase', [], (r) => r.trails.listShowcase()),
  read('TrailsRepository.list_all', [], (r) => r.trails.listAll(), pageRows),
  read(
    'TrailsRepository.get_trail',
    ['trail_id'],
    (r, c) => r.trails.getTrail(id(c, 'trail_id')),
    presence,
  ),
  read(
    'TrailsRepository.list_sections',
    ['trail_id'],
    (r, c) => r.trails.listSections(id(c, 'trail_id')),
    pageRows,
  ),
  read(
    'TrailsRepository.list_section_items',
    ['trail_id', 'section_id'],
    (r, c) => r.trails.listSectionItems(id(c, 'trail_id'), id(c, 'section_id')),
    pageRows,
  ),
  read('TrailsRepository.list_sections_with_items', ['trail_id'], (r, c) =>
    r.trails.listSectionsWithItems(id(c, 'trail_id')),
  ),
  read('TrailsRepository.list_included_items', ['trail_id'], (r, c) =>
    r.trails.listIncludedItems(id(c, 'trail_id')),
  ),
  read('TrailsRepository.list_requirements', ['trail_id'], (r, c) =>
    r.trails.listRequirements(id(c, 'trail_id')),
  ),
  read('TrailsRepository.list_audience', ['trail_id'], (r, c) =>
    r.trails.listAudience(id(c, 'trail_id')),
  ),
  read('UserTrailsRepository.count_items_in_trail', ['trail_id'], (r, c) =>
    r.userTrails.countItemsInTrail(id(c, 'trail_id')),
  ),
  {
    // Not flagged as a write by the original, but its sync updates user_trails (docs/rota-api.md §7.7):
    // it always runs, and always inside a rolled-back transaction.
    name: 'UserTrailsRepository.get_progress_for_user',
    requires: ['user_id', 'trail_id'],
    writes: false,
    rollback: true,
    call: (r, c) => r.userTrails.getProgressForUser(id(c, 'user_id'), id(c, 'trail_id')),
  },
  read('UserTrailsRepository.get_items_progress', ['user_id', 'trail_id'], (r, c) =>
    r.userTrails.getItemsProgress(id(c, 'user_id'), id(c, 'trail_id')),
  ),
  read('UserTrailsRepository.get_sections_progress', ['user_id', 'trail_id'], (r, c) =>
    r.userTrails.getSectionsProgress(id(c, 'user_id'), id(c, 'trail_id')),
  ),
  read('UserTrailsRepository.get_progress_map_for_user', ['user_id', 'trail_id'], (r, c) =>
    r.userTrails.getProgressMapForUser(id(c, 'user_id'), [id(c, 'trail_id')]),
  ),
  read(
    'UsersRepository.GetUserByEmail',
    ['email'],
    (r, c) => r.users.getUserByEmail(c.email),
    presence,
  ),
  read(
    'UsersRepository.GetUserByUsername',
    ['username'],
    (r, c) => r.users.getUserByUsername(c.username),
    presence,
  ),
  read(
    'UsersRepository.GetUserById',
    ['user_id'],
    (r, c) => r.users.getUserById(id(c, 'user_id')),
    presence,
  ),
  read('UsersRepository.ExistsEmail', ['email'], (r, c) => r.users.existsEmail(c.email)),
  read('UsersRepository.ExistsUsername', ['username'], (r, c) =>
    r.users.existsUsername(c.username),
  ),
  {
    name: 'UserTrailsRepository.ensure_enrollment',
    requires: ['user_id', 'trail_id'],
    writes: true,
    rollback: true,
    countRows: one,
    call: (r, c) => r.userTrails.ensureEnrollment(id(c, 'user_id'), id(c, 'trail_id')),
  },
  {
    name: 'UserProgressRepository.upsert_item_progress',
    requires: ['user_id', 'item_id'],
    writes: true,
    rollback: true,
    countRows: one,
    call: (r, c) =>
      r.userProgress.saveItemProgress({
        userId: id(c, 'user_id'),
        itemId: id(c, 'item_id'),
        status: 'COMPLETED',
        progressValue: 100,
      }),
  },
];

/** Turns the case list into harness cases bound to a connection and a prepared context. */
export function defineRotaCases(connection: Connection, context: RotaContext): BenchCase[] {
  const { db } = connection;
  const shared = createRepositories(db);
  const inTransaction = rollbackAfter(db);
  return ROTA_CASES.map((spec) => {
    const options = { requires: spec.requires, writes: spec.writes, countRows: spec.countRows };
    if (!spec.rollback) return defineCase(spec.name, () => spec.call(shared, context), options);
    // Repositories over the transaction are built outside the timer, like the original's session.
    return defineCase<Repositories>(spec.name, (repos) => spec.call(repos, context), {
      ...options,
      around: (timed) => inTransaction((tx) => timed(createRepositories(tx))),
    });
  });
}
