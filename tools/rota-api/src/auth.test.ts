import { describe, expect, it } from 'vitest';
import { verifySessionToken } from './security/jwt.js';
import { cookiesOf, postJson, registerBody, registerUser } from './test-support/client.js';
import { TEST_ENV, useHarness } from './test-support/harness.js';

const h = useHarness();
describe('POST /auth/register', () => {
  it('returns 200 {user}, the session and CSRF cookies and the X-CSRF-Token header', async () => {
    const body = registerBody({
      email: 'Mixed.Case@EXAMPLE.COM',
      sex: 'female',
      color: 'Black',
      remember: false,
    });
    const response = await postJson(`${h.url}/auth/register`, body);
    expect(response.status).toBe(200);
    const json = (await response.json()) as { user: Record<string, unknown> };
    expect(Object.keys(json.user).sort()).toEqual([
      'banner_pic_url',
      'color',
      'email',
      'profile_pic_url',
      'role',
      'sex',
      'user_id',
      'username',
    ]);
    expect(json.user).toMatchObject({
      email: 'Mixed.Case@example.com',
      sex: 'WC',
      color: 'PR',
      role: 'User',
      username: body.username,
    });
    const lines = response.headers.getSetCookie();
    const session = lines.find((l) => l.startsWith('rota_session='));
    const csrf = lines.find((l) => l.startsWith('rota_csrf='));
    expect(session).toMatch(/; HttpOnly; Path=\/; SameSite=Lax$/);
    expect(session).not.toMatch(/Max-Age|Expires|Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    const cookies = cookiesOf(response);
    expect(response.headers.get('x-csrf-token')).toBe(cookies.get('rota_csrf'));
    const claims = verifySessionToken(
      cookies.get('rota_session') ?? '',
      TEST_ENV.JWT_SECRET,
      Math.floor(Date.now() / 1000),
    );
    expect(claims).toMatchObject({
      id: json.user.user_id,
      email: 'Mixed.Case@example.com',
      role: 'User',
      username: body.username,
    });
    expect((claims?.exp ?? 0) - (claims?.iat ?? 0)).toBe(86400);
  });

  it('sets Max-Age=86400 with remember, and Secure/SameSite=None behind an HTTPS proxy', async () => {
    const response = await postJson(`${h.url}/auth/register`, registerBody({ remember: true }), {
      'x-forwarded-proto': 'https, http',
    });
    for (const line of response.headers.getSetCookie()) {
      expect(line).toMatch(/; Max-Age=86400; Secure;/);
      expect(line).toMatch(/SameSite=None$/);
    }
  });

  it('answers 409 for a taken email or username, 422 for bad fields, 500 for an unparsable birthday', async () => {
    const first = registerBody();
    expect((await postJson(`${h.url}/auth/register`, first)).status).toBe(200);
    expect(
      (await postJson(`${h.url}/auth/register`, { ...registerBody(), email: first.email })).status,
    ).toBe(409);
    const dup = await postJson(`${h.url}/auth/register`, {
      ...registerBody(),
      username: first.username,
    });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toEqual({ error: 'conflict', message: 'Dados já cadastrados' });
    const { color: _c, ...noColor } = registerBody();
    const invalid = await postJson(`${h.url}/auth/register`, noColor);
    expect(invalid.status).toBe(422);
    expect(
      ((await invalid.json()) as { detail: Array<{ loc: string[] }> }).detail.map((d) => d.loc),
    ).toEqual([['color']]);
    // A non-JSON content type is treated as {}.
    const form = await fetch(`${h.url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify(registerBody()),
    });
    expect(form.status).toBe(422);
    expect(
      (await postJson(`${h.url}/auth/register`, registerBody({ birthday: 'yesterday' }))).status,
    ).toBe(500);
  });
});

describe('POST /auth/login, /auth/logout, GET /me', () => {
  it('logs in with the same cookies, rejects bad credentials with 401', async () => {
    const user = await registerUser(h.url);
    const ok = await postJson(`${h.url}/auth/login`, {
      email: user.email,
      password: user.password,
      remember: true,
    });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { user: { user_id: number } }).user.user_id).toBe(user.userId);
    expect([...cookiesOf(ok).keys()].sort()).toEqual(['rota_csrf', 'rota_session']);
    expect(ok.headers.get('x-csrf-token')).toBe(cookiesOf(ok).get('rota_csrf'));
    const bad = await postJson(`${h.url}/auth/login`, { email: user.email, password: 'wrong' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'unauthorized', message: 'Credenciais inválidas' });
    expect(
      (await postJson(`${h.url}/auth/login`, { email: 'nobody@example.com', password: 'x' }))
        .status,
    ).toBe(401);
    expect(
      (await postJson(`${h.url}/auth/login`, { email: 'not-an-email', password: 'x' })).status,
    ).toBe(422);
  });

  it('GET /me returns {user} and echoes the CSRF cookie; 401 without or with a bad session', async () => {
    const user = await registerUser(h.url);
    const me = await fetch(`${h.url}/me`, { headers: { cookie: user.cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { user_id: number } }).user.user_id).toBe(user.userId);
    expect(me.headers.get('x-csrf-token')).toBe(user.csrf);
    const none = await fetch(`${h.url}/me`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ message: 'Não autenticado' });
    const forged = await fetch(`${h.url}/me`, {
      headers: { cookie: `rota_session=${user.session.slice(0, -4)}AAAA` },
    });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ message: 'Sessão inválida' });
  });

  it('logout clears both cookies and answers {"ok": true}', async () => {
    const response = await fetch(`${h.url}/auth/logout`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const lines = response.headers.getSetCookie();
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(
        /^rota_(session|csrf)=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0;/,
      );
  });
});
