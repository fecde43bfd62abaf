// One request to one catalogue endpoint, as every scenario and probe sends it: headers from the
// VU's session, endpoint-tagged metrics, a check, and a CSRF refresh whenever the response
// carries a new token (the original looked the header up in exact case and never refreshed).
import type { BootstrapResult, Credentials, Session } from '@rota-perf/bootstrap-auth';
import { refreshFrom } from '@rota-perf/bootstrap-auth';
import { type K6ResponseLike, mapK6Response } from '@rota-perf/bootstrap-auth/k6';
import { check } from 'k6';
import http from 'k6/http';
import { type Endpoint, endpointByKey } from './catalogue.js';
import {
  endpointDuration,
  endpointFailures,
  endpointRequests,
  responseBodyBytes,
} from './metrics.js';

/** What setup() hands to every VU: the bootstrap result plus the scenarios that cannot run. */
export interface ScenarioData extends BootstrapResult {
  skipped: { key: string; label: string; missing: string[] }[];
  rateLimitVerification?: unknown;
}

// One session per VU: k6 gives each VU its own module instance, so a refreshed token stays with
// the VU that received it (node-runner shares modules between VUs, where one shared session is
// what the scripts want anyway: every VU uses the same synthetic user).
let vuSession: Session | null = null;
const failuresLogged: Record<string, number> = {};

function sessionOf(data: ScenarioData): Session {
  if (vuSession === null) vuSession = { ...data.session };
  return vuSession;
}

/** True when setup found the endpoint cannot run (named in the summary, never silent). */
export function isSkipped(data: ScenarioData, key: string): boolean {
  for (const s of data.skipped) if (s.key === key) return true;
  return false;
}

function loginCredentials(data: ScenarioData, iteration: number): Credentials {
  const pool = data.loginPool;
  return pool.length > 0 ? (pool[iteration % pool.length] as Credentials) : data.credentials;
}

/** Per-request choices of the caller. */
export interface SendOptions {
  /** Feeds request bodies (login-pool rotation). */
  iteration?: number;
  tags?: Record<string, string>;
  /** Replaces the catalogue's body (the write probe sends increasing progress values). */
  body?: unknown;
}

function bodyFor(endpoint: Endpoint, data: ScenarioData, send: SendOptions): string | null {
  if (send.body !== undefined) return JSON.stringify(send.body);
  const iteration = send.iteration ?? 0;
  if (endpoint.key === 'auth_login') {
    const c = loginCredentials(data, iteration);
    return JSON.stringify({ email: c.email, password: c.password, remember: true });
  }
  return endpoint.body ? JSON.stringify(endpoint.body(data.dataset, iteration)) : null;
}

function headersFor(endpoint: Endpoint, session: Session, hasBody: boolean) {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (endpoint.auth || endpoint.csrf) headers.Cookie = session.cookieHeader;
  if (endpoint.csrf && session.csrfToken !== null) headers['X-CSRF-Token'] = session.csrfToken;
  if (hasBody) headers['Content-Type'] = 'application/json';
  return headers;
}

/** Whether a response counts as a success for the endpoint's check and failure counter. */
export function isSuccess(key: string, status: number): boolean {
  if (status === 0) return false;
  // The login benchmark may meet the rate limiter; a 429 is the documented, correct answer.
  if (key === 'auth_login') return status === 200 || status === 429;
  return status < 400;
}

const loginStatuses = http.expectedStatuses({ min: 200, max: 399 }, 429);

/**
 * Sends one request to the endpoint `key`; returns the response, or null when the endpoint is
 * skipped for this dataset.
 */
export async function sendEndpoint(data: ScenarioData, key: string, send: SendOptions = {}) {
  if (isSkipped(data, key)) return null;
  const endpoint = endpointByKey(key);
  const session = sessionOf(data);
  const body = bodyFor(endpoint, data, send);
  const tags = { endpoint: key, phase: endpoint.phase, name: endpoint.label, ...send.tags };
  const params: Record<string, unknown> = {
    headers: headersFor(endpoint, session, body !== null),
    tags,
  };
  if (key === 'auth_login') params.responseCallback = loginStatuses;
  const response = await http.asyncRequest(
    endpoint.method,
    `${session.baseUrl}${endpoint.path(data.dataset)}`,
    body,
    params,
  );
  const ok = isSuccess(key, response.status);
  const metricTags = { endpoint: key };
  endpointDuration.add(response.timings.duration, metricTags);
  endpointRequests.add(1, metricTags);
  endpointFailures.add(ok ? 0 : 1, metricTags);
  responseBodyBytes.add(typeof response.body === 'string' ? response.body.length : 0, metricTags);
  check(response, { [`${endpoint.label} ok`]: () => ok });
  if (!ok) logFailure(endpoint, response.status, response.error);
  if (endpoint.auth || endpoint.csrf)
    refreshFrom(session, mapK6Response(response as unknown as K6ResponseLike));
  return response;
}

// A failing endpoint at 50 RPS would flood the console; the counters carry the totals.
function logFailure(endpoint: Endpoint, status: number, error: string): void {
  const seen = (failuresLogged[endpoint.key] ?? 0) + 1;
  failuresLogged[endpoint.key] = seen;
  if (seen <= 3)
    console.error(`${endpoint.label} failed: status ${status}${error ? ` (${error})` : ''}`);
  if (seen === 3)
    console.error(`${endpoint.label}: further failures of this endpoint are counted, not logged`);
}
