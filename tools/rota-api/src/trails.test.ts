import { beforeAll, describe, expect, it } from 'vitest';
import { registerUser, type Session } from './test-support/client.js';
import { useHarness } from './test-support/harness.js';

const h = useHarness();
let user: Session;
beforeAll(async () => {
  user = await registerUser(h.url);
});

const TRAIL_KEYS = [
  'author',
  'completed_at',
  'description',
  'id',
  'is_completed',
  'name',
  'nextAction',
  'progress_percent',
  'review',
  'review_count',
  'status',
  'thumbnail_url',
  'user_review_comment',
  'user_review_rating',
];

async function getJson(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${h.url}${path}`, { headers });
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json');
  return (await response.json()) as never;
}

describe('GET /trails/ and /trails/showcase', () => {
  it('lists trails by name with pagination; per-user fields null when anonymous', async () => {
    const body = await getJson('/trails/');
    const { trails, pagination } = body as {
      trails: Array<Record<string, unknown>>;
      pagination: unknown;
    };
    expect(trails.map((t) => t.name)).toEqual(['Alpha trail', 'Beta trail']);
    expect(Object.keys(trails[0] ?? {}).sort()).toEqual(TRAIL_KEYS);
    expect(trails[0]).toMatchObject({
      id: h.content.alpha,
      review: 4.5,
      review_count: 2,
      author: 'Ana',
      progress_percent: null,
      is_completed: null,
      nextAction: null,
      status: null,
    });
    expect(pagination).toEqual({ page: 1, page_size: 10, total: 2, pages: 1 });
    const page2 = (await getJson('/trails/?page=2&page_size=1')) as typeof body;
    expect((page2 as { trails: Array<{ name: string }> }).trails.map((t) => t.name)).toEqual([
      'Beta trail',
    ]);
    expect((page2 as { pagination: unknown }).pagination).toEqual({
      page: 2,
      page_size: 1,
      total: 2,
      pages: 2,
    });
    const fallback = (await getJson('/trails/?page=abc&page_size=1000')) as { pagination: unknown };
    expect(fallback.pagination).toEqual({ page: 1, page_size: 100, total: 2, pages: 1 });
    expect(((await getJson('/trails/?page=9')) as { trails: unknown[] }).trails).toEqual([]);
  });

  it('fills progress fields for every trail with a session (even not enrolled); bad session = anonymous', async () => {
    const { trails } = (await getJson('/trails/', { cookie: user.cookie })) as {
      trails: Array<Record<string, unknown>>;
    };
    for (const trail of trails) {
      expect(trail).toMatchObject({
        progress_percent: 0,
        is_completed: false,
        nextAction: 'Começar',
        status: null,
      });
    }
    const forged = (await getJson('/trails/', { cookie: 'rota_session=bad.token.here' })) as {
      trails: Array<Record<string, unknown>>;
    };
    expect(forged.trails[0]?.is_completed).toBeNull();
  });

  it('showcase orders by created_date desc, no pagination', async () => {
    const body = (await getJson('/trails/showcase')) as {
      trails: Array<{ name: string }>;
      pagination?: unknown;
    };
    expect(body.trails.map((t) => t.name)).toEqual(['Beta trail', 'Alpha trail']);
    expect(body.pagination).toBeUndefined();
  });
});

describe('GET /trails/<id> and its sub-resources', () => {
  it('returns a bare TrailOut, 404 for an unknown id', async () => {
    const trail = (await getJson(`/trails/${h.content.alpha}`)) as Record<string, unknown>;
    expect(Object.keys(trail).sort()).toEqual(TRAIL_KEYS);
    expect(trail.name).toBe('Alpha trail');
    const missing = await fetch(`${h.url}/trails/999999`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found', message: 'Trail not found' });
  });

  it('lists sections and section items with pagination defaults 20 and 25', async () => {
    const sections = (await getJson(`/trails/${h.content.alpha}/sections`)) as {
      sections: unknown[];
      pagination: unknown;
    };
    expect(sections.sections).toEqual([
      { id: h.content.sections[0], title: 'Start', order_index: 0 },
      { id: h.content.sections[1], title: 'Next', order_index: 1 },
    ]);
    expect(sections.pagination).toEqual({ page: 1, page_size: 20, total: 2, pages: 1 });
    const items = (await getJson(
      `/trails/${h.content.alpha}/sections/${h.content.sections[0]}/items`,
    )) as {
      items: Array<Record<string, unknown>>;
      pagination: unknown;
    };
    expect(items.items.map((i) => [i.id, i.type, i.requires_completion])).toEqual([
      [h.content.doc, 'DOC', false],
      [h.content.form, 'FORM', false],
      [h.content.video, 'VIDEO', true],
    ]);
    expect(Object.keys(items.items[0] ?? {}).sort()).toEqual([
      'duration_seconds',
      'id',
      'order_index',
      'requires_completion',
      'title',
      'type',
    ]);
    expect(items.pagination).toEqual({ page: 1, page_size: 25, total: 3, pages: 1 });
    const other = (await getJson(
      `/trails/${h.content.beta}/sections/${h.content.sections[0]}/items`,
    )) as { items: unknown[]; pagination: unknown };
    expect(other).toEqual({
      items: [],
      pagination: { page: 1, page_size: 25, total: 0, pages: 0 },
    });
  });

  it('returns sections-with-items as a bare array; unknown trails give []', async () => {
    const body = (await getJson(`/trails/${h.content.alpha}/sections-with-items`)) as Array<{
      id: number;
      items: Array<{ id: number; title: string; duration_seconds: number | null }>;
    }>;
    expect(body.map((s) => s.id)).toEqual(h.content.sections);
    expect(body[0]?.items.map((i) => i.id)).toEqual([
      h.content.doc,
      h.content.form,
      h.content.video,
    ]);
    expect(body[0]?.items[2]?.duration_seconds).toBe(h.content.videoDuration);
    expect(body[1]?.items[0]?.title).toBe('');
    expect(await getJson('/trails/999999/sections-with-items')).toEqual([]);
  });

  it('returns included-items, requirements and audience ordered by ord; learn is always []', async () => {
    expect(await getJson(`/trails/${h.content.alpha}/included-items`)).toEqual([
      { text_val: 'first' },
      { text_val: 'second' },
    ]);
    expect(await getJson(`/trails/${h.content.alpha}/requirements`)).toEqual([
      { text_val: 'req a' },
      { text_val: 'req b' },
    ]);
    expect(await getJson(`/trails/${h.content.alpha}/audience`)).toEqual([
      { text_val: 'ops' },
      { text_val: 'devs' },
    ]);
    expect(await getJson(`/trails/${h.content.alpha}/learn`)).toEqual([]);
    expect(await getJson('/trails/424242/requirements')).toEqual([]);
  });
});
