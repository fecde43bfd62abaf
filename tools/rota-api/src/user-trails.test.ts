import { describe, expect, it } from 'vitest';
import { authHeaders, registerUser } from './test-support/client.js';
import { useHarness } from './test-support/harness.js';

const PROGRESS_KEYS = [
  'certificate',
  'completed_at',
  'computed_progress_percent',
  'done',
  'enrolledAt',
  'nextAction',
  'status',
  'total',
];

const h = useHarness();
describe('POST /user-trails/<id>/enroll', () => {
  it('enrols idempotently and returns the raw progress entry and the first item', async () => {
    const user = await registerUser(h.url);
    const enroll = () =>
      fetch(`${h.url}/user-trails/${h.content.alpha}/enroll`, {
        method: 'POST',
        headers: authHeaders(user),
      });
    const first = await enroll();
    expect(first.status).toBe(200);
    const body = (await first.json()) as {
      ok: boolean;
      trail_id: number;
      first_item_id: number;
      progress: Record<string, unknown>;
    };
    expect(body).toMatchObject({
      ok: true,
      trail_id: h.content.alpha,
      first_item_id: h.content.doc,
    });
    expect(Object.keys(body.progress).sort()).toEqual([
      'completed_at',
      'computed_progress_percent',
      'done',
      'enrolledAt',
      'nextAction',
      'review_comment',
      'review_rating',
      'status',
      'total',
    ]);
    expect(body.progress).toMatchObject({
      done: 0,
      total: 4,
      computed_progress_percent: 0,
      status: 'ENROLLED',
      nextAction: 'Começar',
    });
    expect(body.progress.enrolledAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+00:00$/);
    const again = await enroll();
    expect(again.status).toBe(200);
    expect(((await again.json()) as typeof body).progress.enrolledAt).toBe(
      body.progress.enrolledAt,
    );
  });

  it('checks CSRF before auth (403 with no cookies) and answers 500 for an unknown trail', async () => {
    const bare = await fetch(`${h.url}/user-trails/${h.content.alpha}/enroll`, { method: 'POST' });
    expect(bare.status).toBe(403);
    expect(await bare.json()).toMatchObject({ message: 'CSRF token ausente' });
    const user = await registerUser(h.url);
    const noSession = await fetch(`${h.url}/user-trails/${h.content.alpha}/enroll`, {
      method: 'POST',
      headers: { cookie: `rota_csrf=${user.csrf}`, 'x-csrf-token': user.csrf },
    });
    expect(noSession.status).toBe(401);
    const unknown = await fetch(`${h.url}/user-trails/987654/enroll`, {
      method: 'POST',
      headers: authHeaders(user),
    });
    expect(unknown.status).toBe(500);
  });
});

describe('progress reads', () => {
  it('GET progress works before enrolment; items/sections-progress are 403 until enrolled', async () => {
    const user = await registerUser(h.url);
    const progress = await fetch(`${h.url}/user-trails/${h.content.alpha}/progress`, {
      headers: { cookie: user.cookie },
    });
    expect(progress.status).toBe(200);
    const body = (await progress.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(PROGRESS_KEYS);
    expect(body).toMatchObject({
      done: 0,
      total: 4,
      status: null,
      enrolledAt: null,
      certificate: null,
      nextAction: 'Começar',
    });
    for (const path of ['items-progress', 'sections-progress']) {
      const denied = await fetch(`${h.url}/user-trails/${h.content.alpha}/${path}`, {
        headers: { cookie: user.cookie },
      });
      expect(denied.status, path).toBe(403);
      expect(await denied.json()).toEqual({
        detail: 'Você precisa se inscrever na trilha antes de acessar o progresso.',
      });
    }
    await fetch(`${h.url}/user-trails/${h.content.alpha}/enroll`, {
      method: 'POST',
      headers: authHeaders(user),
    });
    const items = await fetch(`${h.url}/user-trails/${h.content.alpha}/items-progress`, {
      headers: { cookie: user.cookie },
    });
    expect(items.status).toBe(200);
    expect(await items.json()).toEqual(
      [h.content.doc, h.content.form, h.content.video, h.content.lockedDoc].map((id) => ({
        item_id: id,
        status: null,
        progress_value: null,
        completed_at: null,
      })),
    );
    const sections = await fetch(`${h.url}/user-trails/${h.content.alpha}/sections-progress`, {
      headers: { cookie: user.cookie },
    });
    expect(await sections.json()).toEqual([
      { section_id: h.content.sections[0], title: 'Start', total: 3, done: 0, percent: 0 },
      { section_id: h.content.sections[1], title: 'Next', total: 1, done: 0, percent: 0 },
    ]);
  });

  it('requires a session: 401 without one', async () => {
    for (const path of ['progress', 'items-progress', 'sections-progress']) {
      expect((await fetch(`${h.url}/user-trails/${h.content.alpha}/${path}`)).status, path).toBe(
        401,
      );
    }
  });

  it('completing every item syncs to COMPLETED with 100 % and issues a certificate', async () => {
    const user = await registerUser(h.url, { role: 'Admin' });
    const put = (item: number) =>
      fetch(`${h.url}/trails/${h.content.alpha}/items/${item}/progress`, {
        method: 'PUT',
        headers: authHeaders(user, { 'content-type': 'application/json' }),
        body: JSON.stringify({ status: 'COMPLETED', progress_value: 100 }),
      });
    for (const item of [h.content.doc, h.content.form, h.content.video, h.content.lockedDoc]) {
      expect((await put(item)).status).toBe(200);
    }
    const response = await fetch(`${h.url}/user-trails/${h.content.alpha}/progress`, {
      headers: { cookie: user.cookie },
    });
    const body = (await response.json()) as {
      certificate: { hash: string; credential_id: string; issued_at: string };
    } & Record<string, unknown>;
    expect(body).toMatchObject({
      done: 4,
      total: 4,
      computed_progress_percent: 100,
      status: 'COMPLETED',
      nextAction: 'Revisar',
    });
    expect(body.certificate.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(body.certificate.credential_id).toBe(body.certificate.hash);
    const sections = await fetch(`${h.url}/user-trails/${h.content.alpha}/sections-progress`, {
      headers: { cookie: user.cookie },
    });
    expect(((await sections.json()) as Array<{ percent: number }>).map((s) => s.percent)).toEqual([
      100, 100,
    ]);
    const list = await fetch(`${h.url}/trails/${h.content.alpha}`, {
      headers: { cookie: user.cookie },
    });
    expect(await list.json()).toMatchObject({
      is_completed: true,
      status: 'COMPLETED',
      progress_percent: 100,
    });
  });
});
