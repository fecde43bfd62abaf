import { describe, expect, it } from 'vitest';
import { itemsInLockOrder } from '../fixture/content.js';
import type { FixtureItem, FixtureTrail } from '../fixture/types.js';
import { percentOf } from '../progress/round.js';
import { isoTimestamp } from './sql-parts.js';
import { useSeededDatabase } from './test-support/seeded.js';

// The methods the reference API needs beyond the 21 db-bench cases, checked against the
// fixture and against the db-bench methods that share their semantics.
const seeded = useSeededDatabase('api', { seed: 11, trails: 3 });
const DATA = seeded.data;
const { tid, iid, newUser } = seeded;

const trail = DATA.trails[2] as FixtureTrail;
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,6})?\+00:00$/;

const xminOf = async (userId: number, trailId: number) => {
  const [row] = await seeded.t.client`select xmin::text as x from user_trails
                               where user_id = ${userId} and trail_id = ${trailId}`;
  return row?.x as string;
};

describe('isoTimestamp', () => {
  it('turns PostgreSQL text into Python isoformat, keeping microseconds', () => {
    expect(isoTimestamp('2025-10-27 20:39:49.123456+00')).toBe('2025-10-27T20:39:49.123456+00:00');
    expect(isoTimestamp('2025-10-27 20:39:49+05:30')).toBe('2025-10-27T20:39:49+05:30');
    expect(isoTimestamp(null)).toBeNull();
  });
});

