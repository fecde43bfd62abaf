import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { ensureSession } from './ensure-session.js';
import { BootstrapError } from './errors.js';
import { authOk, refused, respond, scriptedClient } from './test-support/scripted-client.js';

const BASE = 'http://127.0.0.1:1';
const given = configFromEnv({
  BASE_URL: BASE,
  AUTH_EMAIL: 'known@example.com',
  AUTH_PASSWORD: 'pw',
});
const htmlError = (status: number, text: string) =>
  respond(status, `<!doctype html>\n<html><title>${status}</title><h1>${text}</h1></html>`, {
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
  });

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('ensureSession', () => {
  it('200: logs an existing user in with remember=true and reads the session', async () => {
    const client = scriptedClient(BASE, { 'POST /auth/login': authOk('s', 'c') });
    const session = await ensureSession(client, given);
    expect(session.cookieHeader).toBe('rota_session=s; rota_csrf=c');
    expect(client.calls.map((call) => `${call.method} ${call.path}`)).toEqual(['POST /auth/login']);
    const [call] = client.calls;
    if (!call) throw new Error('one call expected');
    expect(JSON.parse(call.body ?? '')).toEqual({
      email: 'known@example.com',
      password: 'pw',
      remember: true,
    });
    expect(call.headers['Content-Type']).toBe('application/json');
    expect(call.options?.tags).toMatchObject({ phase: 'setup' });
    expect(call.options?.expectedStatuses).toEqual([200, 401]);
  });

  it('401 → register 200: registers with every field §1.2 requires, color included', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/login': htmlError(401, 'Credenciais inválidas'),
      'POST /auth/register': authOk('s2', 'c2'),
    });
    const session = await ensureSession(client, given);
    expect(session.sessionCookie).toBe('s2');
    const register = JSON.parse(client.calls[1]?.body ?? '');
    for (const field of [
      'email',
      'password',
      'name_for_certificate',
      'username',
      'sex',
      'color',
      'birthday',
    ]) {
      expect(register[field], field).toEqual(expect.any(String));
    }
    expect(register).toMatchObject({
      email: given.credentials.email,
      username: 'known',
      color: 'NS',
      remember: true,
    });
    expect(register.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('401 → 409 → login 200: logs in again when register says taken', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/login': [htmlError(401, 'Credenciais inválidas'), authOk('s3', 'c3')],
      'POST /auth/register': htmlError(409, 'Dados já cadastrados'),
    });
    const session = await ensureSession(client, given);
    expect(session.csrfToken).toBe('c3');
    expect(client.calls.map((call) => call.path)).toEqual([
      '/auth/login',
      '/auth/register',
      '/auth/login',
    ]);
  });

  it('generated credentials go straight to register (a login could only 401)', async () => {
    const generated = configFromEnv({ BASE_URL: BASE }, { now: 5 });
    const client = scriptedClient(BASE, {
      'POST /auth/register': htmlError(409, 'taken'),
      'POST /auth/login': authOk('s', 'c'),
    });
    await ensureSession(client, generated);
    expect(client.calls.map((call) => call.path)).toEqual(['/auth/register', '/auth/login']);
    expect(JSON.parse(client.calls[0]?.body ?? '').username).toBe('perf_5');
  });

  it('500: names the URL, the status and a short text excerpt of the body', async () => {
    const long = `boom ${'x'.repeat(500)}`;
    const client = scriptedClient(BASE, { 'POST /auth/login': htmlError(500, long) });
    const error = await failure(ensureSession(client, given));
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error.message).toContain(`POST ${BASE}/auth/login returned 500`);
    expect(error.message).toContain('boom');
    expect(error.message).not.toContain('<h1>');
    expect(error.message.length).toBeLessThan(long.length);
  });

  it('429: mentions the rate limit and Retry-After', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/login': respond(
        429,
        { detail: 'Muitas tentativas' },
        { headers: { 'Retry-After': '17' } },
      ),
    });
    const error = await failure(ensureSession(client, given));
    expect(error.message).toContain('returned 429');
    expect(error.message).toContain('Retry-After 17');
  });

  it('wrong password (401 → 409 → 401): one clear line, no generic status dump', async () => {
    const client = scriptedClient(BASE, {
      'POST /auth/login': htmlError(401, 'Credenciais inválidas'),
      'POST /auth/register': htmlError(409, 'Dados já cadastrados'),
    });
    const error = await failure(ensureSession(client, given));
    expect(error.message).toContain('cannot log in as known@example.com');
    expect(error.message).toContain('AUTH_PASSWORD');
    expect(error.message).not.toContain('\n');
  });

  it.each([
    ['a status-0 response', refused()],
    ['a rejecting client', { throws: 'ECONNREFUSED 127.0.0.1:1' }],
  ])('network error (%s): names BASE_URL and says nothing is listening', async (_label, reply) => {
    const client = scriptedClient(BASE, { 'POST /auth/login': reply });
    const error = await failure(ensureSession(client, given));
    expect(error).toBeInstanceOf(BootstrapError);
    expect(error.message).toContain(`BASE_URL ${BASE}`);
    expect(error.message).toContain('nothing is listening');
  });

  it.each([
    [
      'x509: certificate signed by unknown authority',
      /TLS handshake with BASE_URL .* INSECURE_SKIP_TLS_VERIFY=true/,
    ],
    ['request timeout', /BASE_URL http:\/\/127\.0\.0\.1:1 did not answer in time/],
    // k6's (Go's) wordings for servers that answered.
    [
      'tls: first record does not look like a TLS handshake',
      /answered plain HTTP, not TLS: use http:/,
    ],
    [
      'malformed HTTP response "\\x15\\x03\\x01\\x00\\x02\\x02"',
      /answered TLS, not plain HTTP: use https:/,
    ],
    [
      'lookup nowhere.invalid: no such host',
      /cannot reach BASE_URL .*: unknown host "127\.0\.0\.1"/,
    ],
    ['read tcp: connection reset by peer', /closed the connection without an HTTP answer/],
  ])('transport error "%s" gets its own message', async (error, expected) => {
    const client = scriptedClient(BASE, {
      'POST /auth/login': { status: 0, headers: {}, cookies: {}, body: null, error },
    });
    const failed = await failure(ensureSession(client, given));
    expect(failed.message).toMatch(expected);
    expect(failed.message).toContain(error);
  });

  it('a register without a session cookie is an error naming the cookies received', async () => {
    const generated = configFromEnv({ BASE_URL: BASE });
    const client = scriptedClient(BASE, {
      'POST /auth/register': respond(200, {}, { cookies: { token: ['t'] } }),
    });
    const error = await failure(ensureSession(client, generated));
    expect(error.message).toContain('no session cookie');
    expect(error.message).toContain('token');
    expect(error.message).toContain('SESSION_COOKIE_NAME');
  });
});
