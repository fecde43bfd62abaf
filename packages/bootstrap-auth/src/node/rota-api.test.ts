import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { generateFixture, resolveFixtureOptions } from '@rota-perf/rota-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../core/bootstrap.js';
import { configFromEnv } from '../core/config.js';
import { enrol } from '../core/enrol.js';
import { ensureSession } from '../core/ensure-session.js';
import { isUnsafeForProgress } from '../core/pick-items.js';
import { extractSession, refreshFrom, sessionHeaders } from '../core/session.js';
import type { HttpClient, Session } from '../core/types.js';
import { createNodeClient, type NodeHttpClient } from './client.js';

// Integration: the Node adapter and the core against the reference API (HTTPS, self-signed,
// embedded PostgreSQL with the `small` fixture) on loopback.
let api: StartedRotaApi;
let client: NodeHttpClient;
let stamp = Date.now();
const unique = () => stamp++;

beforeAll(async () => {
  api = await startRotaApi({ fixture: 'small', tls: true, port: 0 });
  client = createNodeClient({ insecureSkipTlsVerify: true, timeoutMs: 20_000 });
});

afterAll(async () => {
  client?.close();
  await api?.stop();
});

/** A client that records the paths it was asked for. */
function recording(inner: HttpClient): HttpClient & { paths: string[] } {
  const paths: string[] = [];
  return {
    paths,
    request(method, url, body, headers, options) {
      paths.push(`${method} ${url.slice(api.url.length)}`);
      return inner.request(method, url, body, headers, options);
    },
  };
}

async function getJson(session: Session, path: string): Promise<{ status: number; json: unknown }> {
  const response = await client.request('GET', api.url + path, null, sessionHeaders(session));
  return { status: response.status, json: response.body ? JSON.parse(response.body) : null };
}

describe('ensureSession against rota-api', () => {
  it('a fresh user registers; the same user again logs in; /me knows them', async () => {
    const fresh = configFromEnv({ BASE_URL: api.url }, { now: unique() });
    const first = recording(client);
    const session = await ensureSession(first, fresh);
    expect(first.paths).toEqual(['POST /auth/register']);
    expect(session.sessionCookieName).toBe('rota_session');
    expect(session.csrfToken).toBe(session.csrfCookie);
    const me = await getJson(session, '/me');
    expect(me).toMatchObject({ status: 200, json: { user: { email: fresh.credentials.email } } });

    const again = configFromEnv({
      BASE_URL: api.url,
      AUTH_EMAIL: fresh.credentials.email,
      AUTH_USERNAME: fresh.credentials.username,
    });
    const second = recording(client);
    const reused = await ensureSession(second, again);
    expect(second.paths).toEqual(['POST /auth/login']);
    expect(reused.userId).toBe(session.userId);
  });

  it('given credentials of a user that does not exist yet: login 401 → register', async () => {
    const n = unique();
    const config = configFromEnv({ BASE_URL: api.url, AUTH_EMAIL: `given-${n}@example.com` });
    const recorder = recording(client);
    const session = await ensureSession(recorder, config);
    expect(recorder.paths).toEqual(['POST /auth/login', 'POST /auth/register']);
    const me = await getJson(session, '/me');
    expect(me.json).toMatchObject({ user: { username: `given-${n}` } });
  });

  it('a wrong password gives one clear error line', async () => {
    const fresh = configFromEnv({ BASE_URL: api.url }, { now: unique() });
    await ensureSession(client, fresh);
    const wrong = configFromEnv({
      BASE_URL: api.url,
      AUTH_EMAIL: fresh.credentials.email,
      AUTH_PASSWORD: 'not-the-password',
    });
    const error = await ensureSession(client, wrong).then(
      () => null,
      (caught: Error) => caught,
    );
    expect(error?.message).toMatch(/^cannot log in as perf-\d+@example\.com: .*AUTH_PASSWORD/);
    expect(error?.message).not.toContain('\n');
  });
});