describe('API reads', () => {
  it('listSectionsWithItemsJson is the ItemOut rendering of listSectionsWithItems', async () => {
    const trailId = tid(trail);
    const expected = (await seeded.repos.trails.listSectionsWithItems(trailId)).map((s) => ({
      id: s.id,
      items: s.items.map((i) => ({
        duration_seconds: i.durationSeconds,
        id: i.id,
        order_index: i.orderIndex,
        requires_completion: i.requiresCompletion,
        title: i.title ?? '',
        type: i.type,
      })),
      order_index: s.orderIndex,
      title: s.title,
    }));
    const body = await seeded.repos.trails.listSectionsWithItemsJson(trailId);
    expect(body).toEqual(expected);
    expect(body.flatMap((s) => s.items)).toHaveLength(
      trail.sections.reduce((n, s) => n + s.items.length, 0),
    );
    expect(Object.keys(body[0] ?? {})).toEqual(['id', 'items', 'order_index', 'title']);
    expect(await seeded.repos.trails.listSectionsWithItemsJson(987_654)).toEqual([]);
  });

  it('pages carry the total in one statement; past the end the total is still right', async () => {
    const trailId = tid(trail);
    const sections = trail.sections.length;
    const [row] = await seeded.t.client`select count(*)::int as n from trails`;
    const trails = row?.n as number;
    expect(await seeded.repos.trails.listAll({ offset: 0, limit: 2 })).toMatchObject({
      total: trails,
    });
    expect(await seeded.repos.trails.listAll({ offset: trails + 5, limit: 2 })).toEqual({
      rows: [],
      total: trails,
    });
    const page = await seeded.repos.trails.listSections(trailId, { offset: 1, limit: 1 });
    expect(page.total).toBe(sections);
    expect(Object.keys(page.rows[0] ?? {})).not.toContain('total');
    expect(await seeded.repos.trails.listSections(trailId, { offset: 99, limit: 5 })).toEqual({
      rows: [],
      total: sections,
    });
    const [first] = await seeded.repos.trails.listSectionsWithItems(trailId);
    const items = first?.items.length as number;
    expect(
      await seeded.repos.trails.listSectionItems(trailId, first?.id as number, {
        offset: 99,
        limit: 5,
      }),
    ).toEqual({ rows: [], total: items });
    expect(await seeded.repos.trails.listSections(987_654)).toEqual({ rows: [], total: 0 });
  });

  it('getProgressIso syncs first, then answers with ISO timestamps', async () => {
    const userId = await newUser();
    const trailId = tid(trail);
    const items = itemsInLockOrder(trail);
    await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(items[0] as FixtureItem),
      status: 'COMPLETED',
    });
    // The upsert alone does not sync: the stored enrolment still says ENROLLED, 0 %.
    expect((await seeded.repos.userTrails.getEnrollment(userId, trailId))?.status).toBe('ENROLLED');
    const entry = await seeded.repos.userTrails.getProgressIso(userId, trailId);
    expect(entry).toMatchObject({
      done: 1,
      total: items.length,
      status: 'IN_PROGRESS',
      computedProgressPercent: percentOf(1, items.length),
      completedAt: null,
    });
    expect(entry.enrolledAt).toMatch(ISO);
    expect(await seeded.repos.userTrails.getProgressForUser(userId, trailId)).toEqual({
      ...entry,
      enrolledAt: new Date(entry.enrolledAt as string),
    });
  });

  it('the enrolled-only reads and getProgressValue follow the rows', async () => {
    const userId = await newUser();
    const item = itemsInLockOrder(trail)[0] as FixtureItem;
    expect(
      await seeded.repos.userTrails.getEnrolledItemsProgressIso(userId, tid(trail)),
    ).toBeNull();
    expect(
      await seeded.repos.userTrails.getEnrolledSectionsProgress(userId, tid(trail)),
    ).toBeNull();
    expect(await seeded.repos.userProgress.getProgressValue(userId, iid(item))).toBeNull();
    await seeded.repos.userTrails.ensureEnrollment(userId, tid(trail));
    expect(await seeded.repos.userTrails.getEnrolledSectionsProgress(userId, tid(trail))).toEqual(
      await seeded.repos.userTrails.getSectionsProgress(userId, tid(trail)),
    );
    expect(
      (await seeded.repos.userTrails.getEnrolledItemsProgressIso(userId, tid(trail)))?.length,
    ).toBe(itemsInLockOrder(trail).length);
    // A trail with no items or sections: enrolled, empty lists (not null).
    const [bare] = await seeded.t.client`insert into trails (name, thumbnail_url)
      values ('Bare', 'https://example.com/bare.png') returning id`;
    await seeded.repos.userTrails.ensureEnrollment(userId, Number(bare?.id));
    expect(
      await seeded.repos.userTrails.getEnrolledItemsProgressIso(userId, Number(bare?.id)),
    ).toEqual([]);
    expect(
      await seeded.repos.userTrails.getEnrolledSectionsProgress(userId, Number(bare?.id)),
    ).toEqual([]);
    expect(await seeded.repos.userTrails.getItemsProgress(userId, Number(bare?.id))).toEqual([]);
    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(item),
      status: 'IN_PROGRESS',
      progressValue: 17,
    });
    expect(await seeded.repos.userProgress.getProgressValue(userId, iid(item))).toBe(17);
  });

  it('the ISO variants equal the Date ones, with microsecond ISO text', async () => {
    const userId = await newUser();
    const trailId = tid(trail);
    await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
    for (const item of itemsInLockOrder(trail))
      await seeded.repos.userProgress.saveItemProgress({
        userId,
        itemId: iid(item),
        status: 'COMPLETED',
      });
    const asDates = await seeded.repos.userTrails.getItemsProgress(userId, trailId);
    const asIso =
      (await seeded.repos.userTrails.getEnrolledItemsProgressIso(userId, trailId)) ?? [];
    expect(asIso.map((r) => ({ ...r, completedAt: new Date(r.completedAt as string) }))).toEqual(
      asDates,
    );
    for (const r of asIso) expect(r.completedAt).toMatch(ISO);

    const map = await seeded.repos.userTrails.getProgressMapForUser(userId, [trailId]);
    const iso = await seeded.repos.userTrails.getProgressMapIso(userId, [trailId]);
    const entry = iso.get(trailId);
    expect(entry?.certificate?.issuedAt).toMatch(ISO);
    expect(entry?.enrolledAt).toMatch(ISO);
    expect(entry?.completedAt).toMatch(ISO);
    const back = {
      ...entry,
      enrolledAt: new Date(entry?.enrolledAt as string),
      completedAt: new Date(entry?.completedAt as string),
      certificate: {
        ...entry?.certificate,
        issuedAt: new Date(entry?.certificate?.issuedAt as string),
      },
    };
    expect(back).toEqual(map.get(trailId));
    expect(entry).toMatchObject({ done: asIso.length, status: 'COMPLETED' });
  });
});

