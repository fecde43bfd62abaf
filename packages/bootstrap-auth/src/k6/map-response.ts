import type { HttpResponse } from '../core/types.js';

/** The parts of a k6 response object the mapping reads (see k6-golden/01-response-shape). */
export interface K6ResponseLike {
  status: number;
  headers: Record<string, string>;
  cookies: Record<string, Array<{ value: string }>>;
  body: unknown;
  error?: string;
  error_code?: number;
}

/**
 * Maps a k6 response to the core's shape. k6 already canonicalises header names
 * (`X-Csrf-Token`), joins repeated Set-Cookie headers with ", " and parses cookies into
 * `cookies[name] = [{value, …}]`; the core reads cookies from that map, never from the
 * joined header, because cookie attributes such as Expires contain commas.
 */
export function mapK6Response(response: K6ResponseLike): HttpResponse {
  const cookies: Record<string, string[]> = {};
  for (const name of Object.keys(response.cookies ?? {})) {
    cookies[name] = (response.cookies[name] ?? []).map((cookie) => cookie.value);
  }
  const mapped: HttpResponse = {
    status: response.status,
    headers: { ...(response.headers ?? {}) },
    cookies,
    // Binary bodies (responseType: 'binary') are ArrayBuffers; the bootstrap never asks for one.
    body: typeof response.body === 'string' ? response.body : null,
  };
  if (response.error) mapped.error = response.error;
  return mapped;
}
