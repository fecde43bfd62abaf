import type { FastifyInstance } from 'fastify';
import { abort } from '../http/errors.js';
import { defineRoute, sendJson } from '../http/routes.js';
import { echoCsrfCookie, requireSession } from '../security/session.js';
import { toUserOut } from './auth.js';
import type { RouteContext } from './context.js';

/** GET /me (docs/rota-api.md §1.8) and GET/HEAD /healthz. */
export function registerMeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  defineRoute(app, ctx, '/me', (ctx) => ({
    GET: async (request, reply) => {
      const claims = requireSession(request, ctx.config);
      const user = await ctx.repos.users.getUserById(claims.id);
      if (!user) throw abort(404, 'Usuário não encontrado');
      echoCsrfCookie(request, reply, ctx.config);
      sendJson(reply, { user: toUserOut(user) });
    },
  }));
  defineRoute(app, ctx, '/healthz', () => ({
    GET: async (_request, reply) => {
      reply.code(200).header('content-type', 'text/html; charset=utf-8').send('');
    },
  }));
}

/** The session's user, or 401 when the JWT is missing/invalid or its user no longer exists. */
export async function requireUser(
  ctx: RouteContext,
  request: Parameters<typeof requireSession>[0],
) {
  const claims = requireSession(request, ctx.config);
  const user = await ctx.repos.users.getUserById(claims.id);
  if (!user) throw abort(401, 'Sessão inválida');
  return user;
}

/**
 * `requireUser` plus a read for the session's user id, sent together (read-only work only):
 * the two statements share one round trip's wait. The 401 of a vanished user still wins over
 * whatever the read answered.
 */
export async function requireUserAnd<T>(
  ctx: RouteContext,
  request: Parameters<typeof requireSession>[0],
  read: (userId: number) => Promise<T>,
) {
  const claims = requireSession(request, ctx.config);
  const userRead = ctx.repos.users.getUserById(claims.id);
  const result = read(claims.id);
  // Settled below, after the user check; keep an early rejection from being "unhandled".
  result.catch(() => {});
  const user = await userRead;
  if (!user) throw abort(401, 'Sessão inválida');
  return { user, result: await result };
}
