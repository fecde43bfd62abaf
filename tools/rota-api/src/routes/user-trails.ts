import type { FastifyInstance } from 'fastify';
import { detailError } from '../http/errors.js';
import { idParam } from '../http/params.js';
import { defineRoute, ID, sendJson } from '../http/routes.js';
import { enforceCsrf } from '../security/session.js';
import type { RouteContext } from './context.js';
import { requireUser, requireUserAnd } from './me.js';
import { toProgressEntryJson, toProgressOut } from './progress-json.js';

const NOT_ENROLLED = 'Você precisa se inscrever na trilha antes de acessar o progresso.';

/** The 403 of the progress reads for a user who is not enrolled (null from the repository). */
function requireEnrolled<T>(rows: T[] | null): T[] {
  if (rows === null) throw detailError(403, { detail: NOT_ENROLLED });
  return rows;
}

/**
 * GET `/user-trails/:trailId/<name>`: the session user's rows of one trail (403 when not
 * enrolled), each sent as `toJson` makes it.
 */
function enrolledRowsRoute<R>(
  app: FastifyInstance,
  ctx: RouteContext,
  name: string,
  read: (userId: number, trailId: number) => Promise<R[] | null>,
  toJson: (row: R) => unknown,
): void {
  defineRoute(app, ctx, `/user-trails/:trailId${ID}/${name}`, (ctx) => ({
    GET: async (request, reply) => {
      const trailId = idParam(request, 'trailId');
      const { result } = await requireUserAnd(ctx, request, (userId) => read(userId, trailId));
      sendJson(reply, requireEnrolled(result).map(toJson));
    },
  }));
}

/** Enrollment and per-user progress (docs/rota-api.md §2.3, rows 14-17). */
export function registerUserTrailRoutes(app: FastifyInstance, ctx: RouteContext): void {
  defineRoute(app, ctx, `/user-trails/:trailId${ID}/enroll`, (ctx) => ({
    POST: async (request, reply) => {
      const trailId = idParam(request, 'trailId');
      enforceCsrf(request, ctx.config);
      const user = await requireUser(ctx, request);
      await ctx.repos.userTrails.ensureEnrollment(user.userId, trailId);
      const firstItemId = await ctx.repos.items.firstItemInLockOrder(trailId);
      const entry = await ctx.repos.userTrails.getProgressIso(user.userId, trailId);
      sendJson(reply, {
        ok: true,
        trail_id: trailId,
        first_item_id: firstItemId,
        progress: toProgressEntryJson(entry),
      });
    },
  }));
  defineRoute(app, ctx, `/user-trails/:trailId${ID}/progress`, (ctx) => ({
    GET: async (request, reply) => {
      const trailId = idParam(request, 'trailId');
      const user = await requireUser(ctx, request);
      sendJson(
        reply,
        toProgressOut(await ctx.repos.userTrails.getProgressIso(user.userId, trailId)),
      );
    },
  }));
  enrolledRowsRoute(
    app,
    ctx,
    'items-progress',
    (userId, trailId) => ctx.repos.userTrails.getEnrolledItemsProgressIso(userId, trailId),
    (r) => ({
      item_id: r.itemId,
      status: r.status,
      progress_value: r.progressValue,
      completed_at: r.completedAt,
    }),
  );
  enrolledRowsRoute(
    app,
    ctx,
    'sections-progress',
    (userId, trailId) => ctx.repos.userTrails.getEnrolledSectionsProgress(userId, trailId),
    (r) => ({
      section_id: r.sectionId,
      title: r.title,
      total: r.total,
      done: r.done,
      percent: r.percent,
    }),
  );
}
