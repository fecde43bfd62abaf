import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { connect } from '../db/connect.js';
import { itemsInLockOrder } from '../fixture/content.js';
import type { FixtureItem, FixtureTrail } from '../fixture/types.js';
import { percentOf } from '../progress/round.js';
import { createRepositories } from './index.js';
import { useSeededDatabase } from './test-support/seeded.js';

const seeded = useSeededDatabase('progress', { seed: 5, trails: 3, questionsPerForm: 3 });
const DATA = seeded.data;
const { tid, iid, newUser } = seeded;

const withSectionless = DATA.trails[2] as FixtureTrail;
const plain = DATA.trails[0] as FixtureTrail;

const rowOf = async (userId: number, itemId: number) =>
  seeded.t.client`select p.progress_value, p.completed_at, p.last_passed_submission_id, s.code
           from user_item_progress p left join lk_progress_status s on s.id = p.status_id
           where p.user_id = ${userId} and p.trail_item_id = ${itemId}`;

describe('ensureEnrollment', () => {
  it('creates once (ENROLLED, 0 %, started now) and is idempotent, also concurrently', async () => {
    const userId = await newUser();
    const first = await seeded.repos.userTrails.ensureEnrollment(userId, tid(plain));
    expect(first.created).toBe(true);
    expect(first.enrollment).toMatchObject({
      status: 'ENROLLED',
      progressPercent: 0,
      completedAt: null,
    });
    expect(first.enrollment.startedAt).toBeInstanceOf(Date);
    const again = await seeded.repos.userTrails.ensureEnrollment(userId, tid(plain));
    expect(again).toEqual({ enrollment: first.enrollment, created: false });
    const other = await newUser();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => seeded.repos.userTrails.ensureEnrollment(other, tid(plain))),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const [count] = await seeded.t
      .client`select count(*)::int as n from user_trails where user_id = ${other}`;
    expect(count?.n).toBe(1);
  });

  it('raises for a trail that does not exist (the API answers 500 like the original)', async () => {
    await expect(
      seeded.repos.userTrails.ensureEnrollment(await newUser(), 987_654),
    ).rejects.toThrow();
  });
});

describe('upsertItemProgress (docs/rota-api.md §2.3 rules)', () => {
  it('keeps the highest value, never leaves COMPLETED, keeps completed_at, sets submission only when given', async () => {
    const userId = await newUser();
    const itemId = iid(itemsInLockOrder(plain)[2] as FixtureItem);
    const up = (
      status: 'IN_PROGRESS' | 'COMPLETED',
      progressValue?: number | null,
      lastPassedSubmissionId?: number,
    ) =>
      seeded.repos.userProgress.upsertItemProgress({
        userId,
        itemId,
        status,
        progressValue,
        lastPassedSubmissionId,
      });

    expect(await up('IN_PROGRESS', 30)).toMatchObject({
      status: 'IN_PROGRESS',
      progressValue: 30,
      completedAt: null,
    });
    expect(await up('IN_PROGRESS', 10)).toMatchObject({ progressValue: 30 });
    expect(await up('IN_PROGRESS', null)).toMatchObject({ progressValue: 30 });
    const completed = await up('COMPLETED', 20, 77);
    expect(completed).toMatchObject({
      status: 'COMPLETED',
      progressValue: 30,
      lastPassedSubmissionId: 77,
    });
    expect(completed.completedAt).toBeInstanceOf(Date);
    const after = await up('IN_PROGRESS', 50);
    expect(after).toMatchObject({
      status: 'COMPLETED',
      progressValue: 50,
      lastPassedSubmissionId: 77,
    });
    expect(after.completedAt?.getTime()).toBe(completed.completedAt?.getTime());
    expect(after.lastInteraction?.getTime()).toBeGreaterThanOrEqual(
      completed.lastInteraction?.getTime() ?? 0,
    );
    expect(await rowOf(userId, itemId)).toHaveLength(1);
  });

  it('stores max(0, value) on insert and null when no value is given', async () => {
    const userId = await newUser();
    const [a, b] = itemsInLockOrder(plain);
    expect(
      await seeded.repos.userProgress.upsertItemProgress({
        userId,
        itemId: iid(a as FixtureItem),
        status: 'IN_PROGRESS',
        progressValue: -5,
      }),
    ).toMatchObject({ progressValue: 0 });
    expect(
      await seeded.repos.userProgress.upsertItemProgress({
        userId,
        itemId: iid(b as FixtureItem),
        status: 'IN_PROGRESS',
      }),
    ).toMatchObject({ progressValue: null });
  });

  it('200 concurrent writes for one user/item: one row, no lost update, COMPLETED wins', async () => {
    const userId = await newUser();
    const itemId = iid(itemsInLockOrder(plain)[0] as FixtureItem);
    await seeded.repos.userTrails.ensureEnrollment(userId, tid(plain));
    const wide = await connect(seeded.t.url, { max: 20 });
    try {
      const r = createRepositories(wide.db);
      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          i % 2 === 0
            ? r.userProgress.saveItemProgress({
                userId,
                itemId,
                status: i === 100 ? 'COMPLETED' : 'IN_PROGRESS',
                progressValue: i + 1,
              })
            : r.userProgress.upsertItemProgress({
                userId,
                itemId,
                status: 'IN_PROGRESS',
                progressValue: i + 1,
              }),
        ),
      );
    } finally {
      await wide.close();
    }
    const rows = await rowOf(userId, itemId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ progress_value: 200, code: 'COMPLETED' });
  });

  it('runs inside a caller transaction and rolls back with it', async () => {
    const userId = await newUser();
    const itemId = iid(itemsInLockOrder(plain)[1] as FixtureItem);
    await expect(
      seeded.t.db.transaction(async (tx) => {
        await createRepositories(tx).userProgress.upsertItemProgress({
          userId,
          itemId,
          status: 'COMPLETED',
          progressValue: 5,
        });
        expect(
          await createRepositories(tx).userTrails.getItemsProgress(userId, tid(plain)),
        ).toContainEqual(expect.objectContaining({ itemId, status: 'COMPLETED' }));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await rowOf(userId, itemId)).toHaveLength(0);
  });
});

