import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RotaDbError } from '../db/errors.js';
import { itemsInLockOrder } from '../fixture/content.js';
import { generateFixture } from '../fixture/generate.js';
import { FIXTURE_PASSWORD, FIXTURE_PASSWORD_HASH } from '../fixture/insert-users.js';
import { FIXTURE_PRESETS } from '../fixture/options.js';
import { seedFixture } from '../fixture/seed.js';
import type { FixtureItem } from '../fixture/types.js';
import { hashPassword, verifyPassword } from '../password.js';
import { startTestDatabase, type TestDatabase } from '../test-support/database.js';
import { createRepositories, type Repositories } from './index.js';

const DATA = generateFixture(FIXTURE_PRESETS.small);
let t: TestDatabase;
let repos: Repositories;
const itemIds = new Map<string, number>();
const trailIds = new Map<string, number>();

beforeAll(async () => {
  t = await startTestDatabase();
  await seedFixture(t.db, 'small');
  repos = createRepositories(t.db);
  for (const r of await t.client`select id, url, trail_id from trail_items`)
    itemIds.set(r.url, Number(r.id));
  for (const r of await t.client`select id, thumbnail_url from trails`)
    trailIds.set(r.thumbnail_url, Number(r.id));
});
afterAll(async () => {
  await t?.dispose();
});

const newUser = {
  email: 'perf-db@example.com',
  username: 'perf-db',
  nameForCertificate: 'Performance Bench',
  birthday: '1990-01-01',
  sex: 'MC',
  color: 'BR',
  role: 'User',
};

describe('users repository', () => {
  it('createUser resolves codes, then every lookup finds the same user; duplicates give null', async () => {
    const passwordHash = await hashPassword('PerfTest@123');
    expect(passwordHash).toMatch(/^\$2b\$12\$/);
    const created = await repos.users.createUser({ ...newUser, passwordHash });
    expect(created).toMatchObject({
      email: newUser.email,
      role: 'User',
      sex: 'MC',
      color: 'BR',
      birthday: '1990-01-01',
      createdAt: null,
    });
    const id = created?.userId as number;
    expect(await repos.users.getUserByEmail(newUser.email)).toEqual(created);
    expect(await repos.users.getUserByUsername(newUser.username)).toEqual(created);
    expect(await repos.users.getUserById(id)).toEqual(created);
    expect(await verifyPassword('PerfTest@123', created?.passwordHash as string)).toBe(true);
    expect(await verifyPassword('wrong', created?.passwordHash as string)).toBe(false);
    // Same email (other username) and same username (other email) are both duplicates.
    expect(
      await repos.users.createUser({ ...newUser, username: 'other', passwordHash }),
    ).toBeNull();
    expect(
      await repos.users.createUser({ ...newUser, email: 'other@example.com', passwordHash }),
    ).toBeNull();
  });

  it('lookups are exact: other case or unknown values find nothing', async () => {
    expect(await repos.users.getUserByEmail('PERF-DB@example.com')).toBeNull();
    expect(await repos.users.getUserById(987_654)).toBeNull();
    expect(await repos.users.existsEmail(newUser.email)).toBe(true);
    expect(await repos.users.existsEmail('nobody@example.com')).toBe(false);
    expect(await repos.users.existsUsername(newUser.username)).toBe(true);
    expect(await repos.users.existsUsername('nobody')).toBe(false);
  });

  it('an unknown lookup code is a one-line error naming table and code', async () => {
    await expect(
      repos.users.createUser({
        ...newUser,
        email: 'x@example.com',
        username: 'x',
        sex: 'ZZ',
        passwordHash: 'h',
      }),
    ).rejects.toThrow(new RotaDbError('Unknown lk_sex code "ZZ": not in the lookup table'));
  });

  it('fixture users share the precomputed hash of FIXTURE_PASSWORD', async () => {
    expect(await verifyPassword(FIXTURE_PASSWORD, FIXTURE_PASSWORD_HASH)).toBe(true);
    const user = await repos.users.getUserByEmail(DATA.users[0]?.email as string);
    expect(user?.passwordHash).toBe(FIXTURE_PASSWORD_HASH);
  });

  it('lookups repository resolves ids by code', async () => {
    const map = await repos.lookups.listLookup('lk_item_type');
    expect([...map.keys()]).toEqual(['DOC', 'VIDEO', 'FORM']);
    expect(await repos.lookups.resolveLookupId('lk_item_type', 'FORM')).toBe(map.get('FORM'));
    expect(await repos.lookups.resolveLookupId('lk_item_type', 'NOPE')).toBeNull();
  });
});

