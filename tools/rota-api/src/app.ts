import type { Repositories } from '@rota-perf/rota-db';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { RotaApiConfig } from './config.js';
import { abort, HttpError, NOT_FOUND_MESSAGE } from './http/errors.js';
import { sendJson } from './http/routes.js';
import { routeDelays } from './route-delay.js';
import { registerAuthRoutes } from './routes/auth.js';
import type { RouteContext } from './routes/context.js';
import { registerItemRoutes } from './routes/items.js';
import { registerMeRoutes } from './routes/me.js';
import { registerTrailRoutes } from './routes/trails.js';
import { registerUserTrailRoutes } from './routes/user-trails.js';
import { SlidingLogRateLimiter } from './security/rate-limiter.js';

/** What `createRotaApp` needs: resolved config, rota-db repositories, and optional Fastify server options. */
export interface RotaAppOptions {
  config: RotaApiConfig;
  repos: Repositories;
  /** e.g. `{ https: { key, cert } }` for TLS; logging is off unless given. */
  server?: Pick<FastifyServerOptions, 'logger'> & { https?: { key: string; cert: string } };
  /** The auth rate limiter (default: one per app from the config's attempts and window). */
  rateLimiter?: SlidingLogRateLimiter;
  /** Repositories whose statements carry a route's tag (default: `repos` for every route). */
  reposFor?: (route: string) => Repositories;
}

function sendError(
  reply: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[2],
  error: HttpError,
) {
  for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
  sendJson(reply, error.body, error.statusCode);
}

// Drizzle wraps driver errors ("Failed query: <sql> params: …", several lines); the log keeps the
// driver's one-line reason.
function rootMessage(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  const message = cause instanceof Error ? cause.message : (error as Error).message;
  return String(message).split('\n')[0] ?? '';
}

/** Builds the Fastify app with every Rota route; the caller owns `listen` and the database. */
export function createRotaApp(options: RotaAppOptions): FastifyInstance {
  const { config, repos } = options;
  // Slow clients (a body or headers trickled byte by byte) are answered 408 and closed: Node
  // checks its connections a few times per headers bound. Idle keep-alive connections and slow
  // handlers are not affected: the bounds cover receiving a request only.
  const timeouts = {
    headersTimeout: config.headersTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.ceil(config.headersTimeoutMs / 4)),
  };
  const app = Fastify({
    logger: options.server?.logger ?? false,
    bodyLimit: config.bodyLimit,
    requestTimeout: config.requestTimeoutMs,
    ...(options.server?.https
      ? { https: { ...options.server.https, ...timeouts } }
      : { http: timeouts }),
  }) as unknown as FastifyInstance;

  // Bodies stay raw strings: each route decides whether and how to read JSON (see body.ts).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.setNotFoundHandler((_request, reply) => {
    sendError(reply, abort(404, NOT_FOUND_MESSAGE));
  });
  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return sendError(reply, error);
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413)
      return sendError(reply, abort(413, 'The data value transmitted exceeds the capacity limit.'));
    if (status !== undefined && status >= 400 && status < 500) {
      return sendError(
        reply,
        abort(400, 'The browser (or proxy) sent a request that this server could not understand.'),
      );
    }
    // One line per 500 (e.g. the FK violation of enrolling in an unknown trail, as the original).
    if (options.server?.logger) request.log.error(error);
    else
      process.stderr.write(
        `rota-api: ${request.method} ${request.url} -> 500: ${rootMessage(error)}\n`,
      );
    return sendError(reply, abort(500, 'Internal Server Error'));
  });

  const limiter =
    options.rateLimiter ??
    new SlidingLogRateLimiter(config.rateLimitMaxAttempts, config.rateLimitWindowSeconds);
  // Expired keys go on time even when no more logins come (a flood's keys would stay otherwise).
  const sweeper = setInterval(
    () => limiter.sweep(Date.now()),
    Math.min(60_000, Math.max(1000, config.rateLimitWindowSeconds * 1000)),
  );
  sweeper.unref();
  app.addHook('onClose', async () => clearInterval(sweeper));
  // Before the routes: the delays hook learns every route's label as it is registered.
  const delays = routeDelays(app, config.routeDelays);
  const reposFor = options.reposFor;
  const ctx: RouteContext = {
    config,
    repos,
    limiter,
    forRoute: (route) => (reposFor ? { ...ctx, repos: reposFor(route) } : ctx),
  };
  registerAuthRoutes(app, ctx);
  registerMeRoutes(app, ctx);
  registerTrailRoutes(app, ctx);
  registerUserTrailRoutes(app, ctx);
  registerItemRoutes(app, ctx);
  delays.apply();
  return app;
}
