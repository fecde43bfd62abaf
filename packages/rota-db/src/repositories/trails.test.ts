import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedFixture } from '../fixture/seed.js';
import type { FixtureItem, FixtureTrail } from '../fixture/types.js';
import { startTestDatabase, type TestDatabase } from '../test-support/database.js';
import { TEST_DATA, TEST_FIXTURE } from '../test-support/fixture.js';
import { createRepositories, type Repositories } from './index.js';

let t: TestDatabase;
let repos: Repositories;
// Trail ids by fixture thumbnail (the fixture's unique key).
const idOf = new Map<string, number>();

beforeAll(async () => {
  t = await startTestDatabase();
  await seedFixture(t.db, TEST_FIXTURE);
  repos = createRepositories(t.db);
  const rows = await t.client<
    { id: string; thumbnail_url: string }[]
  >`select id, thumbnail_url from trails`;
  for (const r of rows) idOf.set(r.thumbnail_url, Number(r.id));
});
afterAll(async () => {
  await t?.dispose();
});

const byName = () =>
  [...TEST_DATA.trails].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const trailId = (trail: FixtureTrail) => idOf.get(trail.thumbnailUrl) as number;
const required = (i: FixtureItem) =>
  i.requiresCompletion ?? i.requiresCompletionYn?.toUpperCase() === 'S';

describe('seedFixture', () => {
  it('is idempotent: a second seed writes nothing', async () => {
    const count = async () =>
      (
        await t.client`select (select count(*) from trails)::int as trails, (select count(*) from trail_items)::int as items,
        (select count(*) from users)::int as users, (select count(*) from user_item_progress)::int as progress`
      )[0];
    const before = await count();
    const again = await seedFixture(t.db, TEST_FIXTURE);
    expect(again.skipped).toBe(true);
    expect(await count()).toEqual(before);
    expect(before?.items).toBe(
      TEST_DATA.trails.reduce((n, tr) => n + tr.sectionless.length + tr.sections.length * 12, 0),
    );
  });

  it('leaves the planner statistics of what it loaded (plans made right after seeding are good ones)', async () => {
    const stale = await t.client<{ table: string }[]>`
      select relname as table from pg_stat_user_tables
      where relname in ('trails', 'trail_items', 'users', 'user_trails', 'user_item_progress')
        and last_analyze is null and last_autoanalyze is null order by relname`;
    expect(stale).toEqual([]);
  });

  it('stores the legacy type enum matching item_type_id and a form per FORM item', async () => {
    const [mismatch] = await t.client`
      select count(*)::int as n from trail_items ti join lk_item_type lk on lk.id = ti.item_type_id
      where ti.type::text <> lk.code`;
    expect(mismatch?.n).toBe(0);
    const [formless] = await t.client`
      select count(*)::int as n from trail_items ti join lk_item_type lk on lk.id = ti.item_type_id
      left join forms f on f.trail_item_id = ti.id where lk.code = 'FORM' and f.id is null`;
    expect(formless?.n).toBe(0);
  });
});

