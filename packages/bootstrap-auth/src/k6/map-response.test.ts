import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../core/config.js';
import { ensureSession } from '../core/ensure-session.js';
import { extractSession, refreshFrom } from '../core/session.js';
import { type K6ResponseLike, mapK6Response } from './map-response.js';

// Recorded with the real k6 binary, kept in the repository as test data.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const golden = join(repoRoot, 'test-data', 'k6-golden', '01-response-shape.out');

/** The `LABEL {json}` console lines of the recording, decoded from k6's logfmt `msg="…"`. */
function recorded(): Map<string, K6ResponseLike> {
  const shapes = new Map<string, K6ResponseLike>();
  for (const line of readFileSync(golden, 'utf8').split('\n')) {
    const match = /level=info msg="((?:[^"\\]|\\.)*)" source=console/.exec(line);
    if (!match?.[1]) continue;
    const message = JSON.parse(`"${match[1]}"`) as string;
    const space = message.indexOf(' ');
    const payload = message.slice(space + 1);
    if (!payload.startsWith('{"status"')) continue;
    shapes.set(message.slice(0, space), JSON.parse(payload) as K6ResponseLike);
  }
  return shapes;
}

describe('mapK6Response against test-data/k6-golden/01-response-shape', () => {
  const shapes = recorded();
  const shape = (label: string) => {
    const found = shapes.get(label);
    if (!found) throw new Error(`${label} missing from ${golden}`);
    return found;
  };

  it('reads the recorded response objects', () => {
    expect([...shapes.keys()]).toEqual(
      expect.arrayContaining(['LOGIN', 'ECHO_AFTER_LOGIN_JAR', 'STATUS503', 'REFUSED', 'TIMEOUT']),
    );
  });

  it('maps the login response: canonical headers kept, cookie map flattened to values', () => {
    const login = shape('LOGIN');
    const mapped = mapK6Response(login);
    expect(mapped.status).toBe(login.status);
    expect(mapped.headers).toEqual(login.headers);
    expect(Object.keys(mapped.cookies)).toEqual(Object.keys(login.cookies));
    for (const [name, cookies] of Object.entries(login.cookies)) {
      expect(mapped.cookies[name]).toEqual(cookies.map((cookie) => cookie.value));
    }
    expect(mapped.body).toBe(login.body);
    expect(mapped.error).toBeUndefined();
  });

  it('extracts session and CSRF from the real k6 login shape (X-Csrf-Token, rota_csrftoken)', () => {
    const login = shape('LOGIN');
    // k6 reported the header in Go-canonical case; the original exact-case lookup missed it.
    expect(Object.keys(login.headers)).toContain('X-Csrf-Token');
    expect(login.headers).not.toHaveProperty('X-CSRF-Token');
    const session = extractSession(mapK6Response(login), configFromEnv({}), 'http://x');
    const sessionValue = login.cookies.rota_session?.[0]?.value;
    const csrfValue = login.cookies.rota_csrftoken?.[0]?.value;
    expect(session).toMatchObject({
      sessionCookie: sessionValue,
      csrfCookieName: 'rota_csrftoken',
      csrfCookie: csrfValue,
      csrfToken: login.headers['X-Csrf-Token'],
      cookieHeader: `rota_session=${sessionValue}; rota_csrftoken=${csrfValue}`,
    });
  });

  it('a response without auth material refreshes nothing', () => {
    const session = extractSession(mapK6Response(shape('LOGIN')), configFromEnv({}), 'http://x');
    if (!session) throw new Error('login shape has a session');
    expect(refreshFrom(session, mapK6Response(shape('ECHO_AFTER_LOGIN_JAR')))).toBe(false);
  });

  it('maps HTTP errors as statuses and transport errors as status 0 with the error text', () => {
    const s503 = mapK6Response(shape('STATUS503'));
    expect(s503.status).toBe(shape('STATUS503').status);
    expect(s503.error).toBeUndefined();
    for (const label of ['REFUSED', 'TIMEOUT']) {
      const raw = shape(label);
      const mapped = mapK6Response(raw);
      expect(mapped).toEqual({ status: 0, headers: {}, cookies: {}, body: null, error: raw.error });
    }
  });

  it('a refused k6 request makes ensureSession name BASE_URL', async () => {
    const refused = mapK6Response(shape('REFUSED'));
    const client = { request: async () => refused };
    const config = configFromEnv({ BASE_URL: 'http://127.0.0.1:9' });
    await expect(ensureSession(client, config)).rejects.toThrow(
      'cannot reach BASE_URL http://127.0.0.1:9: nothing is listening there',
    );
  });
});
