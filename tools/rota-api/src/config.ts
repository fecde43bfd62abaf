import { randomBytes } from 'node:crypto';
import { ConfigError, readBoolean } from '@rota-perf/core';
import { parseRouteDelays, ROUTE_DELAY_VAR } from './route-delay.js';

/** Server configuration resolved from the original Rota env variable names. */
export interface RotaApiConfig {
  jwtSecret: string;
  csrfSecret: string;
  cookieName: string;
  csrfCookieName: string;
  env: string;
  rateLimitMaxAttempts: number;
  rateLimitWindowSeconds: number;
  /** Largest accepted request body in bytes (the original has no limit; we bound it). */
  bodyLimit: number;
  /** Longest wait for a request's headers, in ms (slow clients are answered 408 and closed). */
  headersTimeoutMs: number;
  /** Longest wait for a whole request (headers and body), in ms. */
  requestTimeoutMs: number;
  /** Tag every statement with the route that sent it (ROTA_API_TAG_STATEMENTS, default on). */
  tagStatements: boolean;
  /** ROTA_API_DELAY: route label → ms added before its handler (a test aid; empty by default). */
  routeDelays: ReadonlyMap<string, number>;
}

const WEAK_SECRETS = new Set(['changeme', 'secret', 'supersecret']);
const PRODUCTION_ENVS = new Set(['prod', 'production']);

function readPositiveInt(env: Record<string, string | undefined>, name: string, fallback: number) {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\+?\d+$/.test(raw) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new ConfigError(
      name,
      `${name}=${JSON.stringify(raw)} is invalid: expected an integer >= 1`,
    );
  }
  return Number(raw);
}

function nonBlank(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

/**
 * Resolves the configuration. Without JWT_SECRET a random per-process secret is used so the
 * embedded target runs with zero setup; outside ENV=dev a real secret is required, as in the
 * original.
 */
export function resolveConfig(env: Record<string, string | undefined>): RotaApiConfig {
  const appEnv = nonBlank(env.ENV)?.trim() ?? 'dev';
  const production = PRODUCTION_ENVS.has(appEnv.toLowerCase());
  const given = nonBlank(env.JWT_SECRET);
  let jwtSecret: string;
  if (given === undefined) {
    if (appEnv !== 'dev') {
      throw new ConfigError(
        'JWT_SECRET',
        `JWT_SECRET is not set: required when ENV=${appEnv} (only ENV=dev may omit it)`,
      );
    }
    jwtSecret = randomBytes(32).toString('hex');
  } else {
    jwtSecret = given.trim();
    if (jwtSecret.length < 16) {
      throw new ConfigError(
        'JWT_SECRET',
        `JWT_SECRET is too short (${jwtSecret.length} chars): expected at least 16 characters`,
      );
    }
    if (WEAK_SECRETS.has(jwtSecret.toLowerCase())) {
      throw new ConfigError(
        'JWT_SECRET',
        `JWT_SECRET=${JSON.stringify(jwtSecret)} is a known weak value`,
      );
    }
  }
  const csrfGiven = nonBlank(env.CSRF_SECRET);
  if (csrfGiven === undefined && production) {
    throw new ConfigError('CSRF_SECRET', `CSRF_SECRET is not set: required when ENV=${appEnv}`);
  }
  const headersTimeoutMs = readPositiveInt(env, 'ROTA_API_HEADERS_TIMEOUT_MS', 10_000);
  const requestTimeoutMs = readPositiveInt(env, 'ROTA_API_REQUEST_TIMEOUT_MS', 30_000);
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'ROTA_API_HEADERS_TIMEOUT_MS',
      `ROTA_API_HEADERS_TIMEOUT_MS=${headersTimeoutMs} is invalid: expected at most ROTA_API_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  }
  return {
    jwtSecret,
    csrfSecret: csrfGiven ?? jwtSecret,
    cookieName: nonBlank(env.COOKIE_NAME)?.trim() ?? 'rota_session',
    csrfCookieName: nonBlank(env.CSRF_COOKIE_NAME)?.trim() ?? 'rota_csrf',
    env: appEnv,
    rateLimitMaxAttempts: readPositiveInt(env, 'AUTH_RATE_LIMIT_MAX_ATTEMPTS', 10),
    rateLimitWindowSeconds: readPositiveInt(env, 'AUTH_RATE_LIMIT_WINDOW_SECONDS', 60),
    bodyLimit: readPositiveInt(env, 'ROTA_API_BODY_LIMIT', 1024 * 1024),
    headersTimeoutMs,
    requestTimeoutMs,
    tagStatements: readBoolean(env, 'ROTA_API_TAG_STATEMENTS', true),
    routeDelays: parseRouteDelays(env[ROUTE_DELAY_VAR]),
  };
}