describe('trails repository', () => {
  it('listShowcase: 6 trails, created_date descending with nulls last', async () => {
    const rows = await repos.trails.listShowcase();
    const dates = TEST_DATA.trails.map((tr) => tr.createdDate);
    const expected = [...dates]
      .sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? 1 : a > b ? -1 : 0))
      .slice(0, 6);
    expect(rows).toHaveLength(6);
    expect(rows.map((r) => r.createdDate)).toEqual(expected);
  });

  it('listAll: total of all trails, ordered by name, window honoured', async () => {
    const names = (await t.client<{ name: string }[]>`select name from trails order by name`).map(
      (r) => r.name,
    );
    const page = await repos.trails.listAll();
    expect(page.total).toBe(names.length);
    expect(page.rows.map((r) => r.name)).toEqual(names.slice(0, 10));
    const second = await repos.trails.listAll({ offset: 3, limit: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(names.slice(3, 5));
    expect((await repos.trails.listAll({ offset: 1000 })).rows).toEqual([]);
  });

  it('getTrail: the row with numbers for NUMERIC review, null when missing', async () => {
    const trail = byName()[0] as FixtureTrail;
    const row = await repos.trails.getTrail(trailId(trail));
    expect(row).toMatchObject({
      name: trail.name,
      review: trail.review,
      reviewCount: trail.reviewCount,
      author: trail.author,
    });
    expect(await repos.trails.getTrail(987_654)).toBeNull();
  });

  it('getTrails: the rows of the given ids, nothing for an empty list', async () => {
    const ids = TEST_DATA.trails.slice(0, 3).map(trailId);
    const rows = await repos.trails.getTrails([...ids, 987_654]);
    expect(rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
    expect(await repos.trails.getTrails([])).toEqual([]);
  });

  it('listSections: ordered by (order_index, id), default limit 10, total of all sections', async () => {
    const trail = byName()[0] as FixtureTrail;
    const page = await repos.trails.listSections(trailId(trail));
    expect(page.total).toBe(trail.sections.length);
    expect(page.rows.map((r) => r.title)).toEqual(trail.sections.slice(0, 10).map((s) => s.title));
    const all = await repos.trails.listSections(trailId(trail), { limit: 100 });
    expect(all.rows.map((r) => r.orderIndex)).toEqual(trail.sections.map((s) => s.orderIndex));
  });

  it('listSectionItems: items of that section only, ordered, with type codes and resolved flags', async () => {
    const trail = byName()[1] as FixtureTrail;
    const sections = await repos.trails.listSections(trailId(trail), { limit: 100 });
    const section = sections.rows[1];
    const expected = trail.sections[1]?.items ?? [];
    const page = await repos.trails.listSectionItems(trailId(trail), section?.id as number);
    expect(page.total).toBe(expected.length);
    expect(page.rows).toHaveLength(Math.min(10, expected.length));
    expect(page.rows.map((r) => [r.url, r.type, r.requiresCompletion, r.orderIndex])).toEqual(
      expected.slice(0, 10).map((i) => [i.url, i.type, required(i), i.orderIndex]),
    );
    // A section of another trail yields nothing.
    const other = await repos.trails.listSectionItems(
      trailId(byName()[0] as FixtureTrail),
      section?.id as number,
    );
    expect(other).toEqual({ rows: [], total: 0 });
  });

  it('listSectionsWithItems: every section with its items; section-less items excluded', async () => {
    const trail = TEST_DATA.trails.find((tr) => tr.sectionless.length > 0) as FixtureTrail;
    const result = await repos.trails.listSectionsWithItems(trailId(trail));
    expect(result).toHaveLength(trail.sections.length);
    expect(result.map((s) => s.items.map((i) => i.url))).toEqual(
      trail.sections.map((s) => s.items.map((i) => i.url)),
    );
    const urls = result.flatMap((s) => s.items.map((i) => i.url));
    expect(urls).not.toContain(trail.sectionless[0]?.url);
    expect(await repos.trails.listSectionsWithItems(987_654)).toEqual([]);
  });

  it('included items, requirements and audience: text rows ordered by (ord, id)', async () => {
    const trail = byName()[2] as FixtureTrail;
    const id = trailId(trail);
    expect((await repos.trails.listIncludedItems(id)).map((r) => r.textVal)).toEqual(
      trail.included,
    );
    expect((await repos.trails.listRequirements(id)).map((r) => r.textVal)).toEqual(
      trail.requirements,
    );
    expect((await repos.trails.listAudience(id)).map((r) => r.textVal)).toEqual(trail.audience);
    // Insert a row with a lower ord: it must come first.
    await t.db.execute(
      sql`insert into trail_requirements (trail_id, text_val, ord) values (${id}, 'first!', -1)`,
    );
    expect((await repos.trails.listRequirements(id))[0]?.textVal).toBe('first!');
    await t.db.execute(sql`delete from trail_requirements where text_val = 'first!'`);
  });

  it('countItemsInTrail counts sectioned and section-less items', async () => {
    for (const trail of TEST_DATA.trails.slice(0, 4)) {
      const expected =
        trail.sectionless.length + trail.sections.reduce((n, s) => n + s.items.length, 0);
      expect(await repos.userTrails.countItemsInTrail(trailId(trail))).toBe(expected);
    }
  });

  it('db-bench context picks: first section, first item ignoring sections, first FORM item', async () => {
    const trail = TEST_DATA.trails.find((tr) => tr.sectionless.length > 0) as FixtureTrail;
    const id = trailId(trail);
    const [section] = (await repos.trails.listSections(id)).rows;
    expect(await repos.items.firstSectionId(id)).toBe(section?.id);
    // Items of every section share order_index 0 with the section-less one; the lowest id wins.
    const [first] =
      await t.client`select id from trail_items where trail_id = ${id} order by order_index, id limit 1`;
    expect(await repos.items.firstItemIgnoringSections(id)).toBe(Number(first?.id));
    const formId = await repos.items.firstFormItem(id);
    const form = await repos.items.getItemInTrail(id, formId as number);
    expect(form?.type).toBe('FORM');
    expect(await repos.trails.anyTrailId()).toEqual(expect.any(Number));
  });
});

// Last: it adds trails, which would disturb the expectations above.
describe('seedFixture concurrency', () => {
  it('two concurrent seeds of the same fixture write it once', async () => {
    const options = { ...TEST_FIXTURE, seed: 77, trails: 2, usersWithProgress: 2 };
    const results = await Promise.all([seedFixture(t.db, options), seedFixture(t.db, options)]);
    expect(results.map((r) => r.skipped).sort()).toEqual([false, true]);
  });
});
