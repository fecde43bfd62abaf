import type { HttpResponse } from './types.js';

/** A cookie picked from a response: the name as the server spelled it, and its value. */
export interface FoundCookie {
  name: string;
  value: string;
}

// Names the original scripts and common frameworks use, tried after the configured ones.
export const USUAL_SESSION_COOKIES = ['rota_session', 'sessionid', 'session'];
export const USUAL_CSRF_COOKIES = [
  'rota_csrftoken',
  'rota_csrf',
  'csrftoken',
  'csrf_token',
  'xsrf-token',
  'xsrftoken',
];
// Response headers that carry the CSRF token, compared case-insensitively because k6 reports
// Go-canonical names (`X-Csrf-Token`) — the original scripts looked up the exact case and
// therefore never refreshed the token.
const CSRF_HEADERS = ['x-csrf-token', 'x-csrftoken', 'x-xsrf-token', 'x-xsrftoken'];

/**
 * Finds a cookie by exact name, then case-insensitively by each candidate in order, then by
 * any name containing one of `fragments`. Empty values are ignored: they are deletions.
 */
export function findCookie(
  cookies: Record<string, string[]>,
  candidates: string[],
  fragments: string[],
): FoundCookie | null {
  const present: FoundCookie[] = [];
  for (const name of Object.keys(cookies)) {
    const values = cookies[name] ?? [];
    // The last value wins when a name repeats, as in the original extraction.
    const last = values[values.length - 1];
    if (last !== undefined && last !== '') present.push({ name, value: last });
  }
  const first = candidates[0];
  const exact = present.find((cookie) => cookie.name === first);
  if (exact) return exact;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const hit = present.find((cookie) => cookie.name.toLowerCase() === lower);
    if (hit) return hit;
  }
  for (const fragment of fragments) {
    const hit = present.find((cookie) => cookie.name.toLowerCase().includes(fragment));
    if (hit) return hit;
  }
  return null;
}

/** Value of a response header, whatever the letter case of its name. */
export function headerValue(headers: Record<string, string>, name: string): string | null {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) {
    if (key.toLowerCase() === lower) return headers[key] ?? null;
  }
  return null;
}

/** CSRF token carried in a response header, if any. */
export function csrfTokenFromHeaders(response: HttpResponse): string | null {
  for (const name of CSRF_HEADERS) {
    const token = headerValue(response.headers, name);
    if (token !== null && token.trim() !== '') return token.trim();
  }
  return null;
}

/** Candidate list: configured name, aliases, then the usual names, without repeats. */
export function candidateNames(configured: string, aliases: string[], usual: string[]): string[] {
  const seen: string[] = [];
  for (const name of [configured, ...aliases, ...usual]) {
    if (!seen.some((other) => other.toLowerCase() === name.toLowerCase())) seen.push(name);
  }
  return seen;
}
