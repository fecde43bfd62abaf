import { describe, expect, it } from 'vitest';
import { configFromEnv } from './config.js';
import { extractSession, refreshFrom, sessionHeaders } from './session.js';
import { authOk, respond } from './test-support/scripted-client.js';

const BASE = 'http://127.0.0.1:1';
const defaults = configFromEnv({ BASE_URL: BASE });

describe('extractSession', () => {
  it('reads the configured cookies and the canonical k6 header name', () => {
    const session = extractSession(authOk('s1', 'c1'), defaults, BASE);
    expect(session).toMatchObject({
      sessionCookieName: 'rota_session',
      sessionCookie: 's1',
      csrfCookieName: 'rota_csrf',
      csrfCookie: 'c1',
      csrfToken: 'c1',
      userId: 7,
      cookieHeader: 'rota_session=s1; rota_csrf=c1',
    });
    if (!session) throw new Error('session expected');
    expect(sessionHeaders(session)).toEqual({
      Accept: 'application/json',
      Cookie: 'rota_session=s1; rota_csrf=c1',
      'X-CSRF-Token': 'c1',
    });
  });

  it.each(['x-csrf-token', 'X-CSRF-TOKEN', 'X-CSRFToken', 'x-xsrf-token'])(
    'takes the token from header %s whatever its case',
    (header) => {
      const response = respond(
        200,
        {},
        {
          headers: { [header]: 'from-header' },
          cookies: { rota_session: ['s'], rota_csrf: ['from-cookie'] },
        },
      );
      expect(extractSession(response, defaults, BASE)?.csrfToken).toBe('from-header');
    },
  );

  it('falls back to the cookie value when no header carries the token', () => {
    const response = respond(
      200,
      {},
      { cookies: { rota_session: ['s'], rota_csrf: ['cookie-token'] } },
    );
    expect(extractSession(response, defaults, BASE)?.csrfToken).toBe('cookie-token');
  });

  it('finds odd cookie names: case, usual names, aliases and fragments', () => {
    const odd = respond(200, {}, { cookies: { SessionID: ['s'], 'XSRF-TOKEN': ['x'] } });
    const found = extractSession(odd, defaults, BASE);
    expect(found?.cookieHeader).toBe('SessionID=s; XSRF-TOKEN=x');
    expect(found?.csrfToken).toBe('x');

    const aliased = configFromEnv({ SESSION_COOKIE_ALIASES: 'auth', CSRF_COOKIE_ALIASES: 'tok' });
    const custom = respond(200, {}, { cookies: { AUTH: ['a'], Tok: ['t'], other: ['o'] } });
    expect(extractSession(custom, aliased, BASE)?.cookieHeader).toBe('AUTH=a; Tok=t');

    const fragments = respond(
      200,
      {},
      { cookies: { my_app_session_v2: ['m'], app_csrf_v2: ['c'] } },
    );
    expect(extractSession(fragments, defaults, BASE)?.cookieHeader).toBe(
      'my_app_session_v2=m; app_csrf_v2=c',
    );
  });

  it('prefers the exact configured name, takes the last repeated value, ignores deletions', () => {
    const config = configFromEnv({ CSRF_COOKIE_NAME: 'Rota_Csrf' });
    const response = respond(
      200,
      {},
      {
        cookies: { rota_session: ['', 'live'], rota_csrf: ['lower'], Rota_Csrf: ['old', 'exact'] },
      },
    );
    const session = extractSession(response, config, BASE);
    expect(session?.sessionCookie).toBe('live');
    expect(session?.csrfCookieName).toBe('Rota_Csrf');
    expect(session?.csrfCookie).toBe('exact');
  });

  it('returns null without a session cookie; keeps going without a CSRF cookie', () => {
    expect(
      extractSession(respond(200, {}, { cookies: { other: ['1'] } }), defaults, BASE),
    ).toBeNull();
    const bare = extractSession(
      respond(200, {}, { cookies: { rota_session: ['s'] } }),
      defaults,
      BASE,
    );
    expect(bare?.csrfToken).toBeNull();
    expect(bare?.cookieHeader).toBe('rota_session=s');
    if (!bare) throw new Error('session expected');
    expect(sessionHeaders(bare)).not.toHaveProperty('X-CSRF-Token');
  });
});

describe('refreshFrom', () => {
  const fresh = () => {
    const session = extractSession(authOk('s1', 'c1', { csrf: 'rota_csrftoken' }), defaults, BASE);
    if (!session) throw new Error('fixture has a session');
    return session;
  };

  it('takes a new token from a header in any case, and keeps the cookie in step', () => {
    const session = fresh();
    expect(refreshFrom(session, respond(200, {}, { headers: { 'x-csrf-token': 'c2' } }))).toBe(
      true,
    );
    expect(session.csrfToken).toBe('c2');
    expect(session.cookieHeader).toBe('rota_session=s1; rota_csrftoken=c2');
  });

  it('takes a new CSRF or session cookie', () => {
    const session = fresh();
    refreshFrom(
      session,
      respond(200, {}, { cookies: { rota_csrftoken: ['c3'], rota_session: ['s3'] } }),
    );
    expect(session).toMatchObject({ csrfToken: 'c3', csrfCookie: 'c3', sessionCookie: 's3' });
    expect(session.cookieHeader).toBe('rota_session=s3; rota_csrftoken=c3');
  });

  it('reports no change when the response carries nothing new', () => {
    const session = fresh();
    const before = { ...session };
    expect(refreshFrom(session, respond(200, { ok: true }))).toBe(false);
    expect(refreshFrom(session, respond(200, {}, { headers: { 'X-Csrf-Token': 'c1' } }))).toBe(
      false,
    );
    expect(session).toEqual(before);
  });
});
