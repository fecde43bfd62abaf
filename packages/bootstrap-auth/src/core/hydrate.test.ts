import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { hydrateDataset } from './hydrate.js';
import { isUnsafeForProgress } from './pick-items.js';
import { extractSession } from './session.js';
import { authOk, respond, scriptedClient, trailRoutes } from './test-support/scripted-client.js';
import type { Session } from './types.js';

const BASE = 'http://127.0.0.1:1';
const session = (): Session => {
  const found = extractSession(authOk('s', 'c'), configFromEnv({}), BASE);
  if (!found) throw new Error('fixture has a session');
  return found;
};
const item = (id: number, type: string, duration: number | null = null) => ({
  id,
  type,
  duration_seconds: duration,
  title: `item ${id}`,
});
const detail = (id: number, type: string) => respond(200, { id, type, form: null });
const formDetail = (
  id: number,
  questions: Array<{ id: number; type: string; options: number[] }>,
) =>
  respond(200, {
    id,
    type: 'FORM',
    form: {
      id: 1,
      questions: questions.map((q) => ({
        ...q,
        options: q.options.map((o) => ({ id: o, text: 't' })),
      })),
    },
  });
const locked = () => respond(423, { detail: 'Conclua', reason: 'item_locked' });

describe('hydrateDataset', () => {
  it('resolves every piece of a complete trail', async () => {
    const questions = [
      { id: 31, type: 'SINGLE_CHOICE', options: [311, 312] },
      { id: 32, type: 'ESSAY', options: [] },
    ];
    const client = scriptedClient(
      BASE,
      trailRoutes(
        3,
        [
          { id: 10, items: [item(100, 'DOC'), item(101, 'VIDEO', 90)] },
          { id: 11, items: [item(110, 'FORM')] },
        ],
        { 100: detail(100, 'DOC'), 110: formDetail(110, questions) },
      ),
    );
    const dataset = await hydrateDataset(client, session());
    expect(dataset).toEqual({
      trailId: 3,
      sectionId: 10,
      itemId: 100,
      itemType: 'DOC',
      itemDurationSeconds: 0,
      formItemId: 110,
      formQuestions: questions.map((q) => ({
        id: q.id,
        firstOptionId: q.options[0] ?? null,
        type: q.type,
      })),
      missing: [],
      problems: [],
    });
    const detailCall = client.calls.find((call) => call.path === '/trails/3/items/100');
    expect(detailCall?.headers.Cookie).toBe('rota_session=s; rota_csrf=c');
  });

  it('missing FORM item: lists formItemId and formQuestions once, with a reason', async () => {
    const client = scriptedClient(
      BASE,
      trailRoutes(3, [{ id: 10, items: [item(100, 'DOC')] }], { 100: detail(100, 'DOC') }),
    );
    const dataset = await hydrateDataset(client, session());
    expect(dataset.itemId).toBe(100);
    expect(dataset.missing).toEqual(['formItemId', 'formQuestions']);
    expect(dataset.problems).toHaveLength(1);
    expect(dataset.problems[0]).toContain('no FORM item');
  });

  it('skips a long first video (skip-ahead rule) and takes the next safe item', async () => {
    const client = scriptedClient(
      BASE,
      trailRoutes(3, [{ id: 10, items: [item(100, 'VIDEO', 600), item(101, 'VIDEO', 60)] }], {
        100: detail(100, 'VIDEO'),
        101: detail(101, 'VIDEO'),
      }),
    );
    const dataset = await hydrateDataset(client, session());
    expect(dataset).toMatchObject({
      sectionId: 10,
      itemId: 101,
      itemType: 'VIDEO',
      itemDurationSeconds: 60,
    });
    expect(client.calls.some((call) => call.path === '/trails/3/items/100')).toBe(false);
  });

  it('skips a locked item (423) and a locked FORM item, reporting why', async () => {
    const client = scriptedClient(
      BASE,
      trailRoutes(3, [{ id: 10, items: [item(100, 'DOC'), item(101, 'DOC'), item(102, 'FORM')] }], {
        100: locked(),
        101: detail(101, 'DOC'),
        102: locked(),
      }),
    );
    const dataset = await hydrateDataset(client, session());
    expect(dataset.itemId).toBe(101);
    expect(dataset.formItemId).toBe(102);
    expect(dataset.formQuestions).toBeNull();
    expect(dataset.missing).toEqual(['formQuestions']);
    expect(dataset.problems[0]).toContain('FORM item 102 detail returned 423');
    const lockedCall = client.calls.find((call) => call.path === '/trails/3/items/100');
    expect(lockedCall?.options?.expectedStatuses).toEqual([200, 423]);
  });

  it('no usable item at all: itemId missing with counts', async () => {
    const client = scriptedClient(
      BASE,
      trailRoutes(3, [{ id: 10, items: [item(100, 'VIDEO', 1200)] }], {}),
    );
    const dataset = await hydrateDataset(client, session());
    expect(dataset.itemId).toBeNull();
    expect(dataset.missing).toContain('itemId');
    expect(dataset.problems.join(' ')).toContain('1 long videos');
  });

  it('no trail: everything missing, one problem, no further requests', async () => {
    const client = scriptedClient(BASE, {
      'GET /trails/': respond(200, { trails: [], pagination: {} }),
    });
    const dataset = await hydrateDataset(client, session());
    expect(dataset.missing).toEqual([
      'trailId',
      'sectionId',
      'itemId',
      'formItemId',
      'formQuestions',
    ]);
    expect(dataset.problems).toEqual([`GET ${BASE}/trails/ listed no trail`]);
    expect(client.calls).toHaveLength(1);
  });

  it('sections-with-items failing: names the URL and status', async () => {
    const client = scriptedClient(BASE, {
      'GET /trails/': respond(200, { trails: [{ id: 9 }] }),
      'GET /trails/9/sections-with-items': respond(500, 'oops'),
    });
    const dataset = await hydrateDataset(client, session());
    expect(dataset.trailId).toBe(9);
    expect(dataset.problems[0]).toBe(`GET ${BASE}/trails/9/sections-with-items returned 500`);
  });

  it('uses a given trail id without listing trails', async () => {
    const client = scriptedClient(BASE, trailRoutes(4, [], {}));
    const dataset = await hydrateDataset(client, session(), { trailId: 4 });
    expect(client.calls.map((call) => call.path)).toEqual(['/trails/4/sections-with-items']);
    expect(dataset.missing).toContain('sectionId');
  });
});

describe('isUnsafeForProgress', () => {
  // The server's rule (docs/rota-api.md §2.3 step 6) against the k6 write body (§5.1), simulated here
  // from docs/rota-api.md: a fresh user (existing 0) reporting the body value.
  const serverBlocks = (d: number) => {
    const reported = d > 0 ? Math.min(Math.max(10, Math.floor(0.3 * d)), d) : 30;
    const window = d > 0 ? Math.max(30, Math.floor(0.1 * d)) : 30;
    return reported - 0 > window;
  };

  it('matches the skip-ahead rule for every duration up to 3 hours', () => {
    for (let d = 0; d <= 10_800; d++) {
      expect(isUnsafeForProgress('VIDEO', d), `d=${d}`).toBe(serverBlocks(d));
    }
  });

  it('flags videos from 104 s (docs/rota-api.md §6 point 9) and never DOC or FORM items', () => {
    expect(isUnsafeForProgress('VIDEO', 103)).toBe(false);
    expect(isUnsafeForProgress('VIDEO', 104)).toBe(true);
    expect(isUnsafeForProgress('DOC', 5000)).toBe(false);
    expect(isUnsafeForProgress('FORM', 5000)).toBe(false);
  });
});
