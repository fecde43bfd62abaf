import { ConfigError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import {
  configFromEnv,
  DEFAULT_BASE_URL,
  DEFAULT_CSRF_COOKIE,
  DEFAULT_PASSWORD,
  DEFAULT_SESSION_COOKIE,
  poolCredentials,
} from './config.js';

describe('configFromEnv', () => {
  it('uses the documented defaults and generates credentials from the stamp', () => {
    const now = 1_700_000_000_123;
    const config = configFromEnv({}, { now });
    expect(config.baseUrl).toBe(DEFAULT_BASE_URL);
    expect(config.credentials).toEqual({
      email: `perf-${now}@example.com`,
      password: DEFAULT_PASSWORD,
      username: `perf_${now}`,
    });
    expect(config.generatedCredentials).toBe(true);
    expect(config.sessionCookieName).toBe(DEFAULT_SESSION_COOKIE);
    expect(config.csrfCookieName).toBe(DEFAULT_CSRF_COOKIE);
    expect(config.sessionCookieAliases).toEqual([]);
    expect(config.loginUserPool).toBe(0);
    expect(config.insecureSkipTlsVerify).toBe(true);
  });

  it('reuses given credentials and derives the username from the email', () => {
    const email = 'load.user@Example.com';
    const config = configFromEnv({ AUTH_EMAIL: email, AUTH_PASSWORD: 'pw' });
    expect(config.generatedCredentials).toBe(false);
    expect(config.credentials).toEqual({ email, password: 'pw', username: email.split('@')[0] });
    const named = configFromEnv({ AUTH_EMAIL: email, AUTH_USERNAME: 'someone' });
    expect(named.credentials.username).toBe('someone');
  });

  it('reads names, aliases, pool size and TLS flag; blanks mean unset', () => {
    const config = configFromEnv({
      BASE_URL: 'http://127.0.0.1:9000/api/',
      SESSION_COOKIE_NAME: 'sid',
      CSRF_COOKIE_NAME: 'rota_csrftoken',
      SESSION_COOKIE_ALIASES: ' a_session , b ,',
      CSRF_COOKIE_ALIASES: 'XSRF-TOKEN',
      LOGIN_USER_POOL: '12',
      INSECURE_SKIP_TLS_VERIFY: 'false',
      AUTH_USERNAME: '  ',
    });
    expect(config.baseUrl).toBe('http://127.0.0.1:9000/api');
    expect(config.sessionCookieName).toBe('sid');
    expect(config.csrfCookieName).toBe('rota_csrftoken');
    expect(config.sessionCookieAliases).toEqual(['a_session', 'b']);
    expect(config.csrfCookieAliases).toEqual(['XSRF-TOKEN']);
    expect(config.loginUserPool).toBe(12);
    expect(config.insecureSkipTlsVerify).toBe(false);
    expect(config.credentials.username).toBe(`perf_${config.stamp}`);
  });

  it.each([
    ['BASE_URL', 'ftp://host'],
    ['BASE_URL', '127.0.0.1:8001'],
    ['AUTH_EMAIL', 'not-an-email'],
    ['LOGIN_USER_POOL', 'abc'],
    ['LOGIN_USER_POOL', '-3'],
    ['LOGIN_USER_POOL', '1001'],
    ['INSECURE_SKIP_TLS_VERIFY', 'maybe'],
    ['SESSION_COOKIE_NAME', 'bad name'],
    ['CSRF_COOKIE_ALIASES', 'ok,bad;name'],
  ])('rejects %s=%s with one line naming the variable and value', (name, value) => {
    let error: unknown;
    try {
      configFromEnv({ [name]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).toContain(value);
    expect(message).not.toContain('\n');
  });

  it('names login-pool users after the stamp, sharing the password', () => {
    const config = configFromEnv({ AUTH_PASSWORD: 'secret' }, { now: 42 });
    const users = [0, 1, 2].map((index) => poolCredentials(config, index));
    expect(new Set(users.map((user) => user.email)).size).toBe(3);
    expect(users[1]).toEqual({
      email: 'perf-42-1@example.com',
      password: 'secret',
      username: 'perf_42-1',
    });
  });
});
