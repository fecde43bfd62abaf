import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from './security/jwt.js';
import { listenRotaApi, type RunningApi } from './server.js';
import {
  authHeaders,
  cookiesOf,
  postJson,
  registerBody,
  registerUser,
  type Session,
} from './test-support/client.js';
import { TEST_ENV, useHarness } from './test-support/harness.js';

const h = useHarness();
let user: Session;
let other: Session;
beforeAll(async () => {
  user = await registerUser(h.url);
  other = await registerUser(h.url);
});

const now = () => Math.floor(Date.now() / 1000);
const enrollUrl = () => `${h.url}/user-trails/${h.content.alpha}/enroll`;

function csrfFor(userId: number, issuedAt: number, secret = TEST_ENV.CSRF_SECRET) {
  const nonce = 'AAAAAAAAAAAAAAAAAAAAAA';
  const sig = createHmac('sha256', secret).update(`${userId}:${issuedAt}:${nonce}`).digest('hex');
  return `${issuedAt}:${nonce}:${sig}`;
}

async function enrollWith(headers: Record<string, string>) {
  const response = await fetch(enrollUrl(), { method: 'POST', headers });
  return { status: response.status, body: (await response.json()) as { message?: string } };
}

describe('CSRF (docs/rota-api.md §1.5 order)', () => {
  it('403 missing, 403 mismatch, 401 no/invalid session, 403 expired/forged/other user', async () => {
    const session = `rota_session=${user.session}`;
    expect(await enrollWith({ cookie: user.cookie })).toEqual({
      status: 403,
      body: expect.objectContaining({ message: 'CSRF token ausente' }),
    });
    expect((await enrollWith({ cookie: session, 'x-csrf-token': user.csrf })).body.message).toBe(
      'CSRF token ausente',
    );
    expect(await enrollWith({ cookie: user.cookie, 'x-csrf-token': `${user.csrf}x` })).toEqual({
      status: 403,
      body: expect.objectContaining({ message: 'CSRF token inválido' }),
    });
    expect(
      await enrollWith({ cookie: `rota_csrf=${user.csrf}`, 'x-csrf-token': user.csrf }),
    ).toEqual({ status: 401, body: expect.objectContaining({ message: 'Não autenticado' }) });
    const badSession = `rota_session=${user.session.slice(0, -3)}xyz; rota_csrf=${user.csrf}`;
    expect(await enrollWith({ cookie: badSession, 'x-csrf-token': user.csrf })).toEqual({
      status: 401,
      body: expect.objectContaining({ message: 'Sessão inválida' }),
    });
    const invalid = 'CSRF token expirado ou inválido';
    for (const token of [
      csrfFor(user.userId, now() - 43_201),
      csrfFor(user.userId, now(), 'not-the-csrf-secret'),
      other.csrf,
      'garbage',
    ]) {
      const result = await enrollWith({
        cookie: `${session}; rota_csrf=${token}`,
        'x-csrf-token': token,
      });
      expect(result, token).toEqual({
        status: 403,
        body: expect.objectContaining({ message: invalid }),
      });
    }
    // A fresh self-made token with the right key is accepted (format is exactly the contract's).
    expect(
      (
        await enrollWith({
          cookie: `${session}; rota_csrf=${csrfFor(user.userId, now() - 60)}`,
          'x-csrf-token': csrfFor(user.userId, now() - 60),
        })
      ).status,
    ).toBe(200);
  });

  it('accepts the alias headers X-CSRFToken, X-XSRF-Token and one named like the cookie', async () => {
    for (const name of ['X-CSRFToken', 'X-XSRF-Token', 'X-XSRFToken', 'rota_csrf']) {
      expect((await enrollWith({ cookie: user.cookie, [name]: user.csrf })).status, name).toBe(200);
    }
  });
});

describe('session JWT', () => {
  it('rejects forged and expired tokens; a token for a deleted/unknown user is 401 (404 on /me)', async () => {
    const claims = { id: user.userId, email: user.email, role: 'User', username: 'x' };
    const forged = signSessionToken(claims, 'an-attacker-secret-0123456789', now());
    const expired = signSessionToken(claims, TEST_ENV.JWT_SECRET, now() - 2 * 86_400);
    for (const token of [forged, expired, 'a.b.c', '']) {
      const response = await fetch(`${h.url}/user-trails/${h.content.alpha}/progress`, {
        headers: { cookie: `rota_session=${token}` },
      });
      expect(response.status, token).toBe(401);
    }
    const ghost = signSessionToken({ ...claims, id: 987_654_321 }, TEST_ENV.JWT_SECRET, now());
    expect(
      (
        await fetch(`${h.url}/user-trails/${h.content.alpha}/progress`, {
          headers: { cookie: `rota_session=${ghost}` },
        })
      ).status,
    ).toBe(401);
    // Where the user lookup runs alongside the read, the vanished user's 401 still wins over
    // the read's own answer (404 unknown item, 404 huge id, 403 not enrolled, 200).
    const alpha = h.content.alpha;
    for (const path of [
      `/trails/${alpha}/items/${h.content.doc}`,
      `/trails/${alpha}/items/987654321`,
      `/trails/${alpha}/items/99999999999999999999`,
      `/user-trails/${h.content.beta}/items-progress`,
      `/user-trails/${alpha}/sections-progress`,
    ]) {
      const response = await fetch(`${h.url}${path}`, {
        headers: { cookie: `rota_session=${ghost}` },
      });
      expect(response.status, path).toBe(401);
    }
    const me = await fetch(`${h.url}/me`, { headers: { cookie: `rota_session=${ghost}` } });
    expect(me.status).toBe(404);
    expect(await me.json()).toMatchObject({ message: 'Usuário não encontrado' });
  });
});

