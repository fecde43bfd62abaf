import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { enrol } from './enrol.js';
import { extractSession } from './session.js';
import { authOk, respond, scriptedClient } from './test-support/scripted-client.js';

const BASE = 'http://127.0.0.1:1';
const naming = configFromEnv({});
const login = (csrf = true) => {
  const response = csrf
    ? authOk('s', 'c1')
    : respond(200, {}, { cookies: { rota_session: ['s'] } });
  const session = extractSession(response, naming, BASE);
  if (!session) throw new Error('fixture has a session');
  return session;
};
const enrolled = (headers: Record<string, string> = {}) =>
  respond(200, { ok: true, trail_id: 3, first_item_id: 100, progress: {} }, { headers });

describe('enrol', () => {
  it('posts with cookie and CSRF header, and is safe to repeat', async () => {
    const client = scriptedClient(BASE, { 'POST /user-trails/3/enroll': enrolled() });
    const session = login();
    const first = await enrol(client, session, 3);
    const second = await enrol(client, session, 3);
    expect(first).toEqual({ trailId: 3, firstItemId: 100 });
    expect(second).toEqual(first);
    for (const call of client.calls) {
      expect(call.body).toBeNull();
      expect(call.headers.Cookie).toBe(session.cookieHeader);
      expect(call.headers['X-CSRF-Token']).toBe('c1');
    }
  });

  it('refreshes the token when the response carries a new one', async () => {
    const client = scriptedClient(BASE, {
      'POST /user-trails/3/enroll': enrolled({ 'X-Csrf-Token': 'c2' }),
    });
    const session = login();
    await enrol(client, session, 3);
    expect(session.csrfToken).toBe('c2');
    expect(session.cookieHeader).toContain('rota_csrf=c2');
  });

  it('fails clearly on a non-200 status and without a CSRF token', async () => {
    const client = scriptedClient(BASE, {
      'POST /user-trails/99/enroll': respond(500, '<h1>Internal</h1>'),
    });
    await expect(enrol(client, login(), 99)).rejects.toThrow(
      `POST ${BASE}/user-trails/99/enroll returned 500; body: Internal`,
    );
    await expect(enrol(client, login(false), 99)).rejects.toThrow(/no CSRF token/);
  });
});
