import { hashPassword, type UserRow, verifyPassword } from '@rota-perf/rota-db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { readJsonBody } from '../http/body.js';
import { abort, HttpError } from '../http/errors.js';
import { defineRoute, sendJson } from '../http/routes.js';
import { clearAuthCookies, clientIdOf, issueAuthCookies } from '../security/session.js';
import { validateLoginBody, validateRegisterBody } from '../validation/auth-bodies.js';
import type { RouteContext } from './context.js';

/** `UserOut` JSON. */
export function toUserOut(user: UserRow) {
  return {
    user_id: user.userId,
    email: user.email,
    username: user.username,
    profile_pic_url: user.profilePicUrl,
    banner_pic_url: user.bannerPicUrl,
    role: user.role,
    sex: user.sex,
    color: user.color,
  };
}

function enforceRateLimit(ctx: RouteContext, request: FastifyRequest, scope: string, id: string) {
  const key = `${scope}:${id.toLowerCase()}:${clientIdOf(request)}`;
  const decision = ctx.limiter.hit(key, Date.now());
  if (!decision.allowed) {
    throw new HttpError(
      429,
      { detail: 'Muitas tentativas. Aguarde antes de tentar novamente.' },
      { 'retry-after': String(decision.retryAfterSeconds) },
    );
  }
}

// Python's date.fromisoformat: anything else fails at insert time in the original (500).
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** POST /auth/register, /auth/login, /auth/logout (docs/rota-api.md §1.2, §1.3, §1.7). */
export function registerAuthRoutes(app: FastifyInstance, ctx: RouteContext): void {
  defineRoute(app, ctx, '/auth/register', (ctx) => ({
    POST: async (request, reply) => {
      const body = validateRegisterBody(readJsonBody(request));
      if (body instanceof HttpError) throw body;
      enforceRateLimit(ctx, request, 'register', `${body.email}:${body.username}`);
      if (
        (await ctx.repos.users.existsEmail(body.email)) ||
        (await ctx.repos.users.existsUsername(body.username))
      ) {
        throw abort(409, 'Dados já cadastrados');
      }
      if (!isIsoDate(body.birthday)) throw abort(500, 'Internal Server Error');
      const passwordHash = await hashPassword(body.password);
      const created = await ctx.repos.users.createUser({ ...body, passwordHash });
      if (!created) throw abort(409, 'Dados já cadastrados');
      issueAuthCookies(request, reply, ctx.config, created, body.remember);
      sendJson(reply, { user: toUserOut(created) });
    },
  }));
  defineRoute(app, ctx, '/auth/login', (ctx) => ({
    POST: async (request, reply) => {
      const body = validateLoginBody(readJsonBody(request));
      if (body instanceof HttpError) throw body;
      enforceRateLimit(ctx, request, 'login', body.email);
      const user = await ctx.repos.users.getUserByEmail(body.email);
      if (!user || !(await verifyPassword(body.password, user.passwordHash).catch(() => false))) {
        throw abort(401, 'Credenciais inválidas');
      }
      issueAuthCookies(request, reply, ctx.config, user, body.remember);
      sendJson(reply, { user: toUserOut(user) });
    },
  }));
  defineRoute(app, ctx, '/auth/logout', (ctx) => ({
    POST: async (request, reply) => {
      clearAuthCookies(request, reply, ctx.config);
      sendJson(reply, { ok: true });
    },
  }));
}