describe('hostile input', () => {
  it('stores SQL-injection-shaped values verbatim and treats injected ids/queries as plain input', async () => {
    const username = "x'); DROP TABLE users; --";
    const evil = await postJson(
      `${h.url}/auth/register`,
      registerBody({ username, social_name: "' OR 1=1 --" }),
    );
    expect(evil.status).toBe(200);
    const session = cookiesOf(evil).get('rota_session');
    const me = await fetch(`${h.url}/me`, { headers: { cookie: `rota_session=${session}` } });
    expect(((await me.json()) as { user: { username: string } }).user.username).toBe(username);
    const login = await postJson(`${h.url}/auth/login`, {
      email: "a@example.com' OR '1'='1",
      password: "' OR '1'='1",
    });
    expect(login.status).toBe(422);
    const page = await fetch(
      `${h.url}/trails/?page=1;DROP%20TABLE%20trails&page_size=1%20OR%201=1`,
    );
    expect(await page.json()).toMatchObject({ pagination: { page: 1, page_size: 10 } });
    for (const path of ['/trails/1%20OR%201=1', '/trails/1;DELETE', '/user-trails/1%27/progress']) {
      expect((await fetch(`${h.url}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${h.url}/trails/`)).status).toBe(200);
  });

  it('answers 400 for malformed JSON (before CSRF on writes) and 413 for an oversized body, never 500', async () => {
    const malformed = await fetch(`${h.url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: 'bad_request' });
    const put = await fetch(`${h.url}/trails/${h.content.alpha}/items/${h.content.doc}/progress`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '[1, 2',
    });
    expect(put.status).toBe(400);
    const huge = JSON.stringify({ email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) });
    const big = await fetch(`${h.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: huge,
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ error: 'payload_too_large' });
    const nested = await postJson(`${h.url}/auth/login`, { email: { $gt: '' }, password: ['x'] });
    expect(nested.status).toBe(422);
    // Enroll has no body: whatever is sent is ignored.
    const ignored = await fetch(enrollUrl(), {
      method: 'POST',
      headers: authHeaders(user, { 'content-type': 'application/json' }),
      body: 'null',
    });
    expect(ignored.status).toBe(200);
  });
});

describe('configuration by env (second server on the same database)', () => {
  let api: RunningApi;
  beforeAll(async () => {
    api = await listenRotaApi({
      databaseUrl: h.db.url,
      env: {
        ...TEST_ENV,
        CSRF_COOKIE_NAME: 'rota_csrftoken',
        COOKIE_NAME: 'sid',
        AUTH_RATE_LIMIT_MAX_ATTEMPTS: '3',
        AUTH_RATE_LIMIT_WINDOW_SECONDS: '60',
        ENV: 'staging',
      },
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('uses COOKIE_NAME / CSRF_COOKIE_NAME, Secure outside dev, and reads its own cookie name', async () => {
    const response = await postJson(`${api.url}/auth/login`, {
      email: user.email,
      password: user.password,
    });
    expect(response.status).toBe(200);
    const cookies = cookiesOf(response);
    expect([...cookies.keys()].sort()).toEqual(['rota_csrftoken', 'sid']);
    for (const line of response.headers.getSetCookie())
      expect(line).toMatch(/; Secure; .*SameSite=None$/);
    const csrf = cookies.get('rota_csrftoken') ?? '';
    const ok = await fetch(`${api.url}/user-trails/${h.content.alpha}/enroll`, {
      method: 'POST',
      headers: {
        cookie: `sid=${cookies.get('sid')}; rota_csrftoken=${csrf}`,
        'x-csrf-token': csrf,
      },
    });
    expect(ok.status).toBe(200);
  });

  it('rate-limits per scope, identity and client: attempt max+1 is 429 with Retry-After', async () => {
    const max = 3;
    const body = { email: other.email, password: 'wrong' };
    const headers = { 'x-forwarded-for': '203.0.113.7, 10.0.0.1' };
    // Invalid bodies are not counted.
    expect((await postJson(`${api.url}/auth/login`, { email: other.email }, headers)).status).toBe(
      422,
    );
    for (let i = 0; i < max; i += 1)
      expect((await postJson(`${api.url}/auth/login`, body, headers)).status).toBe(401);
    const limited = await postJson(`${api.url}/auth/login`, body, headers);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({
      detail: 'Muitas tentativas. Aguarde antes de tentar novamente.',
    });
    const retry = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retry) && retry >= 1 && retry <= 60).toBe(true);
    // Another client id, and the same email in another case (identifiers are lower-cased).
    expect(
      (await postJson(`${api.url}/auth/login`, body, { 'x-forwarded-for': '203.0.113.8' })).status,
    ).toBe(401);
    expect(
      (
        await postJson(
          `${api.url}/auth/login`,
          { ...body, email: other.email.toUpperCase().replace('@EXAMPLE.COM', '@example.com') },
          headers,
        )
      ).status,
    ).toBe(429);
  });

  it('does not throttle registrations of distinct users together (key = email:username)', async () => {
    const max = 3;
    const headers = { 'x-forwarded-for': '198.51.100.9' };
    for (let i = 0; i <= max; i += 1) {
      expect((await postJson(`${api.url}/auth/register`, registerBody(), headers)).status).toBe(
        200,
      );
    }
    const repeated = registerBody();
    for (let i = 0; i < max; i += 1) await postJson(`${api.url}/auth/register`, repeated, headers);
    expect((await postJson(`${api.url}/auth/register`, repeated, headers)).status).toBe(429);
  });
});