describe('sync and the progress map', () => {
  it('an unenrolled user gets computed figures, null status, no sync side effect', async () => {
    const userId = await newUser();
    const items = itemsInLockOrder(plain);
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(items[0] as FixtureItem),
      status: 'COMPLETED',
    });
    const entry = await seeded.repos.userTrails.getProgressForUser(userId, tid(plain));
    expect(entry).toEqual({
      done: 1,
      total: items.length,
      computedProgressPercent: percentOf(1, items.length),
      nextAction: 'Continuar',
      enrolledAt: null,
      status: null,
      completedAt: null,
      reviewRating: null,
      reviewComment: null,
    });
    expect(await seeded.repos.userTrails.getEnrollment(userId, tid(plain))).toBeNull();
  });

  it('completing every item completes the trail, issues one certificate, 10 keys', async () => {
    const userId = await newUser();
    const trailId = tid(withSectionless);
    await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
    const items = itemsInLockOrder(withSectionless);
    let last: Awaited<ReturnType<typeof seeded.repos.userProgress.saveItemProgress>> | undefined;
    for (const item of items.slice(0, -1)) {
      last = await seeded.repos.userProgress.saveItemProgress({
        userId,
        itemId: iid(item),
        status: 'COMPLETED',
      });
    }
    expect(last?.sync).toMatchObject({
      status: 'IN_PROGRESS',
      done: items.length - 1,
      progressPercent: percentOf(items.length - 1, items.length),
    });
    const partial = await seeded.repos.userTrails.getProgressForUser(userId, trailId);
    expect(Object.keys(partial)).toHaveLength(9);
    expect('certificate' in partial).toBe(false);
    last = await seeded.repos.userProgress.saveItemProgress({
      userId,
      itemId: iid(items.at(-1) as FixtureItem),
      status: 'COMPLETED',
    });
    expect(last.sync).toMatchObject({
      status: 'COMPLETED',
      progressPercent: 100,
      certificateIssued: true,
    });
    const entry = await seeded.repos.userTrails.getProgressForUser(userId, trailId);
    expect(Object.keys(entry)).toHaveLength(10);
    expect(entry).toMatchObject({
      done: items.length,
      total: items.length,
      computedProgressPercent: 100,
      nextAction: 'Revisar',
      status: 'COMPLETED',
    });
    expect(entry.certificate?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(entry.certificate?.credentialId).toBe(entry.certificate?.hash);
    // Every sync while complete rewrites completed_at; the certificate stays single.
    const again = await seeded.repos.userTrails.syncTrailProgress(userId, trailId);
    expect(again?.certificateIssued).toBe(false);
    const [certs] = await seeded.t
      .client`select count(*)::int as n from trail_certificates where user_id = ${userId}`;
    expect(certs?.n).toBe(1);
    const map = await seeded.repos.userTrails.getProgressMapForUser(userId, [trailId, tid(plain)]);
    expect([...map.keys()]).toEqual([trailId, tid(plain)]);
    expect(map.get(tid(plain))).toMatchObject({
      status: null,
      nextAction: 'Começar',
      computedProgressPercent: 0,
    });
    expect(await seeded.repos.userTrails.getProgressMapForUser(userId, [])).toEqual(new Map());
  });

  it('the stored percent wins over the computed one for enrolled users', async () => {
    const userId = await newUser();
    const trailId = tid(plain);
    await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
    await seeded.t.db.execute(
      sql`update user_trails set progress_percent = 42.5 where user_id = ${userId}`,
    );
    const map = await seeded.repos.userTrails.getProgressMapForUser(userId, [trailId]);
    expect(map.get(trailId)?.computedProgressPercent).toBe(42.5);
  });
});

