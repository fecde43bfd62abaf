import { ConfigError, type EnvMap, readBoolean, readRaw, SHARED_DEFAULTS } from '@rota-perf/core';
import type { BootstrapConfig, Credentials } from './types.js';

export type { EnvMap };

// The documented defaults, from the script registry (the README's tables show the same values).
export const DEFAULT_BASE_URL = SHARED_DEFAULTS.BASE_URL;
export const DEFAULT_PASSWORD = SHARED_DEFAULTS.AUTH_PASSWORD;
export const DEFAULT_SESSION_COOKIE = SHARED_DEFAULTS.SESSION_COOKIE_NAME;
export const DEFAULT_CSRF_COOKIE = SHARED_DEFAULTS.CSRF_COOKIE_NAME;
// Each pool user costs a bcrypt hash on the server; beyond this a run is almost surely a typo.
const MAX_LOGIN_POOL = 1000;

// Cookie names are RFC 6265 tokens: no separators, spaces or control characters.
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BASE_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;

/** Options for `configFromEnv`; `now` makes generated credentials reproducible in tests. */
export interface ConfigFromEnvOptions {
  now?: number;
}

/** Builds the bootstrap configuration from an env map; throws ConfigError on malformed values. */
export function configFromEnv(env: EnvMap, options: ConfigFromEnvOptions = {}): BootstrapConfig {
  const stamp = options.now ?? Date.now();
  const baseUrl = readBaseUrl(env);
  const { credentials, generated } = readCredentials(env, stamp);
  return {
    baseUrl,
    credentials,
    generatedCredentials: generated,
    stamp,
    sessionCookieName: readCookieName(env, 'SESSION_COOKIE_NAME', DEFAULT_SESSION_COOKIE),
    csrfCookieName: readCookieName(env, 'CSRF_COOKIE_NAME', DEFAULT_CSRF_COOKIE),
    sessionCookieAliases: readCookieList(env, 'SESSION_COOKIE_ALIASES'),
    csrfCookieAliases: readCookieList(env, 'CSRF_COOKIE_ALIASES'),
    loginUserPool: readPoolSize(env),
    insecureSkipTlsVerify: readBoolean(
      env,
      'INSECURE_SKIP_TLS_VERIFY',
      SHARED_DEFAULTS.INSECURE_SKIP_TLS_VERIFY,
    ),
  };
}

/** Credentials of the i-th login-pool user (the original scripts' naming). */
export function poolCredentials(config: BootstrapConfig, index: number): Credentials {
  return {
    email: `perf-${config.stamp}-${index}@example.com`,
    password: config.credentials.password,
    username: `perf_${config.stamp}-${index}`,
  };
}

// An empty variable means "not set": shells and CI templates often export blanks.
const value = readRaw;

function readBaseUrl(env: EnvMap): string {
  const raw = value(env, 'BASE_URL') ?? DEFAULT_BASE_URL;
  const url = raw.replace(/\/+$/, '');
  if (!BASE_URL.test(url)) {
    throw new ConfigError(
      'BASE_URL',
      `BASE_URL must start with http:// or https:// and have no query or fragment, got "${raw}"`,
    );
  }
  return url;
}

function readCredentials(
  env: EnvMap,
  stamp: number,
): { credentials: Credentials; generated: boolean } {
  const email = value(env, 'AUTH_EMAIL');
  const password =
    env.AUTH_PASSWORD !== undefined && env.AUTH_PASSWORD !== ''
      ? env.AUTH_PASSWORD
      : DEFAULT_PASSWORD;
  const username = value(env, 'AUTH_USERNAME');
  if (email === undefined) {
    return {
      credentials: {
        email: `perf-${stamp}@example.com`,
        password,
        username: username ?? `perf_${stamp}`,
      },
      generated: true,
    };
  }
  if (!EMAIL.test(email)) {
    throw new ConfigError(
      'AUTH_EMAIL',
      `AUTH_EMAIL must be an email address like name@example.com, got "${email}"`,
    );
  }
  const localPart = email.slice(0, email.indexOf('@'));
  return { credentials: { email, password, username: username ?? localPart }, generated: false };
}

function readCookieName(env: EnvMap, name: string, fallback: string): string {
  const raw = value(env, name) ?? fallback;
  if (!COOKIE_NAME.test(raw)) {
    throw new ConfigError(
      name,
      `${name} must be a cookie name (letters, digits, - _ . etc.), got "${raw}"`,
    );
  }
  return raw;
}

function readCookieList(env: EnvMap, name: string): string[] {
  const raw = value(env, name);
  if (raw === undefined) return [];
  const names = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  for (const cookie of names) {
    if (!COOKIE_NAME.test(cookie)) {
      throw new ConfigError(
        name,
        `${name} must be a comma-separated list of cookie names, got "${raw}" ("${cookie}" is not a cookie name)`,
      );
    }
  }
  return names;
}

function readPoolSize(env: EnvMap): number {
  const raw = value(env, 'LOGIN_USER_POOL');
  if (raw === undefined) return SHARED_DEFAULTS.LOGIN_USER_POOL;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_LOGIN_POOL) {
    throw new ConfigError(
      'LOGIN_USER_POOL',
      `LOGIN_USER_POOL must be a whole number from 0 to ${MAX_LOGIN_POOL}, got "${raw}"`,
    );
  }
  return Number(raw);
}