describe('lock rule in SQL', () => {
  it('findBlockingItem agrees with a walk over listInLockOrder for every item of every trail', async () => {
    const userId = await newUser();
    // Complete every third item so that some required items are done and some are not.
    for (const fixtureTrail of DATA.trails)
      for (const [i, item] of itemsInLockOrder(fixtureTrail).entries())
        if (i % 3 === 0)
          await seeded.repos.userProgress.upsertItemProgress({
            userId,
            itemId: iid(item),
            status: 'COMPLETED',
          });
    let blocked = 0;
    for (const fixtureTrail of DATA.trails) {
      const trailId = tid(fixtureTrail);
      const ordered = await seeded.repos.items.listInLockOrder(userId, trailId);
      for (const [i, target] of ordered.entries()) {
        const walk = ordered
          .slice(0, i)
          .find((item) => item.requiresCompletion && item.status !== 'COMPLETED');
        const expected = walk ? { id: walk.id, title: walk.title } : null;
        if (expected) blocked += 1;
        expect(await seeded.repos.items.findBlockingItem(userId, trailId, target.id)).toEqual(
          expected,
        );
      }
    }
    expect(blocked).toBeGreaterThan(0);
    expect(await seeded.repos.items.findBlockingItem(userId, tid(trail), 987_654)).toBeNull();
  });
});

describe('sync writes only on a change', () => {
  it('an unchanged enrolment keeps its row version; a change or a complete trail rewrites it', async () => {
    const userId = await newUser();
    const trailId = tid(trail);
    const items = itemsInLockOrder(trail);
    await seeded.repos.userTrails.ensureEnrollment(userId, trailId);
    expect(await seeded.repos.userTrails.syncTrailProgress(userId, trailId)).toMatchObject({
      status: 'ENROLLED',
      progressPercent: 0,
    });
    const before = await xminOf(userId, trailId);
    await seeded.repos.userTrails.syncTrailProgress(userId, trailId);
    expect(await xminOf(userId, trailId)).toBe(before);

    await seeded.repos.userProgress.upsertItemProgress({
      userId,
      itemId: iid(items[0] as FixtureItem),
      status: 'COMPLETED',
    });
    const changed = await seeded.repos.userTrails.syncTrailProgress(userId, trailId);
    expect(changed).toMatchObject({
      status: 'IN_PROGRESS',
      done: 1,
      progressPercent: percentOf(1, items.length),
    });
    const after = await xminOf(userId, trailId);
    expect(after).not.toBe(before);
    await seeded.repos.userTrails.syncTrailProgress(userId, trailId);
    expect(await xminOf(userId, trailId)).toBe(after);

    for (const item of items)
      await seeded.repos.userProgress.upsertItemProgress({
        userId,
        itemId: iid(item),
        status: 'COMPLETED',
      });
    expect(
      (await seeded.repos.userTrails.syncTrailProgress(userId, trailId))?.certificateIssued,
    ).toBe(true);
    const complete = await xminOf(userId, trailId);
    // While complete, every sync sets completed_at = now() (the original's rule): a new version.
    expect(
      (await seeded.repos.userTrails.syncTrailProgress(userId, trailId))?.certificateIssued,
    ).toBe(false);
    expect(await xminOf(userId, trailId)).not.toBe(complete);
  });

  it('a user who is not enrolled gets null and no row', async () => {
    const userId = await newUser();
    expect(await seeded.repos.userTrails.syncTrailProgress(userId, tid(trail))).toBeNull();
    expect(await seeded.repos.userTrails.getEnrollment(userId, tid(trail))).toBeNull();
  });
});
