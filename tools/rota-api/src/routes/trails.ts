import type { ProgressEntry, TrailRow } from '@rota-perf/rota-db';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { toItemOut } from '../domain/items.js';
import { abort } from '../http/errors.js';
import { idParam, paginationOf, parsePositiveQueryInt } from '../http/params.js';
import { defineRoute, ID, sendJson } from '../http/routes.js';
import { readSession } from '../security/session.js';
import type { RouteContext } from './context.js';

type Query = Record<string, unknown>;

// Keys in sorted order (Flask's jsonify sorts them): the serializer then needs no copy.
function toTrailOut(trail: TrailRow, progress: ProgressEntry<string> | undefined | null) {
  return {
    author: trail.author,
    completed_at: progress?.completedAt ?? null,
    description: trail.description,
    id: trail.id,
    is_completed: progress ? progress.status === 'COMPLETED' : null,
    name: trail.name,
    nextAction: progress?.nextAction ?? null,
    progress_percent: progress ? progress.computedProgressPercent : null,
    review: trail.review,
    review_count: trail.reviewCount,
    status: progress?.status ?? null,
    thumbnail_url: trail.thumbnailUrl,
    user_review_comment: progress?.reviewComment ?? null,
    user_review_rating: progress?.reviewRating ?? null,
  };
}

/** TrailOut objects with per-user fields when the (optional) session is valid. */
async function trailsOut(ctx: RouteContext, request: FastifyRequest, trails: TrailRow[]) {
  const session = readSession(request, ctx.config);
  if (session.kind !== 'ok' || trails.length === 0) return trails.map((t) => toTrailOut(t, null));
  const map = await ctx.repos.userTrails.getProgressMapIso(
    session.claims.id,
    trails.map((t) => t.id),
  );
  return trails.map((t) => toTrailOut(t, map.get(t.id)));
}

function pageOf(request: FastifyRequest, defaultSize: number) {
  const query = request.query as Query;
  const page = parsePositiveQueryInt(query.page, 1);
  const pageSize = parsePositiveQueryInt(query.page_size, defaultSize, 100);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** Public trail reads (docs/rota-api.md §2.3, rows 3-12). */
export function registerTrailRoutes(app: FastifyInstance, ctx: RouteContext): void {
  defineRoute(app, ctx, '/trails', () => ({
    GET: async (request, reply) => {
      // Werkzeug's strict-slash redirect keeps the query string.
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      reply
        .code(308)
        .header('location', `/trails/${query}`)
        .header('content-type', 'text/html; charset=utf-8');
      reply.send('');
    },
  }));
  defineRoute(app, ctx, '/trails/', (ctx) => ({
    GET: async (request, reply) => {
      const { page, pageSize, offset } = pageOf(request, 10);
      const { rows, total } = await ctx.repos.trails.listAll({ offset, limit: pageSize });
      sendJson(reply, {
        trails: await trailsOut(ctx, request, rows),
        pagination: paginationOf(page, pageSize, total),
      });
    },
  }));
  defineRoute(app, ctx, '/trails/showcase', (ctx) => ({
    GET: async (request, reply) => {
      const rows = await ctx.repos.trails.listShowcase();
      sendJson(reply, { trails: await trailsOut(ctx, request, rows) });
    },
  }));
  defineRoute(app, ctx, `/trails/:trailId${ID}`, (ctx) => ({
    GET: async (request, reply) => {
      const trail = await ctx.repos.trails.getTrail(idParam(request, 'trailId'));
      if (!trail) throw abort(404, 'Trail not found');
      const [out] = await trailsOut(ctx, request, [trail]);
      sendJson(reply, out);
    },
  }));
  defineRoute(app, ctx, `/trails/:trailId${ID}/sections`, (ctx) => ({
    GET: async (request, reply) => {
      const { page, pageSize, offset } = pageOf(request, 20);
      const { rows, total } = await ctx.repos.trails.listSections(idParam(request, 'trailId'), {
        offset,
        limit: pageSize,
      });
      sendJson(reply, {
        sections: rows.map((s) => ({ id: s.id, title: s.title, order_index: s.orderIndex })),
        pagination: paginationOf(page, pageSize, total),
      });
    },
  }));
  defineRoute(app, ctx, `/trails/:trailId${ID}/sections/:sectionId${ID}/items`, (ctx) => ({
    GET: async (request, reply) => {
      const { page, pageSize, offset } = pageOf(request, 25);
      const trailId = idParam(request, 'trailId');
      const sectionId = idParam(request, 'sectionId');
      const { rows, total } = await ctx.repos.trails.listSectionItems(trailId, sectionId, {
        offset,
        limit: pageSize,
      });
      sendJson(reply, {
        items: rows.map(toItemOut),
        pagination: paginationOf(page, pageSize, total),
      });
    },
  }));
  defineRoute(app, ctx, `/trails/:trailId${ID}/sections-with-items`, (ctx) => ({
    GET: async (request, reply) => {
      const sections = await ctx.repos.trails.listSectionsWithItemsJson(
        idParam(request, 'trailId'),
      );
      sendJson(reply, sections, 200, true);
    },
  }));
  const texts: Record<
    string,
    (repos: RouteContext['repos']) => typeof ctx.repos.trails.listAudience
  > = {
    'included-items': (repos) => repos.trails.listIncludedItems,
    requirements: (repos) => repos.trails.listRequirements,
    audience: (repos) => repos.trails.listAudience,
  };
  for (const [path, listOf] of Object.entries(texts)) {
    defineRoute(app, ctx, `/trails/:trailId${ID}/${path}`, (ctx) => {
      const list = listOf(ctx.repos);
      return {
        GET: async (request, reply) => {
          const rows = await list(idParam(request, 'trailId'));
          sendJson(
            reply,
            rows.map((row) => ({ text_val: row.textVal })),
          );
        },
      };
    });
  }
  defineRoute(app, ctx, `/trails/:trailId${ID}/learn`, () => ({
    GET: async (request, reply) => {
      idParam(request, 'trailId');
      sendJson(reply, []);
    },
  }));
}