describe('bootstrap against rota-api', () => {
  it('hydrates the dataset the small fixture implies', async () => {
    const fixture = generateFixture(resolveFixtureOptions('small'));
    // GET /trails/ orders by name; the fixture names ("Trilha 001 · …") sort the same in JS.
    const trail = [...fixture.trails].sort((a, b) => (a.name < b.name ? -1 : 1))[0];
    if (!trail) throw new Error('fixture has trails');
    const ordered = trail.sections.flatMap((section) => section.items);
    const requires = (item: (typeof ordered)[number]) =>
      item.requiresCompletion ?? item.requiresCompletionYn === 'S';
    // Expected progress item: first in order, not a long video, nothing required before it.
    const blockedFrom = [...trail.sectionless, ...ordered].findIndex(requires) + 1 || Infinity;
    const expectedItem = ordered.find(
      (item, index) =>
        index + trail.sectionless.length < blockedFrom &&
        !isUnsafeForProgress(item.type, item.durationSeconds ?? 0),
    );
    const expectedForm = ordered.find((item) => item.type === 'FORM');
    if (!expectedItem || !expectedForm?.form)
      throw new Error('fixture trail has a safe item and a form');

    const config = configFromEnv({ BASE_URL: api.url }, { now: unique() });
    const warnings: string[] = [];
    const result = await bootstrap(client, config, { warn: (message) => warnings.push(message) });
    const { dataset, session } = result;
    expect(warnings).toEqual([]);
    expect(dataset.missing).toEqual([]);

    expect((await getJson(session, `/trails/${dataset.trailId}`)).json).toMatchObject({
      name: trail.name,
    });
    const sections = (await getJson(session, `/trails/${dataset.trailId}/sections`)).json as {
      sections: Array<{ id: number; title: string }>;
    };
    expect(sections.sections[0]).toMatchObject({
      id: dataset.sectionId,
      title: trail.sections[0]?.title,
    });

    const item = await getJson(session, `/trails/${dataset.trailId}/items/${dataset.itemId}`);
    expect(item.status).toBe(200);
    expect(item.json).toMatchObject({ title: expectedItem.title, type: expectedItem.type });
    expect(dataset.itemType).toBe(expectedItem.type);
    expect(dataset.itemDurationSeconds).toBe(expectedItem.durationSeconds ?? 0);

    const form = await getJson(session, `/trails/${dataset.trailId}/items/${dataset.formItemId}`);
    expect(form.json).toMatchObject({ title: expectedForm.title, type: 'FORM' });
    const questions = [...expectedForm.form.questions].sort((a, b) => a.orderIndex - b.orderIndex);
    expect(dataset.formQuestions?.map((q) => q.type)).toEqual(questions.map((q) => q.type));
    expect(dataset.formQuestions?.map((q) => q.firstOptionId !== null)).toEqual(
      questions.map((q) => q.options.length > 0),
    );

    // bootstrap enrolled the user: the enrolment-guarded reads now answer 200.
    const progress = await getJson(session, `/user-trails/${dataset.trailId}/items-progress`);
    expect(progress.status).toBe(200);
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });

  it('enrol is idempotent, and the reads it unlocks answer 200', async () => {
    const session = await ensureSession(
      client,
      configFromEnv({ BASE_URL: api.url }, { now: unique() }),
    );
    const trails = (await getJson(session, '/trails/')).json as { trails: Array<{ id: number }> };
    const trailId = trails.trails[0]?.id ?? -1;
    expect((await getJson(session, `/user-trails/${trailId}/sections-progress`)).status).toBe(403);
    const first = await enrol(client, session, trailId);
    const second = await enrol(client, session, trailId);
    expect(second).toEqual(first);
    expect(first.firstItemId).toEqual(expect.any(Number));
    expect((await getJson(session, `/user-trails/${trailId}/sections-progress`)).status).toBe(200);
  });

  it('takes a new CSRF token from a later login response and writes with it', async () => {
    const config = configFromEnv({ BASE_URL: api.url }, { now: unique() });
    const session = await ensureSession(client, config);
    const oldToken = session.csrfToken;
    // A second login mints a new token (fresh nonce); the server sends it as header + cookie.
    const login = await client.request(
      'POST',
      `${api.url}/auth/login`,
      JSON.stringify({ email: config.credentials.email, password: config.credentials.password }),
      { 'Content-Type': 'application/json' },
    );
    expect(login.status).toBe(200);
    const minted = extractSession(login, config, api.url)?.csrfToken;
    expect(minted).not.toBe(oldToken);
    expect(refreshFrom(session, login)).toBe(true);
    expect(session.csrfToken).toBe(minted);
    expect(session.cookieHeader).toContain(`=${minted}`);
    const trails = (await getJson(session, '/trails/')).json as { trails: Array<{ id: number }> };
    await expect(enrol(client, session, trails.trails[0]?.id ?? -1)).resolves.toMatchObject({
      firstItemId: expect.any(Number),
    });
    // A token that does not match the cookie is refused: the header really is checked.
    const forged = { ...session, csrfToken: `${minted}x` };
    await expect(enrol(client, forged, trails.trails[0]?.id ?? -1)).rejects.toThrow(/returned 403/);
  });

  it('a closed port: the error names BASE_URL and says nothing is listening', async () => {
    const port = new URL(api.url).port;
    const closed = `http://127.0.0.1:${Number(port) === 1 ? 2 : 1}`;
    const config = configFromEnv({ BASE_URL: closed });
    await expect(ensureSession(client, config)).rejects.toThrow(
      `cannot reach BASE_URL ${closed}: nothing is listening there`,
    );
  });
});
