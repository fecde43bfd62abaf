import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { HttpError } from './errors.js';
import { toFlaskJson, toFlaskJsonPresorted } from './json.js';

/** A route handler; it sends through `reply` (see `sendJson`). */
export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<void> | void;

const HANDLED_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Sends a Flask-style JSON body. `presorted` skips key sorting for bodies built sorted. */
export function sendJson(
  reply: FastifyReply,
  body: unknown,
  statusCode = 200,
  presorted = false,
): void {
  const text = presorted ? toFlaskJsonPresorted(body) : toFlaskJson(body);
  // A Buffer keeps Fastify from appending "; charset=utf-8" (Flask sends plain application/json).
  reply.code(statusCode).header('content-type', 'application/json').send(Buffer.from(text));
}

/** A URL rule's handlers, by method. */
export type RouteHandlers = Partial<Record<'GET' | 'POST' | 'PUT', RouteHandler>>;

/** `GET /trails/:trailId`: the method and the URL without its parameter patterns. */
export function routeLabel(method: string, url: string): string {
  return `${method} ${url.replace(/\([^)]*\)/g, '')}`;
}

/**
 * Registers one URL rule like Werkzeug does: the given methods, HEAD for GET, an automatic
 * OPTIONS answer, and 405 (with `Allow`) for every other method. `build` makes the handlers
 * from the context of one route (`scope.forRoute`): each method's handler gets its own, so the
 * statements it sends can say which route caused them.
 */
export function defineRoute<C>(
  app: FastifyInstance,
  scope: C & { forRoute(route: string): C },
  url: string,
  build: (ctx: C) => RouteHandlers,
): void {
  const methods = Object.keys(build(scope)) as Array<'GET' | 'POST' | 'PUT'>;
  const allowed: string[] = [...methods, 'OPTIONS'];
  if (methods.includes('GET')) allowed.push('HEAD');
  const allow = allowed.sort().join(', ');
  for (const method of methods) {
    const handler = build(scope.forRoute(routeLabel(method, url)))[method] as RouteHandler;
    app.route({
      method,
      url,
      handler: async (req, reply) => {
        inflight.count += 1;
        try {
          await handler(req, reply);
        } finally {
          inflight.count -= 1;
        }
      },
    });
  }
  app.route({
    method: 'OPTIONS',
    url,
    handler: async (_req, reply) => {
      reply
        .code(200)
        .header('allow', allow)
        .header('content-type', 'text/html; charset=utf-8')
        .send('');
    },
  });
  const rest = HANDLED_METHODS.filter((m) => !allowed.includes(m)) as HTTPMethods[];
  if (rest.length === 0) return;
  app.route({
    method: rest,
    url,
    handler: async () => {
      throw new HttpError(
        405,
        {
          error: 'method_not_allowed',
          message: 'The method is not allowed for the requested URL.',
        },
        { allow },
      );
    },
  });
}

// Handlers still running after their client went away (e.g. a load generator stopping); the
// server waits for them before closing the database pool.
const inflight = { count: 0 };

/** Resolves when no route handler is running (or after `timeoutMs`). */
export async function drainHandlers(timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (inflight.count > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
}

/** Path segment matching Flask's `int` converter. */
export const ID = '(^\\d+$)';
