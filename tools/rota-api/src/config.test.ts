import { ConfigError } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from './config.js';

describe('resolveConfig', () => {
  it('uses the original defaults and a random dev secret when JWT_SECRET is unset', () => {
    const a = resolveConfig({});
    const b = resolveConfig({});
    expect(a).toMatchObject({
      cookieName: 'rota_session',
      csrfCookieName: 'rota_csrf',
      env: 'dev',
      rateLimitMaxAttempts: 10,
      rateLimitWindowSeconds: 60,
    });
    expect(a.jwtSecret.length).toBeGreaterThanOrEqual(16);
    expect(a.jwtSecret).not.toBe(b.jwtSecret);
    expect(a.csrfSecret).toBe(a.jwtSecret);
  });

  it('reads the env names and validates a given JWT_SECRET per §1.1', () => {
    const config = resolveConfig({
      JWT_SECRET: '  0123456789abcdef  ',
      CSRF_SECRET: 'csrf',
      COOKIE_NAME: 'sess',
      CSRF_COOKIE_NAME: 'rota_csrftoken',
      AUTH_RATE_LIMIT_MAX_ATTEMPTS: '5',
      AUTH_RATE_LIMIT_WINDOW_SECONDS: '30',
      ENV: 'production',
    });
    expect(config).toMatchObject({
      jwtSecret: '0123456789abcdef',
      csrfSecret: 'csrf',
      cookieName: 'sess',
      csrfCookieName: 'rota_csrftoken',
      rateLimitMaxAttempts: 5,
      rateLimitWindowSeconds: 30,
      env: 'production',
    });
    expect(() => resolveConfig({ JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET is too short \(5 chars\)/,
    );
    expect(() => resolveConfig({ JWT_SECRET: 'SuperSecret' })).toThrow(ConfigError);
    expect(() => resolveConfig({ ENV: 'prod' })).toThrow(/JWT_SECRET is not set/);
    expect(() => resolveConfig({ ENV: 'prod', JWT_SECRET: 'x'.repeat(20) })).toThrow(/CSRF_SECRET/);
    expect(() => resolveConfig({ AUTH_RATE_LIMIT_MAX_ATTEMPTS: '0' })).toThrow(
      /AUTH_RATE_LIMIT_MAX_ATTEMPTS="0" is invalid: expected an integer >= 1/,
    );
  });

  it('reads the request and header timeouts (ms), defaults 30 s and 10 s, headers <= request', () => {
    expect(resolveConfig({})).toMatchObject({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
    expect(
      resolveConfig({ ROTA_API_HEADERS_TIMEOUT_MS: '500', ROTA_API_REQUEST_TIMEOUT_MS: '1000' }),
    ).toMatchObject({ headersTimeoutMs: 500, requestTimeoutMs: 1000 });
    expect(() => resolveConfig({ ROTA_API_REQUEST_TIMEOUT_MS: '5000' })).toThrow(
      'ROTA_API_HEADERS_TIMEOUT_MS=10000 is invalid: expected at most ROTA_API_REQUEST_TIMEOUT_MS (5000)',
    );
    expect(() => resolveConfig({ ROTA_API_REQUEST_TIMEOUT_MS: '30s' })).toThrow(
      /ROTA_API_REQUEST_TIMEOUT_MS="30s" is invalid: expected an integer >= 1/,
    );
  });
});
