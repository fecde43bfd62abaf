import type { HttpClient, HttpResponse, RequestOptions } from '../types.js';

/** One request the scripted client received. */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  body: string | null;
  headers: Record<string, string>;
  options: RequestOptions | undefined;
}

/** A scripted reply: a response, or a thrown error (a client that rejects). */
export type Reply = HttpResponse | { throws: string };

/**
 * An in-memory HttpClient answering `"METHOD /path"` keys from queues; each request takes the
 * next reply for its key (the last reply repeats). Unknown keys answer 599 so tests see them.
 */
export function scriptedClient(
  baseUrl: string,
  routes: Record<string, Reply | Reply[]>,
): HttpClient & { calls: RecordedRequest[] } {
  const queues = new Map<string, Reply[]>();
  for (const [key, reply] of Object.entries(routes)) {
    queues.set(key, Array.isArray(reply) ? [...reply] : [reply]);
  }
  const calls: RecordedRequest[] = [];
  return {
    calls,
    async request(method, url, body, headers, options) {
      const path = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
      calls.push({ method, url, path, body, headers, options });
      const queue = queues.get(`${method} ${path}`);
      const reply = queue && (queue.length > 1 ? queue.shift() : queue[0]);
      if (!reply) return respond(599, `no scripted reply for ${method} ${path}`);
      if ('throws' in reply) throw new Error(reply.throws);
      return reply;
    },
  };
}

/** A response with a JSON (or text) body. */
export function respond(
  status: number,
  body: unknown,
  extra: { headers?: Record<string, string>; cookies?: Record<string, string[]> } = {},
): HttpResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...extra.headers },
    cookies: extra.cookies ?? {},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

/** A successful login/register response as docs/rota-api.md describes it (§1.3, §1.5). */
export function authOk(
  session: string,
  csrf: string,
  names: { session?: string; csrf?: string; header?: string } = {},
): HttpResponse {
  return respond(
    200,
    { user: { user_id: 7, email: 'x@example.com' } },
    {
      headers: { [names.header ?? 'X-Csrf-Token']: csrf },
      cookies: {
        [names.session ?? 'rota_session']: [session],
        [names.csrf ?? 'rota_csrf']: [csrf],
      },
    },
  );
}

/** A transport failure as adapters report it (status 0). */
export function refused(): HttpResponse {
  return { status: 0, headers: {}, cookies: {}, body: null, error: 'dial: connection refused' };
}

/** Scripted replies for a trail with sections-with-items and item details. */
export function trailRoutes(
  trailId: number,
  sections: Array<{ id: number; items: Array<Record<string, unknown>> }>,
  details: Record<number, HttpResponse>,
): Record<string, Reply> {
  const routes: Record<string, Reply> = {
    'GET /trails/': respond(200, { trails: [{ id: trailId, name: 'A' }], pagination: {} }),
    [`GET /trails/${trailId}/sections-with-items`]: respond(200, sections),
  };
  for (const [id, reply] of Object.entries(details)) {
    routes[`GET /trails/${trailId}/items/${id}`] = reply;
  }
  return routes;
}