describe('items and forms', () => {
  const trail = DATA.trails[0];
  const formItem = trail?.sections[0]?.items[1] as FixtureItem;

  it('getItemInTrail checks the trail and resolves type, url and flags', async () => {
    const trailId = trailIds.get(trail?.thumbnailUrl as string) as number;
    const item = await repos.items.getItemInTrail(trailId, itemIds.get(formItem.url) as number);
    expect(item).toMatchObject({
      type: 'FORM',
      url: formItem.url,
      requiresCompletion: false,
      orderIndex: 1,
    });
    const otherTrail = trailIds.get(DATA.trails[1]?.thumbnailUrl as string) as number;
    expect(
      await repos.items.getItemInTrail(otherTrail, itemIds.get(formItem.url) as number),
    ).toBeNull();
  });

  it('getAdjacentItems: neighbours inside the section only', async () => {
    const trailId = trailIds.get(trail?.thumbnailUrl as string) as number;
    const section = trail?.sections[1]?.items ?? [];
    const middle = await repos.items.getItemInTrail(
      trailId,
      itemIds.get(section[1]?.url as string) as number,
    );
    expect(await repos.items.getAdjacentItems(middle as NonNullable<typeof middle>)).toEqual({
      prevItemId: itemIds.get(section[0]?.url as string),
      nextItemId: itemIds.get(section[2]?.url as string),
    });
    const first = await repos.items.getItemInTrail(
      trailId,
      itemIds.get(section[0]?.url as string) as number,
    );
    expect(
      (await repos.items.getAdjacentItems(first as NonNullable<typeof first>)).prevItemId,
    ).toBeNull();
    const last = await repos.items.getItemInTrail(
      trailId,
      itemIds.get(section.at(-1)?.url as string) as number,
    );
    expect(
      (await repos.items.getAdjacentItems(last as NonNullable<typeof last>)).nextItemId,
    ).toBeNull();
  });

  it('getFormForItem: questions and options sorted, correctness from both flag columns', async () => {
    const form = await repos.forms.getFormForItem(itemIds.get(formItem.url) as number);
    const expected = formItem.form;
    expect(form).toMatchObject({
      title: expected?.title,
      minScoreToPass: expected?.minScoreToPass,
      randomizeQuestions: false,
    });
    expect(form?.questions.map((q) => [q.prompt, q.type, q.required, q.points])).toEqual(
      expected?.questions.map((q) => [
        q.prompt,
        q.type,
        q.required ?? q.requiredYn === 'Y',
        q.points,
      ]),
    );
    expect(form?.questions.map((q) => q.options.map((o) => [o.text, o.isCorrect]))).toEqual(
      expected?.questions.map((q) =>
        q.options.map((o) => [o.text, o.isCorrect ?? o.isCorrectYn === 'Y']),
      ),
    );
    const docItem = trail?.sections[0]?.items[0] as FixtureItem;
    expect(await repos.forms.getFormForItem(itemIds.get(docItem.url) as number)).toBeNull();
  });

  it('insertSubmission stores the submission (score rounded to 2) and one answer per question', async () => {
    const user = await repos.users.getUserByEmail(newUser.email);
    const form = await repos.forms.getFormForItem(itemIds.get(formItem.url) as number);
    const answers = (form?.questions ?? []).map((q) => ({
      questionId: q.id,
      selectedOptionId: q.options[0]?.id ?? null,
      answerText: q.options.length ? null : 'Benchmark answer',
      isCorrect: q.options.length ? (q.options[0]?.isCorrect ?? false) : null,
      pointsAwarded: q.options.length ? 0 : null,
    }));
    const id = await repos.forms.insertSubmission({
      formId: form?.id as number,
      userId: user?.userId as number,
      score: 100 / 3,
      passed: null,
      durationSeconds: 30,
      answers,
    });
    const [row] = await t.db.execute<{ score: string; n: number }>(
      sql`select s.score::text as score, (select count(*)::int from form_answers a where a.submission_id = s.id) as n
          from form_submissions s where s.id = ${id}`,
    );
    expect(row).toEqual({ score: '33.33', n: answers.length });
  });

  it('every trail of the fixture passes the §6 checks in the database', async () => {
    for (const fixtureTrail of DATA.trails) {
      const trailId = trailIds.get(fixtureTrail.thumbnailUrl) as number;
      const sections = await repos.trails.listSectionsWithItems(trailId);
      const first = sections[0]?.items[0];
      expect(
        first?.type === 'DOC' || (first?.type === 'VIDEO' && (first.durationSeconds ?? 0) <= 103),
      ).toBe(true);
      expect(await repos.items.findBlockingItem(0, trailId, first?.id as number)).toBeNull();
      const form = sections.flatMap((s) => s.items).find((i) => i.type === 'FORM');
      expect(await repos.items.findBlockingItem(0, trailId, form?.id as number)).toBeNull();
      expect(itemsInLockOrder(fixtureTrail).length).toBe(
        await repos.userTrails.countItemsInTrail(trailId),
      );
    }
  });
});