describe('items and sections progress, lock rule', () => {
  it('items progress lists every item in lock order (section-less first) with nulls when untouched', async () => {
    const userId = await newUser();
    const trailId = tid(withSectionless);
    const items = itemsInLockOrder(withSectionless);
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(items[1] as FixtureItem),
      status: 'IN_PROGRESS',
      progressValue: 12,
    });
    const rows = await seeded.repos.userTrails.getItemsProgress(userId, trailId);
    expect(rows.map((r) => r.itemId)).toEqual(items.map(iid));
    expect(rows[0]).toEqual({
      itemId: iid(items[0] as FixtureItem),
      status: null,
      progressValue: null,
      completedAt: null,
    });
    expect(rows[1]).toMatchObject({ status: 'IN_PROGRESS', progressValue: 12, completedAt: null });
    expect(await seeded.repos.items.firstItemInLockOrder(trailId)).toBe(
      iid(withSectionless.sectionless[0] as FixtureItem),
    );
  });

  it('sections progress counts items and COMPLETED items per section with rounded percent', async () => {
    const userId = await newUser();
    const trailId = tid(plain);
    const [s0, s1] = plain.sections;
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(s0?.items[0] as FixtureItem),
      status: 'COMPLETED',
    });
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(s0?.items[1] as FixtureItem),
      status: 'IN_PROGRESS',
    });
    const rows = await seeded.repos.userTrails.getSectionsProgress(userId, trailId);
    expect(rows.map((r) => [r.title, r.total, r.done, r.percent])).toEqual([
      [s0?.title, s0?.items.length, 1, percentOf(1, s0?.items.length ?? 0)],
      [s1?.title, s1?.items.length, 0, 0],
    ]);
  });

  it('findBlockingItem returns the first earlier required, uncompleted item until it is completed', async () => {
    const userId = await newUser();
    const trailId = tid(plain);
    const items = itemsInLockOrder(plain);
    const firstFive = items.slice(0, 5).map(iid);
    await seeded.t.db.execute(
      sql`update trail_items set requires_completion = false where id in ${firstFive}`,
    );
    // Make the 3rd item required through the legacy S/N flag to exercise the fallback.
    const gate = items[2] as FixtureItem;
    await seeded.t.db.execute(
      sql`update trail_items set requires_completion = null, requires_completion_yn = 's' where id = ${iid(gate)}`,
    );
    const blockerOf = (item: FixtureItem) =>
      seeded.repos.items.findBlockingItem(userId, trailId, iid(item));
    const target = items[4] as FixtureItem;
    const setGate = (status: 'IN_PROGRESS' | 'COMPLETED') =>
      seeded.repos.userProgress.upsertItemProgress({ userId, itemId: iid(gate), status });
    expect(await blockerOf(gate)).toBeNull();
    expect(await blockerOf(target)).toEqual({ id: iid(gate), title: gate.title });
    await setGate('IN_PROGRESS');
    expect(await blockerOf(target)).toEqual({ id: iid(gate), title: gate.title });
    await setGate('COMPLETED');
    expect(await blockerOf(target)).toBeNull();
    await seeded.t.db.execute(
      sql`update trail_items set requires_completion = false where id = ${iid(gate)}`,
    );
  });
});
