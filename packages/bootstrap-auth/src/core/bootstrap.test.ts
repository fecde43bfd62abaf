import { describe, expect, it } from 'vitest';
import { bootstrap } from './bootstrap.js';
import { configFromEnv } from './config.js';
import { authOk, respond, scriptedClient, trailRoutes } from './test-support/scripted-client.js';

const BASE = 'http://127.0.0.1:1';
const form = respond(200, {
  id: 110,
  type: 'FORM',
  form: { questions: [{ id: 1, type: 'TRUE_OR_FALSE', options: [{ id: 5 }, { id: 6 }] }] },
});

// A target with everything the scenarios need: trail 3, section 10, items 100 (DOC) and 110 (FORM).
function completeTarget() {
  return scriptedClient(BASE, {
    'POST /auth/register': authOk('s', 'c'),
    'POST /user-trails/3/enroll': respond(200, { ok: true, first_item_id: 100 }),
    ...trailRoutes(
      3,
      [
        {
          id: 10,
          items: [
            { id: 100, type: 'DOC' },
            { id: 110, type: 'FORM' },
          ],
        },
      ],
      {
        100: respond(200, {}),
        110: form,
      },
    ),
  });
}

describe('bootstrap', () => {
  it('session → first trail → enrol → hydrate, with no warning for a complete dataset', async () => {
    const config = configFromEnv({ BASE_URL: BASE, LOGIN_USER_POOL: '2' }, { now: 1 });
    const client = completeTarget();
    const warnings: string[] = [];
    const result = await bootstrap(client, config, { warn: (message) => warnings.push(message) });
    expect(warnings).toEqual([]);
    expect(result.dataset).toMatchObject({ trailId: 3, itemId: 100, formItemId: 110, missing: [] });
    expect(result.credentials).toEqual(config.credentials);
    expect(result.loginPool.map((user) => user.email)).toEqual([
      'perf-1-0@example.com',
      'perf-1-1@example.com',
    ]);
    const paths = client.calls.map((call) => `${call.method} ${call.path}`);
    expect(paths.slice(0, 4)).toEqual([
      'POST /auth/register',
      'GET /trails/',
      'POST /user-trails/3/enroll',
      'GET /trails/3/sections-with-items',
    ]);
    // Setup data crosses into k6 VUs through JSON: it must survive a round trip unchanged.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('names every request by its route template (k6 `name` tag), never by its URL', async () => {
    const config = configFromEnv({ BASE_URL: BASE, LOGIN_USER_POOL: '1' }, { now: 1 });
    const client = completeTarget();
    await bootstrap(client, config);
    const named = client.calls.map((call) => [`${call.method} ${call.path}`, call.options?.tags]);
    const setup = (step: string, name: string) => ({ phase: 'setup', setup_step: step, name });
    expect(named).toEqual([
      ['POST /auth/register', setup('register', 'POST /auth/register')],
      ['GET /trails/', setup('hydrate', 'GET /trails/')],
      ['POST /user-trails/3/enroll', setup('enrol', 'POST /user-trails/:id/enroll')],
      [
        'GET /trails/3/sections-with-items',
        setup('hydrate', 'GET /trails/:id/sections-with-items'),
      ],
      ['GET /trails/3/items/100', setup('hydrate', 'GET /trails/:id/items/:itemId')],
      ['GET /trails/3/items/110', setup('hydrate', 'GET /trails/:id/items/:itemId')],
      ['POST /auth/register', setup('register', 'POST /auth/register')],
    ]);
  });

  it('reports an incomplete dataset once, naming the skipped scenarios', async () => {
    const config = configFromEnv({ BASE_URL: BASE });
    const client = scriptedClient(BASE, {
      'POST /auth/register': authOk('s', 'c'),
      'POST /user-trails/3/enroll': respond(500, 'db error'),
      ...trailRoutes(3, [{ id: 10, items: [{ id: 100, type: 'DOC' }] }], { 100: respond(200, {}) }),
    });
    const warnings: string[] = [];
    const result = await bootstrap(client, config, { warn: (message) => warnings.push(message) });
    expect(result.dataset.missing).toEqual(['formItemId', 'formQuestions', 'enrolment']);
    expect(warnings).toHaveLength(1);
    const report = warnings[0] ?? '';
    expect(report).toContain('no FORM item');
    expect(report).toContain('enrolment failed');
    for (const scenario of [
      'trail_form_submission',
      'user_trail_items_progress',
      'user_trail_sections_progress',
    ]) {
      expect(report).toContain(scenario);
    }
    expect(report).not.toContain('trails_detail');
  });

  it('without a CSRF token: no enrol request, write scenarios reported as skipped', async () => {
    const config = configFromEnv({ BASE_URL: BASE });
    const client = scriptedClient(BASE, {
      'POST /auth/register': respond(200, {}, { cookies: { rota_session: ['s'] } }),
      ...trailRoutes(3, [{ id: 10, items: [{ id: 100, type: 'DOC' }] }], { 100: respond(200, {}) }),
    });
    const warnings: string[] = [];
    const result = await bootstrap(client, config, { warn: (message) => warnings.push(message) });
    expect(client.calls.some((call) => call.path.includes('/enroll'))).toBe(false);
    expect(result.dataset.missing).toContain('csrfToken');
    expect(warnings[0]).toContain('trail_item_progress');
  });
});
